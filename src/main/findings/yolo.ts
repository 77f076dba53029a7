import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { BoxRecord } from '../../shared/boxes/model';
import type { CatalogImage, ImageCatalog } from '../../shared/findings/catalog';
import type { FindingImporter, FindingSource, ImportedFindings } from './importer';
import { inclusivePixels, sopTarget } from './image-lookup';

/** Class names from data.yaml: `names: [a, b]`, `names:` followed by `- a` items or `0: a` entries. */
export function yamlNames(text: string): Map<number, string> {
  const names = new Map<number, string>();
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^names\s*:/.test(l));
  if (start < 0) return names;
  const clean = (s: string): string => s.trim().replace(/^['"]|['"]$/g, '');
  const inline = /^names\s*:\s*\[(.*)\]\s*$/.exec(lines[start] ?? '');
  if (inline) {
    (inline[1] ?? '').split(',').forEach((n, i) => names.set(i, clean(n)));
    return names;
  }
  let index = 0;
  for (const line of lines.slice(start + 1)) {
    if (!/^\s/.test(line) && line.trim() !== '') break;
    const item = /^\s*-\s*(.+)$/.exec(line);
    const entry = /^\s*(\d+)\s*:\s*(.+)$/.exec(line);
    if (item) names.set(index++, clean(item[1] ?? ''));
    else if (entry) names.set(Number(entry[1]), clean(entry[2] ?? ''));
  }
  return names;
}

async function classNames(folder: string, files: readonly string[]): Promise<Map<number, string>> {
  if (files.includes('classes.txt')) {
    const lines = (await readFile(join(folder, 'classes.txt'), 'utf8')).split(/\r?\n/).map((l) => l.trim());
    return new Map(lines.filter((l) => l !== '').map((name, i) => [i, name]));
  }
  const yaml = files.find((f) => f === 'data.yaml' || f === 'data.yml');
  return yaml ? yamlNames(await readFile(join(folder, yaml), 'utf8')) : new Map();
}

async function labelFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.txt') && e.name !== 'classes.txt')
    .map((e) => relative(folder, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

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
    const files = await readdir(source.path);
    const names = await classNames(source.path, files);
    const labels = await labelFiles(source.path);
    const catalog = await context.catalog();
    const result: ImportedFindings = { format: 'yolo', findings: [], problems: [], notes: [] };
    if (labels.length === 0)
      result.problems.push({ origin: source.name, reason: 'the folder has no YOLO .txt label files' });
    for (const file of labels) {
      const name = `${source.name}/${file}`;
      const image = imageFor(catalog, file);
      const lines = (await readFile(join(source.path, file), 'utf8')).split(/\r?\n/);
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
