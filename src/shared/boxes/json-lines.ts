/**
 * A top-level JSON array read one element at a time: each element's text is parsed on its own and handed
 * on with its index and the 1-based line it starts on (so a bad element can be pointed at in an editor),
 * and the array is never held whole as objects (100,000 box rows were ~100 MB of objects at once).
 */
export type ArrayElementVisit = (element: unknown, index: number, line: number) => void;

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

/** Where the string starting at `from` (a '"') ends: the index after its closing quote, or -1. */
function stringEnd(text: string, from: number): number {
  for (let i = from + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 92)
      i++; // backslash: the next character is escaped
    else if (ch === 34) return i + 1;
  }
  return -1;
}

/**
 * Where the value starting at `from` ends (the index after it), or -1. Only the extent is found here;
 * JSON.parse then checks the value itself.
 */
function valueEnd(text: string, from: number): number {
  const first = text[from];
  if (first === '"') return stringEnd(text, from);
  if (first !== '{' && first !== '[') {
    let i = from;
    while (i < text.length && !',]} \t\r\n'.includes(text[i] as string)) i++;
    return i > from ? i : -1;
  }
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * Visits every element of `text`, a JSON array, in order. True when the whole text is one valid array
 * (every element visited); false as soon as it is not (then JSON.parse of the whole text says why, or
 * the text is valid JSON that is not an array): elements before that point have been visited already.
 */
export function visitJsonArray(text: string, visit: ArrayElementVisit): boolean {
  let i = 0;
  let line = 1;
  const skipSpace = (): void => {
    while (i < text.length) {
      const ch = text.charCodeAt(i);
      if (ch === LF) line++;
      else if (ch !== SPACE && ch !== TAB && ch !== CR) return;
      i++;
    }
  };
  const atEnd = (): boolean => {
    skipSpace();
    return i === text.length;
  };
  skipSpace();
  if (text[i] !== '[') return false;
  i++;
  skipSpace();
  if (text[i] === ']') {
    i++;
    return atEnd();
  }
  for (let index = 0; ; index++) {
    skipSpace();
    const start = i;
    const startLine = line;
    const end = valueEnd(text, start);
    if (end < 0) return false;
    const slice = text.slice(start, end);
    let element: unknown;
    try {
      element = JSON.parse(slice);
    } catch {
      return false;
    }
    for (let at = slice.indexOf('\n'); at >= 0; at = slice.indexOf('\n', at + 1)) line++;
    visit(element, index, startLine);
    i = end;
    skipSpace();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] !== ']') return false;
    i++;
    return atEnd();
  }
}
