import type { AlgorithmIdentity } from '../../shared/findings/algorithm-identity';
import { identityField, identityOf } from '../../shared/findings/algorithm-identity';
import type { BoxRecord } from '../../shared/boxes/model';
import type { CatalogImage } from '../../shared/findings/catalog';
import type { FindingImporter, ImportedFindings } from './importer';
import { findImage, inclusivePixels, sopTarget } from './image-lookup';
import { headText, startsLikeJson } from './text-source';
import { readFindingText } from './finding-file';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function bbox(value: unknown): [number, number, number, number] | undefined {
  if (!Array.isArray(value) || value.length !== 4) return undefined;
  const numbers = value.map(Number);
  if (!numbers.every(Number.isFinite) || (numbers[2] ?? 0) <= 0 || (numbers[3] ?? 0) <= 0) return undefined;
  return numbers as [number, number, number, number];
}

/** info.description names the algorithm, info.version its version, info.contributor its maker. */
function cocoAlgorithm(info: unknown): Partial<AlgorithmIdentity> | undefined {
  if (!isObject(info)) return undefined;
  const name = identityField(info.description);
  if (name === undefined) return undefined;
  return identityOf(name, identityField(info.version), identityField(info.contributor));
}

/**
 * COCO JSON: an annotations file ({ images, annotations, categories }) or a detections list
 * ([{ image_id, category_id, bbox, score }]). images[].file_name (or a string image_id) is a path
 * relative to the input folder or a SOP Instance UID; bbox is [x, y, width, height] in pixels with
 * continuous edges, so [10, 20, 5, 5] covers columns 10..14 and rows 20..24. Categories name the label.
 */
export const cocoImporter: FindingImporter = {
  format: 'coco',
  recognises(source) {
    const text = headText(source);
    return startsLikeJson(text) && /"bbox"\s*:/.test(text) && /"(image_id|images)"\s*:/.test(text);
  },
  async read(source, context) {
    const parsed: unknown = JSON.parse((await readFindingText(source.path, 'coco')).replace(/^\ufeff/, ''));
    const catalog = await context.catalog();
    const result: ImportedFindings = { format: 'coco', findings: [], problems: [], notes: [] };
    const document: Json = Array.isArray(parsed) ? { annotations: parsed } : isObject(parsed) ? parsed : {};
    const algorithm = cocoAlgorithm(document.info);
    if (algorithm !== undefined) result.algorithm = algorithm;
    const images = new Map<string, { image?: CatalogImage; name: string; frame: number }>();
    (Array.isArray(document.images) ? document.images : []).forEach((entry: unknown, index) => {
      if (!isObject(entry)) return;
      const name = String(entry.file_name ?? '');
      const frame = Number.isInteger(entry.frame) ? Number(entry.frame) : 1;
      const image = findImage(catalog, name);
      images.set(String(entry.id), image ? { image, name, frame } : { name, frame });
      if (!image && name === '')
        result.problems.push({ origin: `${source.name} images[${index}]`, reason: 'file_name is empty' });
    });
    const categories = new Map<string, string>();
    for (const entry of Array.isArray(document.categories) ? document.categories : [])
      if (isObject(entry) && typeof entry.name === 'string') categories.set(String(entry.id), entry.name);
    const annotations = Array.isArray(document.annotations) ? document.annotations : [];
    annotations.forEach((entry: unknown, index) => {
      const origin = `${source.name} annotations[${index}]`;
      if (!isObject(entry)) {
        result.problems.push({ origin, reason: 'not an object' });
        return;
      }
      const box = bbox(entry.bbox);
      if (!box) {
        result.problems.push({
          origin,
          reason: 'bbox is not [x, y, width, height] with a positive width and height',
        });
        return;
      }
      const id = String(entry.image_id);
      const known = images.get(id);
      const image = known ? known.image : findImage(catalog, id);
      if (!image) {
        const what = known ? `images file_name "${known.name}"` : `image_id "${id}"`;
        result.problems.push({
          origin,
          reason: `${what} is not an input image (a path relative to the input folder or a SOP Instance UID)`,
        });
        return;
      }
      const [x, y, w, h] = box;
      const record: BoxRecord = {
        target: sopTarget(image),
        frame: known?.frame ?? 1,
        ...inclusivePixels(x, y, x + w, y + h),
        origin,
      };
      const category = entry.category_id === undefined ? undefined : String(entry.category_id);
      const label = category === undefined ? undefined : (categories.get(category) ?? `category ${category}`);
      if (label !== undefined) record.label = label;
      if (typeof entry.score === 'number') {
        if (entry.score < 0 || entry.score > 1) {
          result.problems.push({ origin, reason: `score ${entry.score} is not between 0 and 1` });
          return;
        }
        record.score = entry.score;
      }
      result.findings.push(record);
    });
    if (annotations.length === 0)
      result.problems.push({ origin: source.name, reason: 'no annotations or detections in this COCO file' });
    return result;
  },
};
