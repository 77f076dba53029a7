import { PRESETS } from '../../shared/presets';

/** `dicom-ink presets`: the presets as a table, each with the reference its width/level come from. */
export function presetsText(): string {
  const header = ['preset', 'width', 'center', 'source'];
  const rows = PRESETS.map((p) => [p.id, String(p.width), String(p.center), p.source]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) =>
        i === cells.length - 1 ? c : i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0),
      )
      .join('  ');
  return [
    line(header),
    ...rows.map(line),
    '',
    'Use with: dicom-ink convert <input> --out <dir> --window <preset>',
  ].join('\n');
}
