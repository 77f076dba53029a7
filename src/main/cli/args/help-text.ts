import type { CommandSpec, OptionSpecs } from './spec';

const WIDTH = 100;
const COLUMN = 27;

/** Wraps `text` to lines of at most `width` characters (words longer than that stay whole). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      if (line !== '' && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** The option list: `  --out <dir>     output folder ...`, help text wrapped under its column. */
export function optionLines(options: OptionSpecs): string[] {
  const lines: string[] = [];
  const entries = Object.entries(options).filter(([, spec]) => spec.hidden !== true);
  for (const [name, spec] of [...entries, ['help', { type: 'boolean', help: 'show this help' }] as const]) {
    const flag = `${name === 'help' ? '-h, ' : ''}--${name}${spec.type === 'string' ? ` ${spec.value ?? '<value>'}` : ''}`;
    const help = wrap(spec.help, WIDTH - COLUMN);
    const first = `  ${flag}`;
    if (first.length < COLUMN - 1) {
      lines.push(`${first.padEnd(COLUMN)}${help[0] ?? ''}`.trimEnd());
    } else {
      lines.push(first, `${' '.repeat(COLUMN)}${help[0] ?? ''}`.trimEnd());
    }
    for (const rest of help.slice(1)) lines.push(`${' '.repeat(COLUMN)}${rest}`);
  }
  return lines;
}

/** `dicom-ink <command> --help`: usage, description, options, notes and examples, from the spec. */
export function commandHelp(spec: CommandSpec): string {
  const lines = [`Usage: ${spec.synopsis}`, '', ...wrap(spec.description, WIDTH), '', 'Options:'];
  lines.push(...optionLines(spec.options));
  if (spec.notes !== undefined) lines.push('', ...spec.notes.split('\n'));
  if (spec.examples !== undefined && spec.examples.length > 0) {
    lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  }
  return lines.join('\n');
}
