/**
 * Text from files (box labels, file names, UIDs, DICOM values) is printed to a terminal, where an escape
 * sequence would act (move the cursor, retitle the window, hide text) and a bidirectional override would
 * reorder what is shown (the "Trojan Source" trick). Every such character is shown as a visible escape
 * instead; line feeds and tabs, which the messages themselves use, pass unchanged.
 */

/**
 * C0 controls but TAB and LF, DEL, C1 controls, and the Unicode bidi formatting characters: ALM (U+061C),
 * LRM/RLM (U+200E/F), embeddings and overrides LRE..RLO (U+202A-U+202E), isolates LRI..PDI (U+2066-U+2069).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every control and bidi formatting character written as `\xNN` or `\uNNNN`. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, visible);
}
