import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/shared/boxes/csv';

describe('parseCsv', () => {
  it('splits plain fields and keeps the line each record starts on', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const records = parseCsv('label,x\n"a, ""big"" one",1\n"two\nlines",2\nlast,3');
    expect(records).toEqual([
      { line: 1, fields: ['label', 'x'] },
      { line: 2, fields: ['a, "big" one', '1'] },
      { line: 3, fields: ['two\nlines', '2'] },
      { line: 5, fields: ['last', '3'] },
    ]);
  });

  it('accepts CRLF and CR line ends, a byte-order mark and empty fields', () => {
    expect(parseCsv('\ufeffa,b\r\n1,\r\n\r\n,4\r5,6')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', ''] },
      { line: 3, fields: [''] },
      { line: 4, fields: ['', '4'] },
      { line: 5, fields: ['5', '6'] },
    ]);
  });
});
