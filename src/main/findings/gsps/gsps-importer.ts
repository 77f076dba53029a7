import { dicomAnnotationImporter } from '../dicom-annotations';

/** Grayscale (and Color) Softcopy Presentation States: each graphic annotation becomes a box on its image. */
export const gspsImporter = dicomAnnotationImporter('dicom-gsps');
