/**
 * The findings of the files `dicom-ink review-summary` is given, with their review states: a box
 * file (CSV/JSON, its `review` column) or a DICOM SR (each graphic's measurement group's "Review state").
 * Nothing is placed on images: a summary needs no study.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseBoxFile } from '../../shared/boxes/parse';
import { readDicomAnnotations } from '../../shared/findings/annotations/read-annotations';
import type { ReviewedFinding } from '../../shared/review/review-summary';
import { reviewOf } from '../../shared/review/review-state';
import { parseDataset } from '../dicom/parse-dataset';
import { sopClassInfo } from '../dicom/sop-classes';

export type ReadReviewed = { ok: true; findings: ReviewedFinding[] } | { ok: false; reason: string };

/** Part 10 files have "DICM" at byte 128. */
function isDicom(bytes: Uint8Array): boolean {
  return bytes.length > 132 && String.fromCharCode(...bytes.subarray(128, 132)) === 'DICM';
}

function fromDicom(path: string, bytes: Uint8Array): ReadReviewed {
  const parsed = parseDataset(bytes, { untilPixelData: false });
  if (!('dataSet' in parsed)) return { ok: false, reason: `${path}: ${parsed.reason}` };
  const read = readDicomAnnotations(parsed.dataSet, basename(path), (uid) => sopClassInfo(uid)?.name ?? '');
  if (!read.ok) return { ok: false, reason: read.reason };
  const findings = read.graphics.map((g) => ({
    file: path,
    origin: g.origin,
    ...(g.id !== undefined ? { id: g.id } : {}),
    ...(g.label !== undefined ? { label: g.label } : {}),
    review: reviewOf(g),
  }));
  return { ok: true, findings };
}

function fromBoxFile(path: string, bytes: Uint8Array): ReadReviewed {
  const parsed = parseBoxFile(new TextDecoder('utf-8').decode(bytes), basename(path));
  const first = parsed.errors[0];
  if (first !== undefined)
    return {
      ok: false,
      reason: `${first.origin}: ${first.reason} (fix the row: a summary counts every finding)`,
    };
  const findings = parsed.boxes.map((box) => ({
    file: path,
    origin: box.origin,
    ...(box.id !== undefined ? { id: box.id } : {}),
    ...(box.label !== undefined ? { label: box.label } : {}),
    review: reviewOf(box),
  }));
  return { ok: true, findings };
}

/** The findings of one file, or why it cannot be read. */
export async function readReviewedFindings(path: string): Promise<ReadReviewed> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    return { ok: false, reason: `${path} does not exist or cannot be read; check the path` };
  }
  return isDicom(bytes) ? fromDicom(path, bytes) : fromBoxFile(path, bytes);
}
