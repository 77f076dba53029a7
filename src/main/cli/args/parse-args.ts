import type { OptionSpecs, OptionValues } from './spec';
import { closestWord } from './suggest';

export type ParsedArgs<O extends OptionSpecs> =
  { ok: true; values: OptionValues<O>; positionals: string[] } | { ok: false; reason: string };

/** `-600`, `-0.5`, `-.5`, `-1e3`: a negative number, which is a value, never an option. */
export function isNegativeNumber(arg: string): boolean {
  return /^-(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(arg);
}

function unknownOption(arg: string, options: OptionSpecs): string {
  const name = arg.replace(/^-+/, '').split('=')[0] ?? '';
  const known = Object.keys(options).filter((k) => options[k]?.hidden !== true);
  const guess = closestWord(name, known);
  return `unknown option ${arg.split('=')[0] ?? arg}${guess === undefined ? '' : `; did you mean --${guess}?`}`;
}

/**
 * Parses a command's arguments against its option table. Unlike node:util's parseArgs, an option that
 * takes a value takes the next argument even when it is a negative number (`--window-center -600`, as
 * getopt does), a mistyped option gets a suggestion, and every message is one line naming the option.
 * `--` ends the options; `-h`/`--help` are handled before parsing by the command dispatcher.
 */
export function parseCommandArgs<O extends OptionSpecs>(args: readonly string[], options: O): ParsedArgs<O> {
  const values: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-' || isNegativeNumber(arg)) {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) return { ok: false, reason: unknownOption(arg, options) };
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const spec = Object.hasOwn(options, name) ? options[name] : undefined;
    if (spec === undefined) return { ok: false, reason: unknownOption(arg, options) };
    let value: string | boolean;
    if (spec.type === 'boolean') {
      if (eq !== -1) return { ok: false, reason: `--${name} takes no value (got "${arg.slice(eq + 1)}")` };
      value = true;
    } else if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) {
        return { ok: false, reason: `--${name} needs a value: --${name} ${spec.value ?? '<value>'}` };
      }
      value = next;
      i++;
    }
    if (spec.multiple === true) {
      const list = values[name];
      values[name] = [...(Array.isArray(list) ? list : []), String(value)];
    } else if (Object.hasOwn(values, name)) {
      return { ok: false, reason: `--${name} is given twice; give it once` };
    } else {
      values[name] = value;
    }
  }
  return { ok: true, values: values as OptionValues<O>, positionals };
}

/** True when the arguments ask for help (`-h` or `--help` before any `--`). */
export function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}
