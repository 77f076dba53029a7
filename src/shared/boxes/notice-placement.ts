/**
 * Where the AI notice goes on an image with findings: one of the four corners, inset a little, that
 * covers no finding (box or mask bounds with room for the outline on every side) and no placed label, and of those the one
 * whose pixels are darkest at the export's window, i.e. covers the least anatomy. The choice reads the
 * rendered pixels, so the same image and window always give the same corner, in the viewer and the
 * export alike. Pure.
 */
import type { RgbImage } from '../pipeline/types';
import { labelScale, labelSize, overlaps, type LabelBox, type Rect } from './label-layout';

export interface PlacedNotice extends Rect {
  text: string;
  scale: number;
}

export type Corner = 'bottom-left' | 'bottom-right' | 'top-left' | 'top-right';

/** Ties (equally dark corners) go to the first in this order. */
const CORNERS: readonly Corner[] = ['bottom-left', 'bottom-right', 'top-left', 'top-right'];

function cornerRect(
  corner: Corner,
  size: { width: number; height: number },
  image: RgbImage,
  inset: number,
): Rect {
  const x = corner.endsWith('left') ? inset : image.columns - inset - size.width;
  const y = corner.startsWith('top') ? inset : image.rows - inset - size.height;
  return { x, y, width: size.width, height: size.height };
}

/**
 * Sum of R+G+B under the rectangle: what the notice would hide. The rectangle lies inside the image
 * (cornerRect), so every byte of a row is summed in one run: its 3 x width bytes are contiguous.
 */
function brightness(image: RgbImage, r: Rect): number {
  const data = image.data;
  let sum = 0;
  for (let y = r.y; y < r.y + r.height; y++) {
    const start = (y * image.columns + r.x) * 3;
    const end = start + r.width * 3;
    for (let o = start; o < end; o++) sum += data[o] ?? 0;
  }
  return sum;
}

/** The finding with room for its outline on every side (drawn outside the box by default, inside on request). */
function findingArea(box: LabelBox): Rect {
  const t = Math.max(1, Math.ceil(box.thickness));
  const x1 = Math.min(box.x1, box.x2) - t;
  const y1 = Math.min(box.y1, box.y2) - t;
  return {
    x: x1,
    y: y1,
    width: Math.max(box.x1, box.x2) + t - x1 + 1,
    height: Math.max(box.y1, box.y2) + t - y1 + 1,
  };
}

/**
 * fittedText's answers by text and width: one series asks the same question for every image, and finding
 * the fit measures the text once per character dropped (0.15 ms on a 64x64 image, as much as its pixels).
 */
const fitted = new Map<string, string | undefined>();
const FITTED_KEPT = 64;

/** The text at the label scale, shortened (with '...') until it fits inside the image with its inset. */
function fittedText(text: string, image: RgbImage, scale: number, inset: number): string | undefined {
  const key = `${image.columns}\n${scale}\n${inset}\n${text}`;
  if (fitted.has(key)) return fitted.get(key);
  const answer = fitText(text, image, scale, inset);
  if (fitted.size >= FITTED_KEPT) fitted.clear();
  fitted.set(key, answer);
  return answer;
}

/**
 * The text, or when it is wider than the image, shortened with '...'. What follows its last ' - ' (the
 * automatic notice's 'not reviewed' or 'reviewed', a qualifier of one's own text) is kept whole and the
 * part before it is shortened, so a long algorithm name never cuts the review state to 'not ...' or away;
 * only when even that ending does not fit is the text cut at its end.
 */
function fitText(text: string, image: RgbImage, scale: number, inset: number): string | undefined {
  const fits = (t: string): boolean => labelSize(t, scale).width + 2 * inset <= image.columns;
  if (fits(text)) return text;
  const split = text.lastIndexOf(' - ');
  if (split > 0) {
    const kept = text.slice(split);
    const head = shortenedToFit(Array.from(text.slice(0, split)), (t) => fits(`${t}...${kept}`));
    if (head !== undefined) return `${head}...${kept}`;
  }
  const whole = shortenedToFit(Array.from(text), (t) => fits(`${t}...`));
  return whole === undefined ? undefined : `${whole}...`;
}

/** The longest start of `chars` (at least one character) that `fits`, or undefined when none does. */
function shortenedToFit(chars: readonly string[], fits: (text: string) => boolean): string | undefined {
  for (let length = chars.length - 1; length > 0; length--) {
    const start = chars.slice(0, length).join('');
    if (fits(start)) return start;
  }
  return undefined;
}

/**
 * The notice's place, or undefined when every corner would cover a finding or a label (the notice is
 * then left out rather than drawn over one) or the image is too small for it.
 */
export function placeNotice(
  image: RgbImage,
  text: string,
  findings: readonly LabelBox[],
  labels: readonly Rect[],
): PlacedNotice | undefined {
  const scale = labelScale(image);
  const inset = 2 * scale;
  const shown = fittedText(text, image, scale, inset);
  if (shown === undefined) return undefined;
  const size = labelSize(shown, scale);
  if (size.height + 2 * inset > image.rows) return undefined;
  const taken = [...findings.map(findingArea), ...labels];
  let best: { rect: Rect; dark: number } | undefined;
  for (const corner of CORNERS) {
    const rect = cornerRect(corner, size, image, inset);
    if (taken.some((area) => overlaps(area, rect))) continue;
    const dark = brightness(image, rect);
    if (best === undefined || dark < best.dark) best = { rect, dark };
  }
  return best === undefined ? undefined : { ...best.rect, text: shown, scale };
}
