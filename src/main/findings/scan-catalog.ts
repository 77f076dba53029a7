import type { CatalogImage, ImageCatalog } from '../../shared/findings/catalog';
import { buildCatalog } from '../../shared/findings/catalog';
import { imagePlane } from '../../shared/geometry/image-plane';
import { readDicomFile } from '../dicom/read-dicom';
import type { InputRoot } from '../convert/plan-inputs';
import { enumerateInputs } from '../convert/plan-inputs';

/** Frame of Reference UID (0020,0052). */
const FRAME_OF_REFERENCE = '00200052';

/** The catalogue of every image under the inputs, from their headers only (the pixel data is not read). */
export async function scanCatalog(
  roots: readonly InputRoot[],
  outDir: string,
  signal?: AbortSignal,
  confineTo?: readonly string[],
): Promise<ImageCatalog> {
  const images: CatalogImage[] = [];
  for await (const input of enumerateInputs(roots, outDir, { signal, ...(confineTo ? { confineTo } : {}) })) {
    const read = await readDicomFile(input.path, { headerOnly: true });
    if (!read.ok) continue;
    const { header } = read.image;
    const image: CatalogImage = {
      sopInstanceUid: header.sopInstanceUid,
      seriesInstanceUid: header.seriesInstanceUid,
      relativePath: input.relativePath,
      rows: header.pixel.rows,
      columns: header.pixel.columns,
      frames: header.pixel.numberOfFrames,
    };
    const frameOfReference = read.image.getString(FRAME_OF_REFERENCE);
    if (frameOfReference) image.frameOfReferenceUid = frameOfReference;
    if (header.instanceNumber !== undefined) image.instanceNumber = header.instanceNumber;
    if (header.seriesDescription) image.seriesDescription = header.seriesDescription;
    if (header.pixel.numberOfFrames === 1) {
      const plane = imagePlane({ ...header, rows: header.pixel.rows, columns: header.pixel.columns });
      if (plane.ok) image.plane = plane.plane;
    }
    images.push(image);
  }
  return buildCatalog(images);
}
