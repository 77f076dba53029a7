/** Serves the built renderer (dist/renderer) read-only; a request can never name a file outside it. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../path-guard';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** The file for a URL path ('/' is index.html), or undefined when absent or outside the root. */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (decoded.includes('\0') || !isInside(root, file) || file === path.resolve(root)) return undefined;
  try {
    const body = await readFile(file);
    return { body, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}
