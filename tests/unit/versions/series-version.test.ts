import { describe, expect, it } from 'vitest';
import type { BoxRecord } from '../../../src/shared/boxes/model';
import { packBoxes } from '../../../src/shared/boxes/packed-boxes';
import { defaultConvertSettings } from '../../../src/main/convert/convert-settings';
import { seriesKey, settingsKey } from '../../../src/main/convert/settings-key';
import {
  canonicalJson,
  describeVersion,
  versionedSeriesNumber,
  versionKey,
} from '../../../src/main/versions/series-version';

const row = (over: Partial<BoxRecord> = {}): BoxRecord => ({
  target: { kind: 'sop', sopInstanceUid: '1.2.3' },
  frame: 1,
  x1: 10,
  y1: 10,
  x2: 20,
  y2: 20,
  label: 'lesion',
  origin: 'boxes.csv:2',
  ...over,
});

const keyOf = (rows: BoxRecord[], settings = defaultConvertSettings()): string =>
  versionKey(settings, packBoxes(rows));

describe('the version key of an export', () => {
  it('is the same for the same settings and findings', () => {
    expect(keyOf([row(), row({ frame: 2 })])).toBe(keyOf([row(), row({ frame: 2 })]));
  });

  it('changes when a finding is moved, relabelled, recoloured, added, removed or reviewed', () => {
    const base = keyOf([row()]);
    const changed = [
      keyOf([row({ x1: 11 })]),
      keyOf([row({ label: 'cyst' })]),
      keyOf([row({ color: [0, 255, 0] })]),
      keyOf([row(), row({ frame: 2 })]),
      keyOf([]),
      keyOf([row({ score: 0.5 })]),
      keyOf([row({ review: 'accepted' })]),
      keyOf([row({ review: 'rejected' })]),
    ];
    for (const key of changed) expect(key).not.toBe(base);
    expect(new Set(changed).size).toBe(changed.length);
  });

  it('changes with settings that shape the outputs, not with verify, overwrite or the twin choice', () => {
    const settings = defaultConvertSettings();
    const base = keyOf([row()], settings);
    expect(keyOf([row()], { ...settings, thickness: 2 })).not.toBe(base);
    expect(keyOf([row()], { ...settings, window: { kind: 'preset', name: 'bone' } })).not.toBe(base);
    expect(keyOf([row()], { ...settings, labels: true })).not.toBe(base);
    expect(keyOf([row()], { ...settings, verify: false, overwrite: true })).toBe(base);
    // which twins are written, not what they hold: shards without --twin, then one pass with it
    expect(keyOf([row()], { ...settings, twin: 'both' })).toBe(base);
  });

  it("ignores a row's origin (its line number), not its content", () => {
    expect(keyOf([row({ origin: 'other.csv:9' })])).toBe(keyOf([row()]));
  });

  it('takes in any field a setting or row carries, so fields added later join the key', () => {
    expect(canonicalJson({ b: 1, a: [new Uint8Array([1, 255])], c: undefined })).toBe('{"a":["01ff"],"b":1}');
    const settings = { ...defaultConvertSettings(), review: 'accepted' } as ReturnType<
      typeof defaultConvertSettings
    >;
    expect(keyOf([row()], settings)).not.toBe(keyOf([row()]));
  });

  it('goes into the Series and SOP Instance keys of every image, unchanged slices included', () => {
    const window = { kind: 'auto' } as const;
    expect(seriesKey(window, false, 'a')).not.toBe(seriesKey(window, false, 'b'));
    expect(settingsKey(window, [], false, 'a')).not.toBe(settingsKey(window, [], false, 'b'));
  });
});

describe('what a version says of itself', () => {
  it('names its number, key and findings', () => {
    expect(describeVersion({ key: '56d0a22d1774d38d', ordinal: 2, findings: 6 })).toBe(
      'v2 56D0A2, 6 findings',
    );
    expect(describeVersion({ key: 'abcdef', ordinal: 1, findings: 1 })).toBe('v1 ABCDEF, 1 finding');
  });

  it('adds 10000 to the Series Number per version', () => {
    expect(versionedSeriesNumber(1001, 1)).toBe(1001);
    expect(versionedSeriesNumber(1001, 2)).toBe(11001);
    expect(versionedSeriesNumber(2147483000, 2)).toBe(2147483000);
  });
});
