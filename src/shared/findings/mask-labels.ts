import { parseHexColor } from '../boxes/hex-color';
import type { Rgb } from '../boxes/model';

/**
 * Okabe & Ito's colour-blind-safe palette ("Color Universal Design", 2002), without its black: orange,
 * sky blue, bluish green, yellow, blue, vermillion, reddish purple. Label value v takes entry (v - 1) mod 7,
 * so a label keeps its colour from one mask to the next.
 */
export const OKABE_ITO: readonly Rgb[] = [
  [230, 159, 0],
  [86, 180, 233],
  [0, 158, 115],
  [240, 228, 66],
  [0, 114, 178],
  [213, 94, 0],
  [204, 121, 167],
];

export function paletteColor(value: number): Rgb {
  const n = OKABE_ITO.length;
  return OKABE_ITO[(((Math.round(value) - 1) % n) + n) % n] ?? [230, 159, 0];
}

/** One entry of --mask-labels: `1=kidney:00ff00`, `2=tumour`, `3`, `4=:ff00ff`. */
export interface LabelSpec {
  value: number;
  name?: string;
  color?: Rgb;
}

export type LabelSpecResult = { ok: true; specs: LabelSpec[] } | { ok: false; reason: string };

/** Parses `--mask-labels 1=kidney:00ff00,2=tumour:ff0000` (name and colour optional). */
export function parseMaskLabels(text: string): LabelSpecResult {
  const specs: LabelSpec[] = [];
  for (const part of text.split(',')) {
    const entry = part.trim();
    if (entry === '') continue;
    const match = /^(-?\d+)\s*(?:=\s*([^:]*?)\s*)?(?::\s*(#?[0-9a-fA-F]{6}))?$/.exec(entry);
    if (!match) {
      return {
        ok: false,
        reason: `--mask-labels: "${entry}" is not VALUE[=NAME][:RRGGBB], e.g. 1=kidney:00ff00`,
      };
    }
    const spec: LabelSpec = { value: Number(match[1]) };
    if (match[2]) spec.name = match[2];
    if (match[3]) spec.color = parseHexColor(match[3]);
    if (spec.value === 0) return { ok: false, reason: '--mask-labels: 0 is the background, not a label' };
    if (specs.some((s) => s.value === spec.value))
      return { ok: false, reason: `--mask-labels: label ${spec.value} is given twice` };
    specs.push(spec);
  }
  if (specs.length === 0) return { ok: false, reason: '--mask-labels names no label' };
  return { ok: true, specs };
}

/** How one label value is drawn, once every source (option, file, defaults) has had its say. */
export interface LabelStyle {
  value: number;
  name: string;
  color: Rgb;
}

/**
 * The styles of the labels to draw: with --mask-labels only those it lists, named and coloured by it where
 * it says; otherwise every label present. Names then come from the file (SEG segment labels, a sidecar
 * table) and colours from the file's recommended colours, else the Okabe-Ito palette.
 */
export function labelStyles(
  present: readonly number[],
  specs: readonly LabelSpec[] | undefined,
  fromFile: ReadonlyMap<number, { name?: string; color?: Rgb }>,
): LabelStyle[] {
  const values = specs ? specs.map((s) => s.value) : present.filter((v) => v !== 0);
  return values.map((value) => {
    const spec = specs?.find((s) => s.value === value);
    const file = fromFile.get(value);
    return {
      value,
      name: spec?.name ?? file?.name ?? `label ${value}`,
      color: spec?.color ?? file?.color ?? paletteColor(value),
    };
  });
}
