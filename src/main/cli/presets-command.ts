import { PRESETS } from '../../shared/presets';
import { parseCommandArgs } from './args/parse-args';
import { EXIT } from './exit-codes';
import { PRESETS_SPEC } from './specs/presets';
import { usageError } from './usage-error';
import { printOut } from './print';

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

export function presetsCommand(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs(args, PRESETS_SPEC.options);
  if (!parsed.ok) return Promise.resolve(usageError(parsed.reason, 'presets'));
  if (parsed.positionals.length > 0)
    return Promise.resolve(usageError('presets takes no arguments', 'presets'));
  printOut(`${presetsText()}\n`);
  return Promise.resolve(EXIT.ok);
}
