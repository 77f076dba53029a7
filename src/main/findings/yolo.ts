import type { BoxRecord } from '../../shared/boxes/model';
import type { CatalogImage, ImageCatalog } from '../../shared/findings/catalog';
import type { FindingImporter, FindingSource, ImportedFindings } from './importer';
import { inclusivePixels, sopTarget } from './image-lookup';
import { yoloFolder } from './yolo-folder';

function stem(path: string): string {
  return path.replace(/\.[^./]*$/, '');
}

/** The image a label file is named after: same relative path without extension, else the same file stem. */
function imageFor(catalog: ImageCatalog, labelPath: string): CatalogImage | undefined {
  const wanted = stem(labelPath);
  const byPath = catalog.images.filter((i) => stem(i.relativePath) === wanted || i.relativePath === wanted);
  if (byPath.length === 1) return byPath[0];
  const base = wanted.split('/').pop() ?? wanted;
  const byName = catalog.images.filter((i) => stem(i.relativePath.split('/').pop() ?? '') === base);
  return byName.length === 1 ? byName[0] : undefined;
}

function parseLine(
  line: string,
  image: CatalogImage,
  names: Map<number, string>,
): Omit<BoxRecord, 'origin' | 'target'> | string {
  const fields = line.trim().split(/\s+/).map(Number);
  if (fields.length !== 5 && fields.length !== 6)
    return `expected "class cx cy w h [confidence]", found ${fields.length} fields`;
  if (!fields.every(Number.isFinite)) return 'a field is not a number';
  const [cls = 0, cx = 0, cy = 0, w = 0, h = 0, conf] = fields;
  if (!Number.isInteger(cls) || cls < 0) return `class "${cls}" is not a class index`;
  if ([cx, cy, w, h].some((v) => v < 0 || v > 1) || w === 0 || h === 0)
    return 'cx cy w h must be normalised to 0-1 (and w, h above 0)';
  if (conf !== undefined && (conf < 0 || conf > 1)) return `confidence ${conf} is not between 0 and 1`;
  const W = image.columns;
  const H = image.rows;
  const box: Omit<BoxRecord, 'origin' | 'target'> = {
    frame: 1,
    ...inclusivePixels((cx - w / 2) * W, (cy - h / 2) * H, (cx + w / 2) * W, (cy + h / 2) * H),
    label: names.get(cls) ?? `class ${cls}`,
  };
  if (conf !== undefined) box.score = conf;
  return box;
}

/** True for a folder: YOLO labels are one .txt per image. */
function isFolder(source: FindingSource): boolean {
  return source.isDirectory;
}

/**
 * YOLO: a folder of `.txt` files named after the image files (`class cx cy w h [confidence]` per line,
 * normalised by the image's columns and rows), class names from classes.txt or data.yaml.
 */
export const yoloImporter: FindingImporter = {
  format: 'yolo',
  recognises: isFolder,
  async read(source, context) {
    const folder = await yoloFolder(source.path, source.name);
    const { names, labels } = folder;
    const catalog = await context.catalog();
    const result: ImportedFindings = { format: 'yolo', findings: [], problems: folder.problems, notes: [] };
    if (labels.length === 0)
      result.problems.push({ origin: source.name, reason: 'the folder has no YOLO .txt label files' });
    for (const file of labels) {
      const name = `${source.name}/${file}`;
      const image = imageFor(catalog, file);
      const lines = (await folder.read(file)).split(/\r?\n/);
      if (!image) {
        if (lines.some((l) => l.trim() !== ''))
          result.problems.push({
            origin: name,
            reason: `no input image is named ${stem(file)} (the label file must be named after its image)`,
          });
        continue;
      }
      lines.forEach((line, index) => {
        if (line.trim() === '') return;
        const origin = `${name}:${index + 1}`;
        const parsed = parseLine(line, image, names);
        if (typeof parsed === 'string') result.problems.push({ origin, reason: parsed });
        else result.findings.push({ ...parsed, target: sopTarget(image), origin });
      });
    }
    return result;
  },
};
