/** DS (PS3.5 6.2): a decimal number in at most 16 characters, the shortest exact form where it fits. */
export function formatDs(value: number): string {
  const text = String(value);
  return text.length <= 16 ? text : value.toPrecision(10).replace(/\.?0+($|e)/, '$1');
}
