import { describe, expect, it } from 'vitest';
import type { BurnBox } from '../../../src/shared/boxes/model';
import { burnFindings, noticeText, parseNotice } from '../../../src/shared/boxes/notice';
import { placeNotice } from '../../../src/shared/boxes/notice-placement';
import type { RgbImage } from '../../../src/shared/pipeline/types';

/** A 200 x 200 image, grey 120 everywhere but a black square of `dark` pixels in one corner. */
function image(dark: 'bottom-left' | 'top-right' | undefined): RgbImage {
  const rows = 200;
  const columns = 200;
  const data = new Uint8Array(rows * columns * 3).fill(120);
  if (dark !== undefined) {
    const left = dark === 'bottom-left' ? 0 : columns - 120;
    const top = dark === 'bottom-left' ? rows - 40 : 0;
    for (let y = top; y < top + 40; y++)
      data.fill(0, (y * columns + left) * 3, (y * columns + left + 120) * 3);
  }
  return { rows, columns, data };
}

const box = (x1: number, y1: number, x2: number, y2: number): BurnBox => ({
  x1,
  y1,
  x2,
  y2,
  thickness: 2,
  color: [255, 0, 0],
});

describe('placeNotice', () => {
  it('takes the darkest corner at the window the pixels show', () => {
    const placed = placeNotice(image('top-right'), 'AI: KidneyNet 2.1 - not reviewed', [], []);
    expect(placed).toBeDefined();
    expect(placed?.y).toBeLessThan(20);
    expect((placed?.x ?? 0) + (placed?.width ?? 0)).toBeGreaterThan(180);
  });

  it('moves away from a finding placed in the darkest corner, to the next darkest free one', () => {
    const pixels = image('bottom-left');
    const free = placeNotice(pixels, 'AI: KidneyNet 2.1 - not reviewed', [], []);
    expect(free?.x).toBeLessThan(20);
    expect(free?.y).toBeGreaterThan(180);
    const moved = placeNotice(pixels, 'AI: KidneyNet 2.1 - not reviewed', [box(5, 185, 30, 198)], []);
    expect(moved).toBeDefined();
    expect(moved?.x === free?.x && moved?.y === free?.y).toBe(false);
    expect(moved && moved.x <= 30 && moved.y + moved.height > 185).toBe(false);
  });

  it('is left out when every corner holds a finding', () => {
    const corners = [box(0, 0, 199, 15), box(0, 185, 199, 199)];
    expect(placeNotice(image(undefined), 'AI: findings - not reviewed', corners, [])).toBeUndefined();
  });

  it('keeps the review state whole when a long algorithm name makes the notice too wide', () => {
    for (const state of ['not reviewed', 'reviewed']) {
      const text = `AI: KidneyLesionDetectionNetwork-Research 12.4.1 - ${state}`;
      const placed = placeNotice(image(undefined), text, [], []);
      expect(placed?.text.endsWith(`... - ${state}`), placed?.text).toBe(true);
      expect(placed?.text.startsWith('AI: Kidney')).toBe(true);
      expect((placed?.x ?? 0) + (placed?.width ?? 0)).toBeLessThanOrEqual(200);
    }
  });

  it('shortens text wider than the image with an ellipsis', () => {
    const placed = placeNotice(image(undefined), 'x'.repeat(100), [], []);
    expect(placed?.text.endsWith('...')).toBe(true);
    expect((placed?.x ?? 0) + (placed?.width ?? 0)).toBeLessThanOrEqual(200);
  });
});

describe('notice text', () => {
  it('auto names the algorithm and version and says the findings are not reviewed', () => {
    expect(noticeText(parseNotice('auto'), { name: 'KidneyNet', version: '2.1' })).toBe(
      'AI: KidneyNet 2.1 - not reviewed',
    );
    expect(noticeText(parseNotice('auto'), undefined)).toBe('AI: findings - not reviewed');
    expect(noticeText(parseNotice('none'), { name: 'KidneyNet' })).toBeUndefined();
    expect(noticeText(parseNotice(' Research only '), undefined)).toBe('Research only');
    // The app's own text while it is being typed: blank writes nothing (the export refuses it).
    expect(noticeText({ kind: 'text', text: '  ' }, undefined)).toBeUndefined();
  });

  it("auto says 'reviewed' only when a reader judged every finding the image shows", () => {
    const algorithm = { name: 'KidneyNet', version: '2.1' };
    const auto = parseNotice('auto');
    expect(noticeText(auto, algorithm, [{ review: 'accepted' }, { review: 'edited' }])).toBe(
      'AI: KidneyNet 2.1 - reviewed',
    );
    expect(noticeText(auto, algorithm, [{ review: 'accepted' }, {}])).toBe(
      'AI: KidneyNet 2.1 - not reviewed',
    );
    expect(noticeText(auto, algorithm, [{ review: 'accepted' }, { review: 'unreviewed' }])).toBe(
      'AI: KidneyNet 2.1 - not reviewed',
    );
    expect(noticeText(auto, algorithm, [])).toBe('AI: KidneyNet 2.1 - not reviewed');
  });

  it("is left out on an image whose findings the reader drew, every one; one algorithm's finding brings it", () => {
    const algorithm = { name: 'KidneyNet', version: '2.1' };
    const drawn = { review: 'accepted' as const, finder: 'reader' as const };
    expect(noticeText(parseNotice('auto'), algorithm, [drawn, drawn])).toBeUndefined();
    expect(noticeText(parseNotice('AI draft'), algorithm, [drawn])).toBeUndefined();
    expect(noticeText(parseNotice('auto'), algorithm, [drawn, { review: 'accepted' }])).toBe(
      'AI: KidneyNet 2.1 - reviewed',
    );
  });
});

describe('burnFindings', () => {
  it('writes the notice only on a frame with findings, and only inside the notice strip', () => {
    const withNotice = image('bottom-left');
    const without = image('bottom-left');
    const boxes = [box(80, 80, 120, 120)];
    burnFindings(withNotice, boxes, { labels: false, notice: 'AI: KidneyNet 2.1 - not reviewed' });
    burnFindings(without, boxes, { labels: false });
    const placed = placeNotice(without, 'AI: KidneyNet 2.1 - not reviewed', boxes, []);
    expect(placed).toBeDefined();
    const strip = placed as NonNullable<typeof placed>;
    let changed = 0;
    let outside = 0;
    for (let i = 0; i < withNotice.data.length; i++) {
      if (withNotice.data[i] === without.data[i]) continue;
      changed++;
      const x = Math.floor(i / 3) % 200;
      const y = Math.floor(i / 3 / 200);
      if (x < strip.x || x >= strip.x + strip.width || y < strip.y || y >= strip.y + strip.height) outside++;
    }
    expect(changed).toBeGreaterThan(0);
    expect(outside).toBe(0);
    const empty = image('bottom-left');
    burnFindings(empty, [], { labels: false, notice: 'AI: KidneyNet 2.1 - not reviewed' });
    expect(empty.data).toEqual(image('bottom-left').data);
  });
});
