import { describe, expect, it } from 'vitest';
import { inAppWords } from '../../../src/main/app/services/export-service';
import { existsReason } from '../../../src/main/convert/write-output';
import { SHORTEN_ADVICE } from '../../../src/main/twin/cut-labels';

describe('export reasons in the app’s words', () => {
  it('names the “Replace files already there” checkbox where the engine names --overwrite', () => {
    expect(inAppWords(existsReason)).toBe(
      'the output file already exists; tick “Replace files already there” to replace it',
    );
  });

  it('calls --out the output folder, and leaves reasons without CLI options unchanged', () => {
    expect(inAppWords('the output would replace the input; choose another --out folder')).toBe(
      'the output would replace the input; choose another output folder',
    );
    expect(
      inAppWords(
        'input /a is inside --out /a/o; outputs could replace it, so choose an --out outside the inputs',
      ),
    ).toBe(
      'input /a is inside the output folder /a/o; outputs could replace it, so choose an output folder outside the inputs',
    );
    expect(inAppWords('the file is truncated (pixel data ends early)')).toBe(
      'the file is truncated (pixel data ends early)',
    );
  });

  it("asks for a long label to be shortened in the box's label field, not in a findings file", () => {
    expect(inAppWords(`… hold only its first 64: "a long label". ${SHORTEN_ADVICE}`)).toBe(
      `… hold only its first 64: "a long label". Shorten the label (the selected box's label field) to keep it whole in every object.`,
    );
  });
});
