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

  it('keeps a quote inside an unquoted field, joins text after a closing quote, drops spaces before an opening one', () => {
    expect(parseCsv('a"b, "c"d,"e""f"\n')).toEqual([{ line: 1, fields: ['a"b', 'cd', 'e"f'] }]);
  });

  it('reads a long file row by row with every field whole', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `series/IM${i},${i},"lesion, ${i}"`);
    const records = parseCsv(`file,x,label\n${rows.join('\n')}\n`);
    expect(records).toHaveLength(5001);
    expect(records[4321]).toEqual({ line: 4322, fields: ['series/IM4320', '4320', 'lesion, 4320'] });
  });
});
