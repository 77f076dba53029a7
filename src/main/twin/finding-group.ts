import type { Finder, Rgb } from '../../shared/boxes/model';

/**
 * The key of the findings a twin keeps together: one label in one colour, the reader's apart from the
 * algorithm's. A presentation state draws them on one graphic layer, a segmentation stores them as one
 * segment (each passes the label it names them by).
 */
export function findingGroupKey(label: string, color: Rgb, finder?: Finder): string {
  return `${label}\u0000${color.join(',')}${finder === undefined ? '' : `\u0000${finder}`}`;
}
