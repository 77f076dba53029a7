import { describe, expect, it } from 'vitest';
import { parseConvertArgs, TWIN_WITH_SHARD } from '../../../src/main/cli/parse-convert-args';

function reasonOf(args: string[]): string {
  const parsed = parseConvertArgs(args);
  return parsed.ok ? '' : parsed.reason;
}

describe('parseConvertArgs', () => {
  it('applies the documented defaults', () => {
    const parsed = parseConvertArgs(['in', '--out', 'out']);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.job).toEqual({
      inputs: ['in'],
      outDir: 'out',
      boxFiles: [],
      maskFiles: [],
      importOptions: { maskStyle: 'outline' },
      jobs: undefined,
      settings: {
        window: { kind: 'auto' },
        thickness: 4,
        color: [255, 0, 0],
        labels: false,
        minScore: undefined,
        verify: true,
        overwrite: false,
        notice: { kind: 'auto' },
      },
    });
    expect(parsed.value.quiet).toBe(false);
  });

  it('--notice: auto by default, none writes none, any other text is written as given', () => {
    const notice = (args: string[]) => {
      const parsed = parseConvertArgs(['in', '--out', 'out', ...args]);
      return parsed.ok ? parsed.value.job.settings.notice : 'refused';
    };
    expect(notice([])).toEqual({ kind: 'auto' });
    expect(notice(['--notice', 'auto'])).toEqual({ kind: 'auto' });
    expect(notice(['--notice', 'none'])).toBeUndefined();
    expect(notice(['--notice', 'AI draft, not for diagnosis'])).toEqual({
      kind: 'text',
      text: 'AI draft, not for diagnosis',
    });
  });

  it('draws outlines outside by default; --outline inside draws them inward; anything else is refused', () => {
    const inside = parseConvertArgs(['in', '--out', 'out', '--outline', 'inside']);
    expect(inside.ok && inside.value.job.settings.outline).toBe('inside');
    const outside = parseConvertArgs(['in', '--out', 'out', '--outline', 'outside']);
    expect(outside.ok && outside.value.job.settings.outline).toBeUndefined();
    expect(reasonOf(['in', '--out', 'out', '--outline', 'inward'])).toBe(
      '--outline must be outside or inside, got "inward"',
    );
  });

  it('reads every option, several inputs and a negative center given with =', () => {
    const parsed = parseConvertArgs([
      'a.dcm',
      'folder',
      '--out=o',
      '--window-center=-600',
      '--window-width',
      '1500',
      '--boxes',
      'b.csv',
      '--min-score',
      '0.25',
      '--thickness',
      '2',
      '--color',
      '#00FF80',
      '--labels',
      '--jobs',
      '3',
      '--overwrite',
      '--no-verify',
      '--report',
      'r.json',
      '--quiet',
    ]);
    expect(parsed.ok && parsed.value).toEqual({
      job: {
        inputs: ['a.dcm', 'folder'],
        outDir: 'o',
        boxFiles: ['b.csv'],
        maskFiles: [],
        importOptions: { maskStyle: 'outline' },
        jobs: 3,
        settings: {
          window: { kind: 'custom', center: -600, width: 1500 },
          thickness: 2,
          color: [0, 255, 128],
          labels: true,
          minScore: 0.25,
          verify: false,
          overwrite: true,
          notice: { kind: 'auto' },
        },
      },
      reportPath: 'r.json',
      quiet: true,
    });
  });

  it('takes negative numbers as values of every numeric option, with a space', () => {
    const lung = parseConvertArgs(['in', '--out', 'o', '--window-center', '-600', '--window-width', '1500']);
    expect(lung.ok && lung.value.job.settings.window).toEqual({ kind: 'custom', center: -600, width: 1500 });
    expect(reasonOf(['in', '--out', 'o', '--window-center', '40', '--window-width', '-5'])).toBe(
      '--window-width must be at least 1 (PS3.3 C.11.2.1.2.1), got -5',
    );
    expect(reasonOf(['in', '--out', 'o', '--min-score', '-0.5'])).toBe(
      '--min-score must be between 0 and 1, got -0.5',
    );
    expect(reasonOf(['in', '--out', 'o', '--thickness', '-2'])).toBe(
      '--thickness needs a whole number of at least 1, got "-2"',
    );
    expect(reasonOf(['in', '--out', 'o', '--jobs', '-1'])).toBe(
      '--jobs needs a whole number of at least 1, got "-1"',
    );
  });

  it('accepts presets by id or name', () => {
    const parsed = parseConvertArgs(['in', '--out', 'o', '--window', 'Soft tissue']);
    expect(parsed.ok && parsed.value.job.settings.window).toEqual({ kind: 'preset', name: 'soft-tissue' });
  });

  it('says what is wrong with each bad argument', () => {
    expect(reasonOf(['--out', 'o'])).toBe(
      'no input given; name at least one DICOM file or folder (or --inputs-from a list)',
    );
    expect(reasonOf(['in'])).toBe('--out <dir> is required');
    expect(reasonOf(['in', '--out', 'o', '--window', 'spleen'])).toMatch(
      /^unknown window "spleen"; use auto, one of abdomen, .*lung/,
    );
    expect(reasonOf(['in', '--out', 'o', '--window-center', '40'])).toBe(
      '--window-center and --window-width must be given together',
    );
    expect(reasonOf(['in', '--out', 'o', '--window-center', '40', '--window-width', '0'])).toMatch(
      /^--window-width must be at least 1/,
    );
    expect(reasonOf(['in', '--out', 'o', '--window-center', 'x', '--window-width', '4'])).toBe(
      '--window-center needs a number, got "x"',
    );
    expect(
      reasonOf(['in', '--out', 'o', '--window', 'lung', '--window-center', '1', '--window-width', '4']),
    ).toMatch(/cannot be combined/);
    expect(reasonOf(['in', '--out', 'o', '--thickness', '0'])).toBe(
      '--thickness needs a whole number of at least 1, got "0"',
    );
    expect(reasonOf(['in', '--out', 'o', '--jobs', '1.5'])).toBe(
      '--jobs needs a whole number of at least 1, got "1.5"',
    );
    expect(reasonOf(['in', '--out', 'o', '--min-score', '2'])).toBe(
      '--min-score must be between 0 and 1, got 2',
    );
    expect(reasonOf(['in', '--out', 'o', '--color', 'red'])).toBe(
      '--color needs a hex colour like ff0000 or #00ff00, got "red"',
    );
    expect(reasonOf(['in', '--out', 'o', '--frobnicate'])).toBe('unknown option --frobnicate');
    expect(reasonOf(['in', '--out', 'o', '--shard', '1/2', '--twin', 'gsps'])).toBe(TWIN_WITH_SHARD);
    expect(reasonOf(['in', '--out', 'o', '--shard', '1/2', '--twin', 'none'])).toBe('');
  });

  it('takes --seg-boxes only with a segmentation among the twins', () => {
    expect(reasonOf(['in', '--out', 'o', '--seg-boxes'])).toContain('add --twin seg');
    expect(reasonOf(['in', '--out', 'o', '--twin', 'gsps,sr', '--seg-boxes'])).toContain('add --twin seg');
    for (const twin of ['seg', 'gsps,seg', 'all']) {
      const parsed = parseConvertArgs(['in', '--out', 'o', '--twin', twin, '--seg-boxes']);
      expect(parsed.ok && parsed.value.job.settings.segBoxes, twin).toBe(true);
    }
  });
});
