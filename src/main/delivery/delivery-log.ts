import { readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../session/atomic-write';
import type { DeliveryDetail } from './outcome';

/** The delivery log's file name, in the folder whose files it lists (the outputs' root). */
export const DELIVERY_LOG_NAME = '.dicom-ink-delivery.json';

const entrySchema = z.object({
  sopInstanceUid: z.string(),
  size: z.number(),
  mtimeMs: z.number(),
  detail: z.string(),
  at: z.string(),
});
const logSchema = z.object({
  version: z.literal(1),
  destinations: z.record(z.string(), z.record(z.string(), entrySchema)),
});
type LogDocument = z.infer<typeof logSchema>;

/** A file's identity in the log: the same path with the same size and modification time is the same file. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export async function stampOf(path: string): Promise<FileStamp | undefined> {
  try {
    const info = await stat(path);
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return undefined;
  }
}

/**
 * Which files of one folder were delivered where, kept as `.dicom-ink-delivery.json` in that folder and
 * replaced atomically (temp file, fsync, rename) after every batch, so a crash or Ctrl-C loses at most
 * the batch in flight and a rerun sends only what is not yet delivered. Only deliveries are recorded:
 * a failed instance is simply absent and is sent again next time.
 */
export class DeliveryLog {
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  private constructor(
    readonly root: string,
    private readonly document: LogDocument,
  ) {}

  static async open(root: string): Promise<DeliveryLog> {
    try {
      const parsed = logSchema.safeParse(JSON.parse(await readFile(join(root, DELIVERY_LOG_NAME), 'utf8')));
      if (parsed.success) return new DeliveryLog(root, parsed.data);
    } catch {
      // missing or unreadable: start empty (a corrupt log only means files are sent again)
    }
    return new DeliveryLog(root, { version: 1, destinations: {} });
  }

  private key(file: string): string {
    return relative(this.root, file).split(sep).join('/');
  }

  /** The earlier delivery of this very file (same path, size and time) to the destination, if any. */
  delivered(destination: string, file: string, stamp: FileStamp): DeliveryDetail | undefined {
    const entry = this.document.destinations[destination]?.[this.key(file)];
    if (!entry || entry.size !== stamp.size || entry.mtimeMs !== stamp.mtimeMs) return undefined;
    return entry.detail as DeliveryDetail;
  }

  record(
    destination: string,
    file: string,
    stamp: FileStamp,
    sopInstanceUid: string,
    detail: DeliveryDetail,
  ): void {
    const entries = (this.document.destinations[destination] ??= {});
    entries[this.key(file)] = { sopInstanceUid, ...stamp, detail, at: new Date().toISOString() };
    this.dirty = true;
  }

  /** Writes the log if anything changed; writes are serialized, so the last one always wins. */
  flush(): Promise<void> {
    if (!this.dirty) return this.writing;
    this.dirty = false;
    const text = `${JSON.stringify(this.document, null, 1)}\n`;
    this.writing = this.writing.then(() => writeFileAtomic(join(this.root, DELIVERY_LOG_NAME), text));
    return this.writing;
  }
}
