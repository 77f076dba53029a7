/**
 * `npm run bench:send`: converts a generated 200-slice 512x512 CT series, starts a local Orthanc (DICOM
 * port + DICOMweb plugin, as the tests do) and sends the 200 outputs by C-STORE and by STOW-RS, printing
 * instances/s for each. `--slices N` and `--connections N` change the series length and parallelism.
 * Figures only, no assertions; the machine's load average is printed beside them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDelivery } from '../src/main/delivery/deliver';
import { parseDestinationUrl } from '../src/main/delivery/destination';
import { pacsTarget } from '../src/main/delivery/target';
import { ORTHANC_AET, startOrthanc } from '../tests/helpers/orthanc';
import { convertedSeries } from './bench-inputs';

function intOption(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number`);
  return value;
}

async function main(): Promise<void> {
  const slices = intOption('--slices', 200);
  const connections = intOption('--connections', 2);
  const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-send-bench-'));
  const orthanc = await startOrthanc({ dicom: true, dicomWeb: true });
  try {
    const files = convertedSeries(dir, slices);
    const urls = {
      'C-STORE': `dicom://${ORTHANC_AET}@127.0.0.1:${String(orthanc.dicomPort)}`,
      'STOW-RS': `${orthanc.baseUrl}/dicom-web`,
    };
    for (const [protocol, url] of Object.entries(urls)) {
      const destination = parseDestinationUrl(url);
      if (!destination.ok) throw new Error(destination.reason);
      const delivery = createDelivery(pacsTarget(destination.value, connections), { resend: true });
      const started = performance.now();
      for (const file of files) delivery.add(file, join(dir, 'out'));
      const report = await delivery.end();
      const seconds = (performance.now() - started) / 1000;
      const delivered = report.outcomes.filter((o) => o.status === 'delivered').length;
      console.log(
        `${protocol}: ${delivered}/${files.length} delivered in ${seconds.toFixed(1)} s = ${(delivered / seconds).toFixed(1)} instances/s ` +
          `(${connections} connections, 512x512 RGB, load average ${loadavg()[0]?.toFixed(1) ?? '?'})`,
      );
    }
  } finally {
    await orthanc.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
