import { describe, expect, it } from 'vitest';
import { parseBoxFile } from '../../../src/shared/boxes/parse';
import type { BoxRecord } from '../../../src/shared/boxes/model';
import { visitJsonArray } from '../../../src/shared/boxes/json-lines';

function visited(text: string): { ok: boolean; elements: unknown[]; lines: number[] } {
  const elements: unknown[] = [];
  const lines: number[] = [];
  const ok = visitJsonArray(text, (element, index, line) => {
    expect(index).toBe(elements.length);
    elements.push(element);
    lines.push(line);
  });
  return { ok, elements, lines };
}

/** A seeded generator, so a failure names a case that can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 2 ? 4 : 6));
  switch (pick) {
    case 0:
      return Math.round((next() - 0.5) * 1e6) / 100;
    case 1:
      return ['', 'a"b', 'x\\y', '[{]}', 'line\nbreak', 'é ✓', ','][Math.floor(next() * 7)];
    case 2:
      return next() < 0.5 ? null : next() < 0.5;
    case 3:
      return Math.floor(next() * 1000);
    case 4:
      return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(next() * 4) }, (_, i) => [`k${i}`, randomValue(next, depth + 1)]),
      );
  }
}

describe('visitJsonArray reads a JSON array one element at a time', () => {
  it('gives exactly what JSON.parse gives, for 300 random arrays in compact and indented layouts', () => {
    const next = random(12);
    for (let n = 0; n < 300; n++) {
      const array = Array.from({ length: Math.floor(next() * 6) }, () => randomValue(next, 0));
      for (const text of [JSON.stringify(array), JSON.stringify(array, null, n % 3)]) {
        const result = visited(text);
        expect(result.ok, text).toBe(true);
        expect(result.elements, text).toEqual(JSON.parse(text));
      }
    }
  });

  it('says on which line each element starts', () => {
    const text = '[\n  {"a": 1},\n\n  {"b":\n   2}, 3\n, "x"]';
    expect(visited(text)).toEqual({ ok: true, elements: [{ a: 1 }, { b: 2 }, 3, 'x'], lines: [2, 4, 5, 6] });
    expect(visited(' [ ] ')).toEqual({ ok: true, elements: [], lines: [] });
  });

  it('refuses whatever JSON.parse refuses or is not an array, over 2,000 random cuts and edits', () => {
    const next = random(99);
    const edits = ['', ',', ']', '[', '"', '}', 'x', ' '];
    for (let n = 0; n < 2000; n++) {
      const base = JSON.stringify(Array.from({ length: 3 }, () => randomValue(next, 0)));
      const at = Math.floor(next() * (base.length + 1));
      const cut = Math.floor(next() * 3);
      const text =
        base.slice(0, at) + (edits[Math.floor(next() * edits.length)] ?? '') + base.slice(at + cut);
      let valid: boolean;
      try {
        valid = Array.isArray(JSON.parse(text));
      } catch {
        valid = false;
      }
      expect(visited(text).ok, text).toBe(valid);
    }
  });
});

describe('a JSON box file read row by row', () => {
  it('hands on every good row in order, with bad rows listed by index and line', () => {
    const text = '[\n{"file": "a", "x1": 1, "y1": 1, "x2": 5, "y2": 5},\n{"file": "b"},\n[1, 2]\n]';
    const rows: BoxRecord[] = [];
    const result = parseBoxFile(text, 'boxes.json', (record) => rows.push(record));
    expect(rows.map((r) => r.origin)).toEqual(['boxes.json[0]']);
    expect(result.boxes).toEqual([]);
    expect(result.errors.map((e) => e.origin)).toEqual(['boxes.json[1]', 'boxes.json[2]']);
    expect(result.errors[1]?.reason).toBe('not an object of strings and numbers (line 4)');
  });

  it('adds no row from a file with a syntax error after good rows, and says it is not valid JSON', () => {
    const text = '[{"file": "a", "x1": 1, "y1": 1, "x2": 5, "y2": 5}, {"file": "b", "x1": 1,,}]';
    const rows: BoxRecord[] = [];
    const result = parseBoxFile(text, 'boxes.json', (record) => rows.push(record));
    expect(rows).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.reason).toMatch(/^not valid JSON \(.*\); fix the syntax$/);
    expect(parseBoxFile('{"file": "a"}', 'boxes.json').errors[0]?.reason).toMatch(
      /^a JSON box file must be an array of objects/,
    );
  });
});
