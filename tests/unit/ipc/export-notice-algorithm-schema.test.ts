import { describe, expect, it } from 'vitest';
import { exportRequestSchema, sessionSettingsSchema } from '../../../src/shared/ipc/app-schemas';
import { findingsImportAnswerSchema } from '../../../src/shared/ipc/findings-schemas';

const request = {
  inputs: ['/data/study'],
  outDir: '/data/out',
  window: { kind: 'auto' },
  thickness: 4,
  labels: true,
  overwrite: false,
  boxes: [],
};

const parse = (extra: Record<string, unknown>) => exportRequestSchema.safeParse({ ...request, ...extra });

describe("the export request's notice (as convert --notice)", () => {
  it('takes auto, none and a one-line text, trimmed', () => {
    expect(parse({ notice: { kind: 'auto' } }).success).toBe(true);
    expect(parse({ notice: { kind: 'none' } }).success).toBe(true);
    const text = parse({ notice: { kind: 'text', text: '  AI draft  ' } });
    expect(text.success && text.data.notice).toEqual({ kind: 'text', text: 'AI draft' });
  });

  it('refuses an empty text, a line break, more than 80 characters and an unknown kind, saying why', () => {
    const empty = parse({ notice: { kind: 'text', text: '   ' } });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toContain('The notice text is empty');
    expect(parse({ notice: { kind: 'text', text: 'two\nlines' } }).success).toBe(false);
    expect(parse({ notice: { kind: 'text', text: 'x'.repeat(81) } }).success).toBe(false);
    expect(parse({ notice: { kind: 'loud' } }).success).toBe(false);
    expect(parse({ notice: { kind: 'auto', text: 'sneaked' } }).success).toBe(false);
  });
});

describe("the export request's algorithm (as convert --algorithm)", () => {
  it('takes a name with an optional version and maker', () => {
    const full = { name: 'KidneyNet', version: '2.1', manufacturer: 'Acme AI' };
    expect(parse({ algorithm: full }).success).toBe(true);
    expect(parse({ algorithm: { name: 'KidneyNet' } }).success).toBe(true);
  });

  it('refuses no name, a value past 64 characters (DICOM LO), a backslash and unknown fields', () => {
    expect(parse({ algorithm: { version: '2.1' } }).success).toBe(false);
    expect(parse({ algorithm: { name: 'x'.repeat(65) } }).success).toBe(false);
    expect(parse({ algorithm: { name: 'Kidney\\Net' } }).success).toBe(false);
    expect(parse({ algorithm: { name: 'KidneyNet', uid: '1.2.3' } }).success).toBe(false);
  });
});

describe('the algorithm per findings file', () => {
  const settings = { window: { kind: 'auto' }, thickness: 4, color: [255, 0, 0], labels: false };

  it('a session keeps each imported file with the fields it names', () => {
    const findingFiles = [
      { file: 'coco.json', algorithm: { name: 'CocoNet', version: '0.9' } },
      { file: 'boxes.csv', algorithm: {} },
    ];
    expect(sessionSettingsSchema.safeParse({ ...settings, findingFiles }).success).toBe(true);
    const bad = [{ file: 'coco.json', algorithm: { name: 'x'.repeat(65) } }];
    expect(sessionSettingsSchema.safeParse({ ...settings, findingFiles: bad }).success).toBe(false);
  });

  it("main's import answer carries the algorithm a source names", () => {
    const source = { name: 'seg.dcm', findings: [], problems: [], notes: [] };
    const answer = { sources: [{ ...source, algorithm: { name: 'SegNet', manufacturer: 'Seg Co' } }] };
    expect(findingsImportAnswerSchema.safeParse(answer).success).toBe(true);
  });
});
