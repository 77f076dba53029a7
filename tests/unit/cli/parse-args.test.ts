import { describe, expect, it } from 'vitest';
import { asksForHelp, isNegativeNumber, parseCommandArgs } from '../../../src/main/cli/args/parse-args';
import { closestWord } from '../../../src/main/cli/args/suggest';
import { commandHelp } from '../../../src/main/cli/args/help-text';
import { CONVERT_OPTIONS, CONVERT_SPEC } from '../../../src/main/cli/specs/convert';

const options = {
  out: { type: 'string', value: '<dir>', help: 'output folder' },
  center: { type: 'string', value: '<C>', help: 'center' },
  labels: { type: 'boolean', help: 'labels' },
  mask: { type: 'string', value: '<file>', help: 'masks', multiple: true },
} as const;

describe('parseCommandArgs', () => {
  it('takes a negative number as the value of an option, with a space or with =', () => {
    for (const value of ['-600', '-0.5', '-.5', '-1e3']) {
      const parsed = parseCommandArgs(['in', '--center', value, '--out', 'o'], options);
      expect(parsed).toEqual({ ok: true, values: { center: value, out: 'o' }, positionals: ['in'] });
    }
    expect(parseCommandArgs(['--center=-600'], options)).toMatchObject({ values: { center: '-600' } });
  });

  it('reads booleans, repeated multiple options, and positionals after --', () => {
    const parsed = parseCommandArgs(['--labels', '--mask', 'a', '--mask=b', '--', '--odd-name'], options);
    expect(parsed).toEqual({
      ok: true,
      values: { labels: true, mask: ['a', 'b'] },
      positionals: ['--odd-name'],
    });
  });

  it('says which option is wrong, in one line, and suggests the option meant', () => {
    const reason = (args: string[]): string => {
      const parsed = parseCommandArgs(args, CONVERT_OPTIONS);
      return parsed.ok ? '' : parsed.reason;
    };
    expect(reason(['--widow', 'abdomen'])).toBe('unknown option --widow; did you mean --window?');
    expect(reason(['--window-centre', '40'])).toBe(
      'unknown option --window-centre; did you mean --window-center?',
    );
    expect(reason(['--lables'])).toBe('unknown option --lables; did you mean --labels?');
    expect(reason(['--frobnicate'])).toBe('unknown option --frobnicate');
    expect(reason(['-x'])).toBe('unknown option -x');
    expect(reason(['--out'])).toBe('--out needs a value: --out <dir>');
    expect(reason(['--out', '--labels'])).toBe('--out needs a value: --out <dir>');
    expect(reason(['--labels=yes'])).toBe('--labels takes no value (got "yes")');
    expect(reason(['--out', 'a', '--out', 'b'])).toBe('--out is given twice; give it once');
    for (const r of [reason(['--widow']), reason(['--out'])]) expect(r).not.toContain('\n');
  });

  it('does not take the inherited properties of an object for options', () => {
    const parsed = parseCommandArgs(['--constructor'], options);
    expect(parsed).toEqual({ ok: false, reason: 'unknown option --constructor' });
  });
});

describe('isNegativeNumber, asksForHelp, closestWord', () => {
  it('tells negative numbers from short options', () => {
    expect(['-600', '-1.5', '-.5', '-2e-3'].every(isNegativeNumber)).toBe(true);
    expect(['-h', '-', '--', '-x1', '-1-'].some(isNegativeNumber)).toBe(false);
  });

  it('finds -h and --help before --, not after', () => {
    expect(asksForHelp(['in', '-h'])).toBe(true);
    expect(asksForHelp(['--help'])).toBe(true);
    expect(asksForHelp(['--', '--help'])).toBe(false);
    expect(asksForHelp(['--helper'])).toBe(false);
  });

  it('suggests only close words', () => {
    expect(closestWord('widow', ['window', 'out'])).toBe('window');
    expect(closestWord('conver', ['convert', 'info'])).toBe('convert');
    expect(closestWord('overw', ['overwrite', 'out'])).toBe('overwrite');
    expect(closestWord('zzz', ['window', 'out'])).toBeUndefined();
  });
});

describe('commandHelp', () => {
  it('lists every visible option of the spec with its value placeholder, and -h', () => {
    const help = commandHelp(CONVERT_SPEC);
    for (const [name, spec] of Object.entries(CONVERT_OPTIONS)) {
      // A flag too long for the column stands on its own line (help-text.ts), so a newline may follow it.
      const flag = `--${name}${spec.type === 'string' ? ` ${spec.value}` : ''}`;
      const listed = help.includes(`${flag} `) || help.includes(`${flag}\n`);
      expect(listed, name).toBe(!('hidden' in spec && spec.hidden));
    }
    expect(help).toContain('-h, --help');
    expect(help.split('\n').every((line) => line.length <= 100)).toBe(true);
  });
});
