/**
 * Reference decoding of a JPEG 2000 / HTJ2K frame by OpenJPEG 2.5 through Pillow (Debian python3-pil,
 * python3-pydicom): GDCM 3 cannot decode HTJ2K, OpenJPEG can, independently of the codec we use
 * (OpenJPH inside dcmjs-codecs). Returns the first frame's samples as Pillow lays them out (interleaved).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const SCRIPT = `
import sys, io, pydicom
from pydicom.encaps import generate_pixel_data_frame
from PIL import Image
ds = pydicom.dcmread(sys.argv[1])
frame = next(generate_pixel_data_frame(ds.PixelData))
open(sys.argv[2], 'wb').write(Image.open(io.BytesIO(frame)).tobytes())
`;

export function openJpegFirstFrame(fixture: string): Uint8Array {
  const stat = statSync(fixture);
  const dir = join(tmpdir(), 'dicom-ink-openjpeg');
  const out = join(dir, `${basename(fixture)}.${stat.size}.${Math.floor(stat.mtimeMs)}.bin`);
  if (!existsSync(out)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('/usr/bin/python3', ['-c', SCRIPT, fixture, out], { stdio: 'pipe' });
  }
  return new Uint8Array(readFileSync(out));
}
