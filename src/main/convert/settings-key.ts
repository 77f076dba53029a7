import type { BurnBox, MaskRegion } from '../../shared/boxes/model';
import type { ResolvedVoi, WindowSpec } from '../../shared/pipeline/types';
import type { SeriesVersion } from '../versions/series-version';
import { describeVersion } from '../versions/series-version';

/** A box as drawn on one frame (frame is 1-based). */
export interface FrameBox {
  frame: number;
  box: BurnBox;
}

/** Canonical text of a window request: the same request always gives the same text. */
export function windowKey(spec: WindowSpec): string {
  switch (spec.kind) {
    case 'auto':
      return 'auto';
    case 'preset':
      return `preset:${spec.name.toLowerCase()}`;
    case 'custom':
      return `custom:${spec.center}/${spec.width}/${spec.fn ?? 'LINEAR'}`;
  }
}

/** FNV-1a of a region's window and bits: two different masks with the same bounds get different keys. */
function regionHash(region: MaskRegion): string {
  let h = 0x811c9dc5;
  const mix = (v: number): void => {
    h = Math.imul(h ^ v, 0x01000193) >>> 0;
  };
  [region.x, region.y, region.width, region.height].forEach(mix);
  for (const bit of region.bits) mix(bit);
  return h.toString(16);
}

function boxKey({ frame, box }: FrameBox): string {
  const color = box.color.map((c) => c.toString(16).padStart(2, '0')).join('');
  const parts = [frame, box.x1, box.y1, box.x2, box.y2, color, box.thickness, box.label ?? ''];
  // A verdict changes what the outputs say (a rejected box is not burned, the report records every state).
  if (box.review !== undefined) parts.push(`review:${box.review}`);
  if (box.id !== undefined) parts.push(`id:${box.id}`);
  if (box.region) parts.push(`region:${regionHash(box.region)}`);
  // Only the non-default placement is named: an outside outline keeps the key the box had before.
  if (box.outline === 'inside') parts.push('inside');
  return parts.join(',');
}

/**
 * The export settings of ONE image, canonically ordered, from which its output UIDs are derived
 * (with the source UIDs): the same image exported the same way again gets the same UIDs, so a PACS
 * replaces rather than duplicates; a different window or different boxes give new UIDs.
 */
export function settingsKey(
  spec: WindowSpec,
  boxes: readonly FrameBox[],
  labels: boolean,
  version?: string,
): string {
  const boxes_ = boxes.map(boxKey).sort();
  return JSON.stringify({ window: windowKey(spec), labels, boxes: boxes_, ...(version ? { version } : {}) });
}

/**
 * The settings every image of one export shares, from which the Series Instance UID is derived: one new
 * series per source series, window and version (series-version.ts: the export's settings and findings),
 * so a changed finding gives a new series rather than new instances inside the earlier one.
 */
export function seriesKey(spec: WindowSpec, labels: boolean, version?: string): string {
  return JSON.stringify({ window: windowKey(spec), labels, ...(version ? { version } : {}) });
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

/** Human text of the VOI actually applied, for Derivation Description (0008,2111). */
export function describeVoi(voi: ResolvedVoi, spec: WindowSpec): string {
  switch (voi.kind) {
    case 'window': {
      const cw = `center ${formatNumber(voi.center)} width ${formatNumber(voi.width)}`;
      const fn = voi.fn === 'LINEAR' ? '' : ` ${voi.fn}`;
      const origin =
        voi.source === 'preset' && spec.kind === 'preset'
          ? `${spec.name} preset`
          : voi.source === 'file'
            ? "file's window"
            : voi.source === 'min-max'
              ? 'pixel min-max'
              : 'custom window';
      return `${origin} (${cw}${fn})`;
    }
    case 'lut':
      return "file's VOI LUT";
    case 'none':
      return 'colour, no window';
  }
}

/** How every Derivation Description we write begins; own-output.ts recognises our outputs by it. */
export const DERIVATION_PREFIX = 'Rendered to RGB by DICOM Ink';

/**
 * Derivation Description (0008,2111, ST up to 1024 characters): says in words how this image was made
 * from its source, naming the window and the number of burned-in boxes.
 */
export function derivationDescription(voi: ResolvedVoi, spec: WindowSpec, boxCount: number): string {
  const boxes = boxCount === 1 ? '1 box' : `${boxCount} boxes`;
  return `${DERIVATION_PREFIX} with ${describeVoi(voi, spec)}; ${boxes} burned in`;
}

function windowSuffix(spec: WindowSpec): string | undefined {
  switch (spec.kind) {
    case 'auto':
      return undefined;
    case 'preset':
      return spec.name.toLowerCase();
    case 'custom':
      return `W${spec.width}/L${spec.center}`;
  }
}

/**
 * Short text for the Series Description brackets, shared by every image of the series (LO, 64 chars):
 * the window, then which version the series is and what it holds ('abdomen v2 3F9A2C, 5 findings').
 */
export function seriesSuffix(spec: WindowSpec, version?: SeriesVersion): string | undefined {
  const parts = [windowSuffix(spec), version ? describeVersion(version) : undefined].filter(
    (part) => part !== undefined,
  );
  return parts.length > 0 ? parts.join(' ') : undefined;
}
