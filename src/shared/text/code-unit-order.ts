/**
 * Strings in the order of their UTF-16 code units, as `<` compares them: not the locale's collation, so
 * a sorted list (a report's, a summary's, a hashed key's) is the same on every machine.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
