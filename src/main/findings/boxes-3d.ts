import { parseCsv } from '../../shared/boxes/csv';
import { parseHexColor } from '../../shared/boxes/hex-color';
import type { BoxParseError, BoxRecord, Rgb } from '../../shared/boxes/model';
import { boxOnPlane } from '../../shared/findings/box-on-plane';
import type { ImageCatalog } from '../../shared/findings/catalog';
import type { PatientSpace } from '../../shared/geometry/patient-space';
import { toLps } from '../../shared/geometry/patient-space';
import type { Vec3 } from '../../shared/geometry/vec3';
import type { FindingImporter, ImportedFindings } from './importer';
import { headText, startsLikeJson } from './text-source';
import { readFindingText } from './finding-file';

const CORNERS = ['x1_mm', 'y1_mm', 'z1_mm', 'x2_mm', 'y2_mm', 'z2_mm'] as const;

type Cell = string | number | null | undefined;

function key(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function text(cell: Cell): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  const value = String(cell).trim();
  return value === '' ? undefined : value;
}

/** One row of a 3D box file, parsed: the box in LPS and what it is drawn with. */
interface Box3d {
  origin: string;
  seriesInstanceUid?: string;
  frameOfReferenceUid?: string;
  a: Vec3;
  b: Vec3;
  label?: string;
  score?: number;
  color?: Rgb;
  thickness?: number;
}

function parseRow(get: (column: string) => Cell, origin: string): Box3d | BoxParseError {
  const reasons: string[] = [];
  const values = CORNERS.map((column) => {
    const raw = text(get(column));
    const value = raw === undefined ? Number.NaN : Number(raw);
    if (!Number.isFinite(value)) reasons.push(`column ${column}: "${raw ?? ''}" is not a number (mm)`);
    return value;
  });
  const series = text(get('series_instance_uid'));
  const frame = text(get('frame_of_reference_uid'));
  if (series === undefined && frame === undefined)
    reasons.push('no series named: fill series_instance_uid or frame_of_reference_uid');
  const spaceText = (text(get('space')) ?? 'LPS').toUpperCase();
  if (spaceText !== 'LPS' && spaceText !== 'RAS')
    reasons.push(`column space: "${spaceText}" is not LPS or RAS`);
  const row: Box3d = { origin, a: [0, 0, 0], b: [0, 0, 0] };
  const label = text(get('label'));
  if (label !== undefined) row.label = label;
  const score = text(get('score'));
  if (score !== undefined) {
    const value = Number(score);
    if (!(value >= 0 && value <= 1)) reasons.push(`column score: "${score}" is not a score between 0 and 1`);
    else row.score = value;
  }
  const colour = text(get('color'));
  if (colour !== undefined) {
    const parsed = parseHexColor(colour);
    if (!parsed) reasons.push(`column color: "${colour}" is not a colour; write rrggbb`);
    else row.color = parsed;
  }
  const thickness = text(get('thickness'));
  if (thickness !== undefined) {
    const value = Number(thickness);
    if (!Number.isInteger(value) || value < 1 || value > 256)
      reasons.push(`column thickness: "${thickness}" is not a whole number of pixels from 1 to 256`);
    else row.thickness = value;
  }
  if (reasons.length > 0) return { origin, reason: reasons.join('; ') };
  const space = spaceText as PatientSpace;
  const [x1 = 0, y1 = 0, z1 = 0, x2 = 0, y2 = 0, z2 = 0] = values;
  row.a = toLps([x1, y1, z1], space);
  row.b = toLps([x2, y2, z2], space);
  if (series !== undefined) row.seriesInstanceUid = series;
  if (frame !== undefined) row.frameOfReferenceUid = frame;
  return row;
}

function parseRows(content: string, name: string): (Box3d | BoxParseError)[] {
  if (startsLikeJson(content)) {
    const parsed: unknown = JSON.parse(content.replace(/^\ufeff/, ''));
    const list = Array.isArray(parsed) ? parsed : [];
    return list.map((element: unknown, index) => {
      const cells = new Map<string, Cell>();
      if (element && typeof element === 'object')
        for (const [k, v] of Object.entries(element as Record<string, unknown>))
          cells.set(key(k), typeof v === 'number' || typeof v === 'string' ? v : undefined);
      return parseRow((c) => cells.get(c), `${name}[${index}]`);
    });
  }
  const records = parseCsv(content).filter((r) => r.fields.some((f) => f.trim() !== ''));
  const header = (records[0]?.fields ?? []).map(key);
  return records.slice(1).map((record) =>
    parseRow((column) => {
      const at = header.indexOf(column);
      return at < 0 ? undefined : record.fields[at];
    }, `${name}:${record.line}`),
  );
}

/** The boxes of one row on every slice of its series (or frame of reference) whose plane crosses it. */
function placeRow(row: Box3d, catalog: ImageCatalog): BoxRecord[] | string {
  const images = catalog.images.filter((image) =>
    row.seriesInstanceUid !== undefined
      ? image.seriesInstanceUid === row.seriesInstanceUid
      : image.frameOfReferenceUid === row.frameOfReferenceUid,
  );
  const named =
    row.seriesInstanceUid !== undefined
      ? `series ${row.seriesInstanceUid}`
      : `frame of reference ${row.frameOfReferenceUid ?? ''}`;
  if (images.length === 0) return `no input image belongs to ${named}`;
  const records: BoxRecord[] = [];
  for (const image of images) {
    if (!image.plane) continue;
    const rect = boxOnPlane(image.plane, row.a, row.b);
    if (!rect) continue;
    const record: BoxRecord = {
      target: { kind: 'sop', sopInstanceUid: image.sopInstanceUid },
      frame: 1,
      ...rect,
      origin: row.origin,
    };
    if (row.label !== undefined) record.label = row.label;
    if (row.score !== undefined) record.score = row.score;
    if (row.color !== undefined) record.color = row.color;
    if (row.thickness !== undefined) record.thickness = row.thickness;
    records.push(record);
  }
  if (records.length === 0) {
    const planes = images.filter((i) => i.plane).length;
    return planes === 0
      ? `the images of ${named} have no image plane (position, orientation, spacing), so a box in mm cannot be placed`
      : `the box crosses none of the ${planes} slices of ${named}`;
  }
  return records;
}

/**
 * 3D boxes in patient coordinates (mm): CSV or JSON rows with x1_mm..z2_mm, series_instance_uid or
 * frame_of_reference_uid, optional space (LPS, the DICOM default, or RAS), label, score, color, thickness.
 * Each box is drawn on every slice whose plane crosses it, as the rectangle around the pixel centres
 * of that slice that lie inside the box.
 */
export const boxes3dImporter: FindingImporter = {
  format: 'boxes-3d',
  recognises: (source) => /\bx1_mm\b/i.test(headText(source)),
  async read(source, context) {
    const rows = parseRows(await readFindingText(source.path, 'boxes-3d'), source.name);
    const catalog = await context.catalog();
    const result: ImportedFindings = { format: 'boxes-3d', findings: [], problems: [], notes: [] };
    for (const row of rows) {
      if ('reason' in row) {
        result.problems.push(row);
        continue;
      }
      const placed = placeRow(row, catalog);
      if (typeof placed === 'string') result.problems.push({ origin: row.origin, reason: placed });
      else result.findings.push(...placed);
    }
    return result;
  },
};
