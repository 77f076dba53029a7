import { describe, expect, it } from 'vitest';
import { parseBoxFile } from '../../../src/shared/boxes/parse';

describe('parseBoxFile: CSV', () => {
  it('reads every way of naming an image, optional columns and defaults', () => {
    const csv = [
      'SOP_Instance_UID,file,series_instance_uid,instance_number,frame,x1,y1,x2,y2,label,score,color',
      '1.2.3,,,,,10,20,30,40,nodule,0.9,#00ff00',
      ',sub/img 1.dcm,,,2,5,6,7,8,,,',
      ',,1.2.9,17,,1,1,2,2,"mass, left",,ABCDEF',
    ].join('\n');
    const { boxes, errors } = parseBoxFile(csv, 'boxes.csv');
    expect(errors).toEqual([]);
    expect(boxes).toEqual([
      {
        target: { kind: 'sop', sopInstanceUid: '1.2.3' },
        frame: 1,
        x1: 10,
        y1: 20,
        x2: 30,
        y2: 40,
        label: 'nodule',
        score: 0.9,
        color: [0, 255, 0],
        origin: 'boxes.csv:2',
      },
      {
        target: { kind: 'file', file: 'sub/img 1.dcm' },
        frame: 2,
        x1: 5,
        y1: 6,
        x2: 7,
        y2: 8,
        origin: 'boxes.csv:3',
      },
      {
        target: { kind: 'series-instance', seriesInstanceUid: '1.2.9', instanceNumber: 17 },
        frame: 1,
        x1: 1,
        y1: 1,
        x2: 2,
        y2: 2,
        label: 'mass, left',
        color: [0xab, 0xcd, 0xef],
        origin: 'boxes.csv:4',
      },
    ]);
  });

  it('puts corners given in either order as x1 <= x2, y1 <= y2', () => {
    const { boxes } = parseBoxFile('sop_instance_uid,x1,y1,x2,y2\n1.2,30,40,10,20\n', 'b.csv');
    expect(boxes[0]).toMatchObject({ x1: 10, y1: 20, x2: 30, y2: 40 });
  });

  it('reports each bad row with its physical line and the column at fault, keeping the good rows', () => {
    const csv = [
      'sop_instance_uid,x1,y1,x2,y2,frame,score,color', // 1
      '1.1,0,0,5,5,,,', // 2 good
      ',0,0,5,5,,,', // 3 no image named
      '1.3,abc,0,5,5,,,', // 4 non-numeric x1
      '', // 5 blank: skipped
      '1.5,0,0,5,5,,,red', // 6 bad colour
      '1.6,0,0,5,5,,1.5,', // 7 score outside 0..1
      '1.7,0,0,5,5,0,,', // 8 frame < 1
      '"1.8\nsplit",0,0,,5,,,', // 9-10 empty x2 (record starts on line 9)
      '1.9,1,2,3,4,,0.5,', // 11 good
    ].join('\r\n');
    const { boxes, errors } = parseBoxFile(csv, 'det.csv');
    expect(boxes.map((b) => b.origin)).toEqual(['det.csv:2', 'det.csv:11']);
    expect(errors).toEqual([
      {
        origin: 'det.csv:3',
        reason: 'no image named: fill sop_instance_uid, or file, or series_instance_uid + instance_number',
      },
      { origin: 'det.csv:4', reason: 'column x1: "abc" is not a number' },
      {
        origin: 'det.csv:6',
        reason: 'column color: "red" is not a colour; write rrggbb or #rrggbb, e.g. ff0000',
      },
      { origin: 'det.csv:7', reason: 'column score: "1.5" is not a score between 0 and 1' },
      {
        origin: 'det.csv:8',
        reason: 'column frame: "0" is not a frame number (whole number, counting from 1)',
      },
      { origin: 'det.csv:9', reason: 'column x2 is empty' },
    ]);
  });

  it('reads an optional per-row outline thickness and refuses one that is not 1 to 256 pixels', () => {
    const csv =
      'sop_instance_uid,x1,y1,x2,y2,thickness\n1.1,0,0,5,5,6\n1.2,0,0,5,5,0\n1.3,0,0,5,5,2.5\n1.4,0,0,5,5,\n';
    const { boxes, errors } = parseBoxFile(csv, 't.csv');
    expect(boxes.map((b) => [b.origin, b.thickness])).toEqual([
      ['t.csv:2', 6],
      ['t.csv:5', undefined],
    ]);
    expect(errors).toEqual([
      {
        origin: 't.csv:3',
        reason: 'column thickness: "0" is not an outline width (whole number of pixels, 1 to 256)',
      },
      {
        origin: 't.csv:4',
        reason: 'column thickness: "2.5" is not an outline width (whole number of pixels, 1 to 256)',
      },
    ]);
  });

  it('reads who found each finding (finder: reader, or the algorithm when empty) and refuses anyone else', () => {
    const csv =
      'sop_instance_uid,x1,y1,x2,y2,finder\n1.1,0,0,5,5,reader\n1.2,0,0,5,5,Algorithm\n1.3,0,0,5,5,\n1.4,0,0,5,5,radiologist\n';
    const { boxes, errors } = parseBoxFile(csv, 't.csv');
    expect(boxes.map((b) => [b.origin, b.finder])).toEqual([
      ['t.csv:2', 'reader'],
      ['t.csv:3', undefined],
      ['t.csv:4', undefined],
    ]);
    expect(errors).toEqual([
      {
        origin: 't.csv:5',
        reason:
          'column finder: "radiologist" is not who found the finding; write reader (the reader drew it) or algorithm, or leave it empty (the algorithm)',
      },
    ]);
  });

  it('lists every fault of one row together', () => {
    const { errors } = parseBoxFile(
      'series_instance_uid,instance_number,x1,y1,x2,y2\n1.2,7.5,1,2,3,y\n',
      'a.csv',
    );
    expect(errors).toEqual([
      {
        origin: 'a.csv:2',
        reason: 'column instance_number: "7.5" is not a whole number; column y2: "y" is not a number',
      },
    ]);
  });

  it('gives one error naming the required columns when the header is unusable', () => {
    const { boxes, errors } = parseBoxFile('uid,left,top\n1.2,3,4\n', 'bad.csv');
    expect(boxes).toEqual([]);
    expect(errors).toEqual([
      {
        origin: 'bad.csv:1',
        reason:
          'no usable header row: a box file needs the columns x1, y1, x2, y2 and one of: sop_instance_uid, file, or series_instance_uid + instance_number (found: uid, left, top)',
      },
    ]);
    expect(parseBoxFile('', 'empty.csv').errors[0]?.reason).toMatch(/found: nothing/);
  });

  it('needs instance_number beside series_instance_uid in the header', () => {
    expect(parseBoxFile('series_instance_uid,x1,y1,x2,y2\n', 'c.csv').errors).toHaveLength(1);
  });
});

