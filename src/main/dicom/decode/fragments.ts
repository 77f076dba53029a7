import type { PixelCodec } from '../transfer-syntaxes';

/** One item of encapsulated Pixel Data (PS3.5 A.4), as dicom-parser lists it. */
export interface Fragment {
  /** offset of the item from the first fragment, as the Basic Offset Table counts it */
  offset: number;
  /** absolute position of the fragment's bytes */
  position: number;
  length: number;
  /** the first bytes of the value, when the fragments were indexed in a file rather than in memory */
  head?: Uint8Array;
}

/** True when the fragment starts with a codestream start marker (JPEG SOI FFD8, J2K SOC FF4F + SIZ FF51). */
function startsFrame(bytes: Uint8Array, fragment: Fragment, codec: PixelCodec): boolean {
  const head = fragment.head ?? bytes.subarray(fragment.position, fragment.position + 4);
  const [a, b, c, d] = [head[0], head[1], head[2], head[3]];
  if (codec === 'jpeg' || codec === 'jpeg-ls') return a === 0xff && b === 0xd8;
  if (codec === 'jpeg2000' || codec === 'htj2k') return a === 0xff && b === 0x4f && c === 0xff && d === 0x51;
  return false;
}

/** Fragment indices of each frame, from the Basic Offset Table (PS3.5 A.4, Table A.4-1). */
function byOffsetTable(fragments: Fragment[], offsets: number[]): number[][] | undefined {
  const starts = offsets.map((offset) => fragments.findIndex((f) => f.offset === offset));
  if (starts.some((s, i) => s < 0 || (i > 0 && s <= (starts[i - 1] as number)))) return undefined;
  return starts.map((s, i) => {
    const end = i + 1 < starts.length ? (starts[i + 1] as number) : fragments.length;
    return Array.from({ length: end - s }, (_, k) => s + k);
  });
}

function byStartMarkers(bytes: Uint8Array, fragments: Fragment[], codec: PixelCodec): number[][] {
  const frames: number[][] = [];
  fragments.forEach((fragment, i) => {
    const last = frames[frames.length - 1];
    if (!last || startsFrame(bytes, fragment, codec)) frames.push([i]);
    else last.push(i);
  });
  return frames;
}

/**
 * Which fragments make up each frame (PS3.5 A.4): the Basic Offset Table when present and consistent;
 * else one fragment per frame when the counts match; else all fragments for a single frame; else a
 * split at each fragment that starts a new codestream. Returns a reason string when the frames cannot
 * be found.
 */
export function groupFragments(
  bytes: Uint8Array,
  fragments: Fragment[],
  basicOffsetTable: number[],
  frameCount: number,
  codec: PixelCodec,
): number[][] | string {
  if (fragments.length === 0) return 'encapsulated Pixel Data holds no fragments';
  if (basicOffsetTable.length === frameCount) {
    const grouped = byOffsetTable(fragments, basicOffsetTable);
    if (grouped) return grouped;
  }
  if (fragments.length === frameCount) return fragments.map((_, i) => [i]);
  if (frameCount === 1) return [fragments.map((_, i) => i)];
  const grouped = byStartMarkers(bytes, fragments, codec);
  if (grouped.length !== frameCount) {
    return `encapsulated Pixel Data splits into ${grouped.length} frames but Number of Frames is ${frameCount}`;
  }
  return grouped;
}

/** The encoded bytes of one frame: a view for a single fragment, a copy when fragments are joined. */
export function joinFragments(bytes: Uint8Array, fragments: Fragment[], indices: number[]): Uint8Array {
  const parts = indices.map((i) => fragments[i] as Fragment);
  const first = parts[0];
  if (parts.length === 1 && first) return bytes.subarray(first.position, first.position + first.length);
  const out = new Uint8Array(parts.reduce((sum, f) => sum + f.length, 0));
  let at = 0;
  for (const f of parts) {
    out.set(bytes.subarray(f.position, f.position + f.length), at);
    at += f.length;
  }
  return out;
}
