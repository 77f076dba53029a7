/**
 * The old ACR-NEMA forms of dates and times that PS3.5 6.2 still describes for reading (Table 6.2-1,
 * notes on DA and TM): `YYYY.MM.DD` and `HH:MM:SS.frac`. A PACS matches dates and times only in the
 * standard forms, so these are rewritten to them; any other value is returned unchanged, whole.
 */

const OLD_DATE = /^(\d{4})\.(\d{2})\.(\d{2})$/;
const OLD_TIME = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?$/;

/** `1993.04.28` -> `19930428`; anything else unchanged. */
export function standardDate(value: string): string {
  const match = OLD_DATE.exec(value);
  return match ? `${match[1]}${match[2]}${match[3]}` : value;
}

/** `14:04:38.123` -> `140438.123`, `14:04` -> `1404`; anything else unchanged. */
export function standardTime(value: string): string {
  const match = OLD_TIME.exec(value);
  if (!match) return value;
  const [, hours, minutes, seconds, fraction] = match;
  return `${hours}${minutes}${seconds ?? ''}${seconds === undefined ? '' : (fraction ?? '')}`;
}
