import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDicom } from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { generatePhantomSeries } from '../../src/main/sample/phantom';
import { dciodvfy, dcm2pnm } from '../helpers/dicom-tools';

const SERIES = 'assets/sample/abdomen-ct/series-1';
const files = readdirSync(SERIES).sort();
const SAMPLE_OPTIONS = { slices: 24, size: 256, seed: 1, implicitVrInstances: [3, 4] };

describe('bundled sample (assets/sample)', () => {
  it('holds 24 extension-less slices, under 4 MB in all', () => {
    expect(files).toEqual(Array.from({ length: 24 }, (_, i) => `IM${String(i + 1).padStart(4, '0')}`));
    const bytes = files.reduce((sum, f) => sum + readFileSync(join(SERIES, f)).length, 0);
    expect(bytes).toBeLessThan(4 * 1024 * 1024);
  });

  it('is exactly what `npm run sample` generates (deterministic)', () => {
    for (const slice of generatePhantomSeries(SAMPLE_OPTIONS)) {
      expect(
        Buffer.compare(readFileSync(join('assets/sample', slice.relativePath)), Buffer.from(slice.bytes)),
      ).toBe(0);
    }
  });

  it.each(files)('%s passes dciodvfy as a CT Image without errors', (file) => {
    const result = dciodvfy(join(SERIES, file));
    expect(result.output).toContain('CTImage');
    expect(result.errors).toEqual([]);
  });

  it('renders in DCMTK with the abdomen window: air black, bone white, soft tissue mid-gray', () => {
    const [image] = dcm2pnm(join(SERIES, 'IM0013'), ['+Ww', '40', '400']);
    expect(image?.width).toBe(256);
    const at = (x: number, y: number): number => image?.data[y * 256 + x] ?? -1;
    expect(at(5, 5)).toBe(0); // air
    expect(at(128, 155)).toBe(255); // vertebral body cortex (700 HU, y = 40 mm): past the window top (240 HU)
    expect(at(128, 167)).toBeGreaterThan(225); // cancellous bone (230 HU) near the top: (230 - 40 + 200) / 400 * 255 = 249
    const tissue = at(128, 100); // abdominal soft tissue (40 HU, y = -41 mm): (40 - 40 + 200) / 400 * 255 = 127
    expect(tissue).toBeGreaterThan(100);
    expect(tissue).toBeLessThan(170);
  });

  it('writes slices 3 and 4 in Implicit VR and the rest in Explicit VR Little Endian', () => {
    const syntaxes = files.map((f) =>
      parseDicom(new Uint8Array(readFileSync(join(SERIES, f))), { untilTag: 'x00080005' }).string(
        'x00020010',
      ),
    );
    expect(syntaxes.filter((s) => s === '1.2.840.10008.1.2')).toHaveLength(2);
    expect(syntaxes[2]).toBe('1.2.840.10008.1.2');
    expect(syntaxes.filter((s) => s === '1.2.840.10008.1.2.1')).toHaveLength(22);
  });

  it('boxes.csv marks the lesion on real instances, and the lesion (~65 HU) fills the box centre', () => {
    const [header, ...rows] = readFileSync('assets/sample/boxes.csv', 'utf8').trim().split('\n');
    expect(header).toBe('series_instance_uid,instance_number,frame,x1,y1,x2,y2,label,score');
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const byInstance = new Map(
      files.map((f) => {
        const data = parseDicom(new Uint8Array(readFileSync(join(SERIES, f))));
        return [data.intString('x00200013') ?? 0, { data, series: data.string('x0020000e') }];
      }),
    );
    for (const row of rows) {
      const [series, instance, , x1, y1, x2, y2] = row.split(',');
      const target = byInstance.get(Number(instance));
      expect(target?.series).toBe(series);
      const pixels = target?.data.elements.x7fe00010;
      const cx = Math.round((Number(x1) + Number(x2)) / 2);
      const cy = Math.round((Number(y1) + Number(y2)) / 2);
      const words = new Uint16Array(
        target?.data.byteArray.buffer.slice((pixels?.dataOffset ?? 0) + target.data.byteArray.byteOffset) ??
          new ArrayBuffer(0),
        0,
        256 * 256,
      );
      let sum = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) sum += (words[(cy + dy) * 256 + cx + dx] ?? 0) - 1024;
      expect(sum / 9).toBeGreaterThan(45);
      expect(sum / 9).toBeLessThan(85);
    }
  });
});
