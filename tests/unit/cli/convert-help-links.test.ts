import { describe, expect, it } from 'vitest';
import { commandHelp } from '../../../src/main/cli/args/help-text';
import { CONVERT_SPEC } from '../../../src/main/cli/specs/convert';

describe('convert --help on links and special files', () => {
  it('says that links are followed, loops end, FIFOs are skipped and outputs stay inside --out', () => {
    const help = commandHelp(CONVERT_SPEC);
    expect(help).toMatch(/symbolic links in input folders are followed wherever they lead/);
    expect(help).toMatch(/loops end/);
    expect(help).toMatch(/FIFOs, sockets and devices are never opened/);
    expect(help).toMatch(/written only inside --out's real path/);
  });
});
