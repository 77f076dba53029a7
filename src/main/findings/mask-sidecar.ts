import { parseCsv } from '../../shared/boxes/csv';
import { parseHexColor } from '../../shared/boxes/hex-color';
import type { Rgb } from '../../shared/boxes/model';
import type { AlgorithmIdentity } from '../../shared/findings/algorithm-identity';
import { identityField, identityOf } from '../../shared/findings/algorithm-identity';
import { readFindingText } from './finding-file';

export type SidecarLabels = Map<number, { name?: string; color?: Rgb }>;

/** mask.nii.gz -> [mask.json, mask.csv]: the label table a segmentation tool may write beside its mask. */
export function sidecarPaths(maskPath: string): string[] {
  const stem = maskPath.replace(/\.nii(\.gz)?$/i, '');
  return stem === maskPath ? [] : [`${stem}.json`, `${stem}.csv`];
}

function entry(name: unknown, color: unknown): { name?: string; color?: Rgb } {
  const out: { name?: string; color?: Rgb } = {};
  if (typeof name === 'string' && name.trim() !== '') out.name = name.trim();
  const parsed = typeof color === 'string' ? parseHexColor(color) : undefined;
  if (parsed) out.color = parsed;
  return out;
}

/**
 * Label names (and colours) from a sidecar: JSON `{"1": "kidney", "2": {"name": "tumour", "color": "ff0000"}}`
 * (optionally under a "labels" key), or CSV rows `value,name[,color]` with or without a header.
 */
export function parseSidecar(text: string, isJson: boolean): SidecarLabels {
  const labels: SidecarLabels = new Map();
  if (isJson) {
    let parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'labels' in parsed)
      parsed = (parsed as { labels: unknown }).labels;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return labels;
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      const v = Number(key);
      if (!Number.isInteger(v) || v === 0) continue;
      if (typeof value === 'string') labels.set(v, entry(value, undefined));
      else if (value && typeof value === 'object') {
        const o = value as Record<string, unknown>;
        labels.set(v, entry(o.name ?? o.label, o.color ?? o.colour));
      }
    }
    return labels;
  }
  for (const record of parseCsv(text)) {
    const [value, name, color] = record.fields.map((f) => f.trim());
    const v = Number(value);
    if (value === undefined || value === '' || !Number.isInteger(v) || v === 0) continue;
    labels.set(v, entry(name, color));
  }
  return labels;
}

/**
 * The algorithm a JSON sidecar names (IHE AI Results): `{"algorithm": {"name": "KidneyNet", "version":
 * "2.1", "manufacturer": "Acme AI"}}` beside its labels. Each field is optional (a flag wins field by
 * field); undefined when the sidecar names none.
 */
export function parseSidecarAlgorithm(text: string): Partial<AlgorithmIdentity> | undefined {
  const parsed: unknown = JSON.parse(text);
  if (!parsed || typeof parsed !== 'object' || !('algorithm' in parsed)) return undefined;
  const value = (parsed as { algorithm: unknown }).algorithm;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  const algorithm = identityOf(
    identityField(o.name),
    identityField(o.version),
    identityField(o.manufacturer),
  );
  return Object.keys(algorithm).length > 0 ? algorithm : undefined;
}

export interface Sidecar {
  labels: SidecarLabels;
  /** the algorithm a JSON sidecar names */
  algorithm?: Partial<AlgorithmIdentity>;
  from?: string;
  problem?: string;
}

/** The first sidecar that exists beside the mask, parsed; an empty map when there is none. */
export async function readSidecar(maskPath: string): Promise<Sidecar> {
  for (const path of sidecarPaths(maskPath)) {
    let text: string;
    try {
      text = await readFindingText(path, 'sidecar');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      const reason = error instanceof Error ? error.message : String(error);
      return { labels: new Map(), problem: `${path}: ${reason}; label names ignored` };
    }
    try {
      const isJson = path.endsWith('.json');
      const labels = parseSidecar(text, isJson);
      const algorithm = isJson ? parseSidecarAlgorithm(text) : undefined;
      return { labels, ...(algorithm === undefined ? {} : { algorithm }), from: path };
    } catch (error) {
      return {
        labels: new Map(),
        problem: `${path}: not a label table (${String(error)}); label names ignored`,
      };
    }
  }
  return { labels: new Map() };
}
