import { describe, expect, it } from 'vitest';
import {
  toGray,
  voiLinear,
  voiLinearExact,
  voiLutFunction,
  voiSigmoid,
} from '../../../src/shared/pipeline/voi';

const gray = (y: number): number => toGray(y);

describe('VOI LINEAR (PS3.3 C.11.2.1.2.1), W400/L50', () => {
  it('maps x <= c - 0.5 - (w-1)/2 = -150 to 0 and x > c - 0.5 + (w-1)/2 = 249 to 255', () => {
    expect(gray(voiLinear(-150, 50, 400))).toBe(0);
    expect(gray(voiLinear(-1000, 50, 400))).toBe(0);
    expect(gray(voiLinear(249, 50, 400))).toBe(255);
    expect(gray(voiLinear(250, 50, 400))).toBe(255);
  });

  it('follows ((x - (c - 0.5)) / (w - 1) + 0.5) * 255 inside, truncated', () => {
    expect(voiLinear(0, 50, 400)).toBeCloseTo(95.8647, 4);
    expect(gray(voiLinear(0, 50, 400))).toBe(95);
    expect(gray(voiLinear(50, 50, 400))).toBe(127); // 127.82
    expect(gray(voiLinear(-149, 50, 400))).toBe(0); // 0.639
    expect(gray(voiLinear(248, 50, 400))).toBe(254); // 254.36
  });

  it('is a threshold at c - 0.5 when the width is 1', () => {
    expect(gray(voiLinear(99, 100, 1))).toBe(0);
    expect(gray(voiLinear(100, 100, 1))).toBe(255);
    expect(gray(voiLinear(99.5, 100, 1))).toBe(0);
  });
});

describe('VOI LINEAR_EXACT (PS3.3 C.11.2.1.3.2), W400/L50', () => {
  it('clips at c - w/2 and c + w/2 exactly', () => {
    expect(gray(voiLinearExact(-150, 50, 400))).toBe(0);
    expect(gray(voiLinearExact(250, 50, 400))).toBe(255);
    expect(gray(voiLinearExact(251, 50, 400))).toBe(255);
    expect(gray(voiLinearExact(249, 50, 400))).toBe(254); // 254.36
  });

  it('gives 127.5 at the center and (x - c)/w + 0.5 elsewhere', () => {
    expect(voiLinearExact(50, 50, 400)).toBe(127.5);
    expect(voiLinearExact(0, 50, 400)).toBe(95.625);
    expect(gray(voiLinearExact(0, 50, 400))).toBe(95);
  });

  it('differs from LINEAR by the half-pixel offset', () => {
    expect(gray(voiLinear(-149.5, 50, 400))).toBe(0);
    expect(voiLinearExact(-149.5, 50, 400)).toBeCloseTo(0.31875, 5);
  });
});

describe('VOI SIGMOID (PS3.3 C.11.2.1.3.1), W400/L50', () => {
  it('gives half range at the center and 255/(1+e^-+2) at c +- w/2', () => {
    expect(voiSigmoid(50, 50, 400)).toBe(127.5);
    expect(gray(voiSigmoid(250, 50, 400))).toBe(224); // 224.59
    expect(gray(voiSigmoid(-150, 50, 400))).toBe(30); // 30.41
    expect(gray(voiSigmoid(5000, 50, 400))).toBe(255);
    expect(gray(voiSigmoid(-5000, 50, 400))).toBe(0);
  });
});

describe('VOI LUT (PS3.3 C.11.2.1.1)', () => {
  it('scales 16-bit entries to 0..255, clamping inputs outside the table', () => {
    const lut = { firstMapped: 10, bitsPerEntry: 16, data: [0, 257 * 100, 65535] };
    const voi = voiLutFunction(lut);
    expect(gray(voi(5))).toBe(0);
    expect(gray(voi(11))).toBe(100);
    expect(gray(voi(12))).toBe(255);
    expect(gray(voi(40))).toBe(255);
  });

  it('uses the largest entry’s range when entries exceed the descriptor’s bits', () => {
    const voi = voiLutFunction({ firstMapped: 0, bitsPerEntry: 8, data: [0, 511, 1023] });
    expect(gray(voi(1))).toBe(127); // 511 / 1023 * 255 = 127.38
    expect(gray(voi(2))).toBe(255);
  });
});

describe('toGray', () => {
  it('truncates, treating floating-point error just below a whole level as that level', () => {
    expect(toGray(95.999)).toBe(95);
    expect(toGray(84.99999999999997)).toBe(85);
    expect(toGray(254.9999999999886)).toBe(254);
    expect(toGray(-3)).toBe(0);
    expect(toGray(Number.NaN)).toBe(0);
    expect(toGray(300)).toBe(255);
  });
});
