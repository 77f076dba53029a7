import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { textElement } from '../../../src/main/dicom/write/element';
import type { TwinFinding, TwinImage } from '../../../src/main/twin/types';
import { segmentationNotWrittenNote, writeTwins } from '../../../src/main/twin/write-twins';

const box: TwinFinding = { frame: 1, x1: 1, y1: 1, x2: 2, y2: 2, label: 'lesion', color: [255, 0, 0] };
const mask: TwinFinding = {
  ...box,
  region: { x: 1, y: 1, width: 2, height: 1, bits: Uint8Array.from([1, 1]) },
};

function image(folder: string, findings: TwinFinding[]): TwinImage {
  return {
    sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
    sopInstanceUid: '1.2.3.4.1',
    seriesInstanceUid: '1.2.3.4',
    studyInstanceUid: '1.2.3',
    outputFolder: folder,
    rows: 4,
    columns: 4,
    frames: 1,
    photometric: 'MONOCHROME2',
    modality: 'CT',
    patientStudy: [textElement(0x00100010, 'PN', 'PHANTOM')],
    generalSeries: [],
    findings,
    settingsKey: 'k',
    seriesKey: 's',
  };
}

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('writeTwins with seg', () => {
  it('writes one verified segmentation per series, with the same UID and bytes on a rerun', () => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'dicom-ink-seg-write-')));
    const created = new Date(2026, 11, 1, 12, 0, 0);
    const options = { choice: 'seg', outputRoot: dir, overwrite: true, verify: true, created };
    const [first] = writeTwins([image(dir, [mask])], options);
    expect(first?.status).toBe('written');
    const bytes = readFileSync(first?.output ?? '');
    const [again] = writeTwins([image(dir, [mask])], options);
    expect(again?.status === 'written' && again.sopInstanceUid).toBe(
      first?.status === 'written' && first.sopInstanceUid,
    );
    expect(Buffer.compare(readFileSync(again?.output ?? ''), bytes)).toBe(0);
  });

  it('writes none for boxes alone, and says why and what to add', () => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'dicom-ink-seg-write-')));
    const images = [image(dir, [box])];
    expect(writeTwins(images, { choice: 'seg', outputRoot: dir, overwrite: true, verify: true })).toEqual([]);
    expect(segmentationNotWrittenNote(images, { choice: 'seg' })).toContain('add --seg-boxes');
    expect(segmentationNotWrittenNote(images, { choice: 'seg', segBoxes: true })).toBeUndefined();
    expect(segmentationNotWrittenNote([image(dir, [mask])], { choice: 'seg' })).toBeUndefined();
    expect(segmentationNotWrittenNote(images, { choice: 'gsps' })).toBeUndefined();
    const written = writeTwins(images, {
      choice: 'seg',
      segBoxes: true,
      outputRoot: dir,
      overwrite: true,
      verify: true,
    });
    expect(written.map((t) => t.status)).toEqual(['written']);
  });
});
