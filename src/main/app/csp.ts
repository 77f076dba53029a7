/**
 * The renderer's Content-Security-Policy: only the app's own scripts and styles, no eval, no inline script,
 * no remote content, no frames, no forms. src/renderer/index.html carries the same text in a meta tag (for
 * Electron's file:// page); browser mode also sends it as a header (where frame-ancestors is honoured).
 * A unit test keeps the two identical.
 */
export const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

export const BRIDGE_CSP = `${RENDERER_CSP}; frame-ancestors 'none'`;
