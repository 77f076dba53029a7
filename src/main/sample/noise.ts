/** Seeded pseudo-random numbers (mulberry32): same seed, same sequence, on every platform. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Smooth noise: uniform white noise blurred by a 3x3 box (separable), which gives CT-like grain with
 * a short correlation length. Standard deviation about `sigma` HU.
 */
export function smoothNoise(size: number, sigma: number, random: () => number): Float32Array {
  const white = new Float32Array(size * size);
  // Uniform on [-a, a] has sd a/sqrt(3); a 3x3 mean divides the sd by 3.
  const amplitude = sigma * 3 * Math.sqrt(3);
  for (let i = 0; i < white.length; i++) white[i] = (random() * 2 - 1) * amplitude;
  const rows = new Float32Array(white.length);
  for (let y = 0; y < size; y++) {
    const row = y * size;
    for (let x = 0; x < size; x++) {
      const left = white[row + Math.max(0, x - 1)] ?? 0;
      const right = white[row + Math.min(size - 1, x + 1)] ?? 0;
      rows[row + x] = ((white[row + x] ?? 0) + left + right) / 3;
    }
  }
  const out = new Float32Array(white.length);
  for (let y = 0; y < size; y++) {
    const up = Math.max(0, y - 1) * size;
    const down = Math.min(size - 1, y + 1) * size;
    const row = y * size;
    for (let x = 0; x < size; x++)
      out[row + x] = ((rows[row + x] ?? 0) + (rows[up + x] ?? 0) + (rows[down + x] ?? 0)) / 3;
  }
  return out;
}
