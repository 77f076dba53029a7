/**
 * `npm run sample`: regenerates the bundled sample in assets/sample: a 24-slice 256x256 abdominal CT
 * phantom (two slices in Implicit VR, the rest Explicit VR) and boxes.csv marking its kidney lesion.
 * Deterministic: running it again gives the same bytes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatePhantomSeries, phantomLesionBoxes, phantomUids } from '../src/main/sample/phantom';
import type { PhantomOptions } from '../src/main/sample/phantom';
import { lesionMaskNifti } from '../src/main/sample/lesion-mask';

export const SAMPLE_OPTIONS: PhantomOptions = { slices: 24, size: 256, seed: 1, implicitVrInstances: [3, 4] };
const root = join('assets', 'sample');

rmSync(join(root, 'abdomen-ct'), { recursive: true, force: true });
let total = 0;
for (const slice of generatePhantomSeries(SAMPLE_OPTIONS)) {
  const path = join(root, slice.relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, slice.bytes);
  total += slice.bytes.length;
}
const series = phantomUids(SAMPLE_OPTIONS).series;
const rows = phantomLesionBoxes(SAMPLE_OPTIONS).map((b) =>
  [series, b.instanceNumber, 1, b.x1, b.y1, b.x2, b.y2, 'kidney lesion', '0.93'].join(','),
);
writeFileSync(
  join(root, 'boxes.csv'),
  ['series_instance_uid,instance_number,frame,x1,y1,x2,y2,label,score', ...rows, ''].join('\n'),
);
writeFileSync(join(root, 'lesion-mask.nii.gz'), lesionMaskNifti(SAMPLE_OPTIONS));
writeFileSync(join(root, 'lesion-mask.json'), `${JSON.stringify({ '1': 'kidney lesion' })}\n`);
console.log(
  `wrote ${SAMPLE_OPTIONS.slices} slices (${(total / 1e6).toFixed(2)} MB) and ${rows.length} boxes to ${root}`,
);
