import { dicomAnnotationImporter } from '../dicom-annotations';

/** TID 1500 Measurement Reports (and any SR with image SCOORDs): each graphic becomes a box on its image. */
export const srImporter = dicomAnnotationImporter('dicom-sr');