describe('parseBoxFile: JSON', () => {
  it('reads an array of objects whose numbers may be numeric strings', () => {
    const json = JSON.stringify([
      {
        sop_instance_uid: '1.2.3',
        x1: '10',
        y1: 20.5,
        x2: 3,
        y2: '4',
        label: 'a',
        score: '0.25',
        color: 'ff0000',
      },
      { file: '.\\dir\\x.dcm', frame: 3, x1: 0, y1: 0, x2: 1, y2: 1 },
    ]);
    const { boxes, errors } = parseBoxFile(json, 'b.json');
    expect(errors).toEqual([]);
    expect(boxes).toEqual([
      {
        target: { kind: 'sop', sopInstanceUid: '1.2.3' },
        frame: 1,
        x1: 3,
        y1: 4,
        x2: 10,
        y2: 20.5,
        label: 'a',
        score: 0.25,
        color: [255, 0, 0],
        origin: 'b.json[0]',
      },
      {
        target: { kind: 'file', file: '.\\dir\\x.dcm' },
        frame: 3,
        x1: 0,
        y1: 0,
        x2: 1,
        y2: 1,
        origin: 'b.json[1]',
      },
    ]);
  });

  it('reports bad elements by index and the line they start on', () => {
    const json =
      '[\n  {"sop_instance_uid": "1", "x1": 0, "y1": 0, "x2": 1, "y2": 1},\n  {"sop_instance_uid": "2", "x1": "left", "y1": 0, "x2": 1, "y2": 1},\n  [1, 2],\n  {"file": "a", "x1": 0, "y1": 0, "x2": 1, "y2": 1, "score": -0.1}\n]';
    const { boxes, errors } = parseBoxFile(json, 'd.json');
    expect(boxes.map((b) => b.origin)).toEqual(['d.json[0]']);
    expect(errors).toEqual([
      { origin: 'd.json[1]', reason: 'column x1: "left" is not a number (line 3)' },
      { origin: 'd.json[2]', reason: 'not an object of strings and numbers (line 4)' },
      { origin: 'd.json[3]', reason: 'column score: "-0.1" is not a score between 0 and 1 (line 5)' },
    ]);
  });

  it('says what is wrong with a file that is not a JSON array', () => {
    expect(parseBoxFile('{"boxes": []}', 'x.json').errors[0]?.reason).toMatch(/must be an array of objects/);
    expect(parseBoxFile('[{"x1": 1,}]', 'y.json').errors[0]?.reason).toMatch(/^not valid JSON/);
  });
});

describe('parseBoxFile: row by row', () => {
  const csv = 'file,x1,y1,x2,y2,label,score,thickness\na,1,2,3,4,l,0.5,2\nb,x,2,3,4\nc,9,9,1,1\n';

  it('hands good CSV rows on in file order, keeps the bad ones as errors and returns no boxes', () => {
    const seen: string[] = [];
    const result = parseBoxFile(csv, 'b.csv', (record) => seen.push(record.origin));
    expect(seen).toEqual(['b.csv:2', 'b.csv:4']);
    expect(result.boxes).toEqual([]);
    expect(result.errors).toEqual([{ origin: 'b.csv:3', reason: 'column x1: "x" is not a number' }]);
  });

  it('gives the same records either way, with the same keys in the same order', () => {
    const streamed: unknown[] = [];
    parseBoxFile(csv, 'b.csv', (record) => streamed.push(record));
    const whole = parseBoxFile(csv, 'b.csv').boxes;
    expect(streamed).toEqual(whole);
    expect(Object.keys(whole[0] ?? {})).toEqual([
      'frame',
      'label',
      'score',
      'thickness',
      'target',
      'x1',
      'y1',
      'x2',
      'y2',
      'origin',
    ]);
  });

  it('hands JSON rows on too', () => {
    const seen: string[] = [];
    const json = '[{"file":"a","x1":1,"y1":1,"x2":2,"y2":2},{"file":"b","x1":1,"y1":1,"x2":2}]';
    const result = parseBoxFile(json, 'b.json', (record) => seen.push(record.origin));
    expect(seen).toEqual(['b.json[0]']);
    expect(result.boxes).toEqual([]);
    expect(result.errors).toHaveLength(1);
  });
});
