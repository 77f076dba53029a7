/**
 * The frames of a BINARY segmentation (PS3.3 C.8.20.2): one per segment and source frame where that
 * segment has at least one pixel, segment by segment, each segment's frames in slice order; and their
 * Pixel Data, one bit a pixel packed across frame boundaries, the first pixel in the lowest bit
 * (PS3.5 8.1.1, 8.2). Pure.
 */
import type { TwinFinding, TwinImage } from './types';
import type { Segment } from './segments';
import { keyOfSegment, segmentFindings, segmentKey } from './segments';

export interface SegmentationFrame {
  segment: number;
  image: TwinImage;
  /** 1-based frame of the source image */
  sourceFrame: number;
  /** what it holds: the segment's findings on that frame (its pixels are painted from them when needed) */
  findings: readonly TwinFinding[];
}

/** Sets a finding's pixels in a frame: a mask region's own pixels, a box's rectangle filled (clipped). */
export function paintFinding(bits: Uint8Array, finding: TwinFinding, rows: number, columns: number): void {
  const { region } = finding;
  if (region) {
    for (let y = 0; y < region.height; y++) {
      const row = region.y + y;
      if (row < 0 || row >= rows) continue;
      for (let x = 0; x < region.width; x++) {
        const column = region.x + x;
        if (column >= 0 && column < columns && region.bits[y * region.width + x] === 1)
          bits[row * columns + column] = 1;
      }
    }
    return;
  }
  const x1 = Math.max(0, Math.round(Math.min(finding.x1, finding.x2)));
  const x2 = Math.min(columns - 1, Math.round(Math.max(finding.x1, finding.x2)));
  const y1 = Math.max(0, Math.round(Math.min(finding.y1, finding.y2)));
  const y2 = Math.min(rows - 1, Math.round(Math.max(finding.y1, finding.y2)));
  for (let row = y1; row <= y2; row++) bits.fill(1, row * columns + x1, row * columns + x2 + 1);
}

/**
 * A frame's pixels, rows x columns, 1 inside the segment. Made on demand and not kept: a frame is a few
 * findings, its pixels a whole slice (hundreds of frames of 512 x 512 would be hundreds of megabytes).
 */
export function frameBits(frame: SegmentationFrame): Uint8Array {
  const { rows, columns } = frame.image;
  const bits = new Uint8Array(rows * columns);
  for (const finding of frame.findings) paintFinding(bits, finding, rows, columns);
  return bits;
}

/**
 * The frames of these images (one series, one size, in slice order) for these segments; `boxes`: boxes
 * are stored too (--seg-boxes). A frame whose pixels are all outside the image is left out.
 */
export function segmentationFrames(
  images: readonly TwinImage[],
  segments: readonly Segment[],
  boxes: boolean,
): SegmentationFrame[] {
  const numberOf = new Map(segments.map((s) => [keyOfSegment(s), s.number]));
  const bySegment = new Map<number, SegmentationFrame[]>();
  for (const image of images) {
    const frames = new Map<string, SegmentationFrame & { findings: TwinFinding[] }>();
    for (const finding of segmentFindings(image, boxes)) {
      const segment = numberOf.get(segmentKey(finding));
      if (segment === undefined) continue;
      const key = `${segment}:${finding.frame}`;
      const frame = frames.get(key);
      if (frame) frame.findings.push(finding);
      else frames.set(key, { segment, image, sourceFrame: finding.frame, findings: [finding] });
    }
    for (const frame of [...frames.values()].sort((a, b) => a.sourceFrame - b.sourceFrame)) {
      if (!frameBits(frame).includes(1)) continue;
      const list = bySegment.get(frame.segment);
      if (list) list.push(frame);
      else bySegment.set(frame.segment, [frame]);
    }
  }
  return segments.flatMap((s) => bySegment.get(s.number) ?? []);
}

/** The frames' pixels packed 8 to a byte across frames, padded with zeros to an even length. */
export function packFrames(frames: readonly SegmentationFrame[], pixelsPerFrame: number): Uint8Array {
  const bits = frames.length * pixelsPerFrame;
  const bytes = new Uint8Array(Math.ceil(bits / 16) * 2);
  frames.forEach((frame, n) => {
    const pixels = frameBits(frame);
    const start = n * pixelsPerFrame;
    for (let i = 0; i < pixelsPerFrame; i++) {
      if (pixels[i] !== 1) continue;
      const bit = start + i;
      bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) | (1 << (bit & 7));
    }
  });
  return bytes;
}
