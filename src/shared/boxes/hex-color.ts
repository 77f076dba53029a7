import type { Rgb } from './model';

/** Parses 'rrggbb' or '#rrggbb' (case-insensitive, surrounding spaces ignored). */
export function parseHexColor(text: string): Rgb | undefined {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(text.trim());
  if (!match) return undefined;
  return [parseInt(match[1] ?? '0', 16), parseInt(match[2] ?? '0', 16), parseInt(match[3] ?? '0', 16)];
}
