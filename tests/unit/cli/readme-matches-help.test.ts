import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/main/cli/commands';
import { EXIT, EXIT_CODES_TEXT } from '../../../src/main/cli/exit-codes';

const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
const commandLine = readme.slice(readme.indexOf('## Command line'), readme.indexOf('## Box files'));

describe('the README and the help say the same', () => {
  it('documents every option of every command that the help lists', () => {
    for (const command of COMMANDS) {
      for (const [name, spec] of Object.entries(command.spec.options)) {
        if (spec.hidden === true) continue;
        expect(readme, `dicom-ink ${command.spec.name} --${name}`).toContain(`--${name}`);
      }
      expect(commandLine, command.spec.name).toContain(command.spec.synopsis.split(' [')[0] ?? '');
    }
  });

  it('has every exit code in its exit-code table and in the help', () => {
    const rows = [...commandLine.matchAll(/^\| `(\d+)`\s+\|/gm)].map((m) => Number(m[1]));
    expect(rows.sort((a, b) => a - b)).toEqual(Object.values(EXIT).sort((a, b) => a - b));
    for (const code of Object.values(EXIT)) expect(EXIT_CODES_TEXT).toMatch(new RegExp(`\\b${code} `));
  });
});
