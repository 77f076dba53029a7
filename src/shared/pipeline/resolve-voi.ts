import type { ImageHeader, RawFrame, VoiFunction } from '../dicom/image-header';
import { PRESETS, findPreset } from '../presets';
import { frameModalityRange, minMaxWindow } from './min-max';
import type { ResolvedVoi, WindowSpec } from './types';
import { isValidWidth } from './voi';

/** True for MONOCHROME1/MONOCHROME2 images, the only ones that get a VOI stage. */
export function isGrayscale(header: ImageHeader): boolean {
  return header.pixel.samplesPerPixel === 1 && header.pixel.photometric.startsWith('MONOCHROME');
}

function checkedWindow(
  center: number,
  width: number,
  fn: VoiFunction,
  source: 'preset' | 'custom',
): ResolvedVoi & { kind: 'window' } {
  if (!Number.isFinite(center))
    throw new Error(`Window center ${center} is not a number; give a finite center.`);
  if (!isValidWidth(fn, width)) {
    const rule = fn === 'LINEAR' ? 'at least 1' : 'greater than 0';
    throw new Error(
      `Window width ${width} is not allowed for ${fn}: the width must be ${rule} (PS3.3 C.11.2.1).`,
    );
  }
  return { kind: 'window', center, width, fn, source };
}

/** The min-max window of a frame's modality values (min -> 0, max -> 255). */
function minMaxVoi(header: ImageHeader, frame: RawFrame): ResolvedVoi {
  const range = frameModalityRange(header, frame);
  const { center, width } = minMaxWindow(range.min, range.max);
  return { kind: 'window', center, width, fn: 'LINEAR', source: 'min-max' };
}

/**
 * Decides the VOI stage for one frame. 'auto' takes the file's first usable window, else its VOI LUT, else the
 * frame's min-max: the file's own window is what its author meant to be seen first. A preset or custom window is checked and throws an Error naming what to fix. Colour images get none.
 */
export function resolveVoi(spec: WindowSpec, header: ImageHeader, frame: RawFrame): ResolvedVoi {
  if (!isGrayscale(header)) return { kind: 'none' };
  switch (spec.kind) {
    case 'auto': {
      const window = header.windows.find((w) => Number.isFinite(w.center) && isValidWidth(w.fn, w.width));
      if (window)
        return { kind: 'window', center: window.center, width: window.width, fn: window.fn, source: 'file' };
      if (header.voiLut && header.voiLut.data.length > 0) return { kind: 'lut', lut: header.voiLut };
      return minMaxVoi(header, frame);
    }
    case 'preset': {
      const preset = findPreset(spec.name);
      if (!preset) {
        const known = PRESETS.map((p) => p.id).join(', ');
        throw new Error(`Unknown window preset "${spec.name}". Known presets: ${known}.`);
      }
      return checkedWindow(preset.center, preset.width, 'LINEAR', 'preset');
    }
    case 'custom':
      return checkedWindow(spec.center, spec.width, spec.fn ?? 'LINEAR', 'custom');
  }
}
