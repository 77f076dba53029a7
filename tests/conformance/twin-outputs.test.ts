/**
 * Issue 11 (writing): `convert --twin both` writes a Grayscale Softcopy Presentation State per source
 * series and a TID 1500 Comprehensive SR per study, checked with independent tools: dciodvfy (0 errors),
 * DCMTK's dsrdump (the TID 1500 tree) and dcmp2pgm (the presentation state renders the source with the
 * export's window), and pydicom (each polyline at its box's coordinates).
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFile, REPO, runCli } from '../helpers/cli-harness';
import { dciodvfy, parsePnm, pydicomRead, runTool } from '../helpers/dicom-tools';

const SAMPLE = join(REPO, 'assets', 'sample', 'abdomen-ct');
const SAMPLE_BOXES = join(REPO, 'assets', 'sample', 'boxes.csv');
const SAMPLE_MASK = join(REPO, 'assets', 'sample', 'lesion-mask.nii.gz');

/**
 * Corpus sources of four IODs and photometrics: CT, CT multi-frame RLE, MR multi-frame, and a CR in
 * MONOCHROME1 (RG3_J2KR.dcm, decompressed by GDCM first, as DCMTK's dcmp2pgm reads no JPEG 2000).
 */
const CORPUS = [
  'dp_CT1_UNC.explicit_little_endian.dcm',
  'dp_CT0012.not_fragmented_bot_rle.dcm',
  'emri_small.dcm',
];
const MONOCHROME1 = 'RG3_raw.dcm';
const CORPUS_BOXES = `file,frame,x1,y1,x2,y2,label,score
dp_CT1_UNC.explicit_little_endian.dcm,1,200,220,260,270,nodule,0.81
dp_CT0012.not_fragmented_bot_rle.dcm,2,100,110,150,170,kidney lesion,0.66
emri_small.dcm,2,10,12,30,28,lesion,
emri_small.dcm,5,20,20,40,44,cyst,0.4
RG3_raw.dcm,1,600,700,900,1000,fracture,0.77
`;

let dir: string;

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function twinsUnder(root: string): { gsps: string[]; sr: string[] } {
  const files = filesUnder(root);
  return {
    gsps: files.filter((f) => basename(f).startsWith('presentation-state-')),
    sr: files.filter((f) => basename(f).startsWith('report-')),
  };
}

interface BoxRow {
  instance: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  label: string;
  score: number;
}

function sampleRows(): BoxRow[] {
  const [, ...lines] = readFileSync(SAMPLE_BOXES, 'utf8').trim().split('\n');
  return lines.map((line) => {
    const [, instance, , x1, y1, x2, y2, label, score] = line.split(',');
    return {
      instance: Number(instance),
      x1: Number(x1),
      y1: Number(y1),
      x2: Number(x2),
      y2: Number(y2),
      label: label ?? '',
      score: Number(score),
    };
  });
}

const run = (args: string[]): void => {
  const result = runCli(args, { timeoutMs: 300_000 });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-twin-'));
  const common = ['--window', 'abdomen', '--labels', '--quiet'];
  run(['convert', SAMPLE, '--out', join(dir, 'boxes'), '--boxes', SAMPLE_BOXES, '--twin', 'both', ...common]);
  run(['convert', SAMPLE, '--out', join(dir, 'plain'), ...common]);
  run([
    'convert',
    SAMPLE,
    '--out',
    join(dir, 'masks'),
    '--boxes',
    SAMPLE_BOXES,
    '--masks',
    SAMPLE_MASK,
    '--twin',
    'both',
    ...common,
  ]);
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  for (const name of CORPUS) copyFileSync(corpusFile(name), join(corpus, name));
  const raw = runTool('gdcmconv', ['--raw', corpusFile('RG3_J2KR.dcm'), join(corpus, MONOCHROME1)]);
  expect(raw.status).toBe(0);
  writeFileSync(join(dir, 'corpus-boxes.csv'), CORPUS_BOXES);
  run([
    'convert',
    corpus,
    '--out',
    join(dir, 'corpus-out'),
    '--boxes',
    join(dir, 'corpus-boxes.csv'),
    '--twin',
    'both',
    '--labels',
    '--quiet',
  ]);
  run(['convert', corpus, '--out', join(dir, 'corpus-plain'), '--quiet']);
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('convert --twin both', () => {
  it('writes one presentation state per series and one report per study', () => {
    const sample = twinsUnder(join(dir, 'boxes'));
    expect([sample.gsps.length, sample.sr.length]).toEqual([1, 1]);
    // the corpus files are four studies of one series each
    const corpus = twinsUnder(join(dir, 'corpus-out'));
    expect([corpus.gsps.length, corpus.sr.length]).toEqual([4, 4]);
    expect(twinsUnder(join(dir, 'plain'))).toEqual({ gsps: [], sr: [] });
  });

  it(
    'dciodvfy finds no error in any presentation state or report (phantom boxes and mask, corpus)',
    { timeout: 300_000 },
    () => {
      const written = ['boxes', 'masks', 'corpus-out'].flatMap((run_) => {
        const twins = twinsUnder(join(dir, run_));
        return [...twins.gsps, ...twins.sr];
      });
      expect(written).toHaveLength(12);
      const iods = new Set<string>();
      for (const file of written) {
        const result = dciodvfy(file);
        expect(result.errors, relative(dir, file)).toEqual([]);
        const iod = result.output
          .split('\n')
          .find((l) => /^(GrayscaleSoftcopyPresentationState|ComprehensiveSR)$/.test(l.trim()));
        expect(iod, relative(dir, file)).toBeDefined();
        iods.add(iod?.trim() ?? '');
      }
      expect([...iods].sort()).toEqual(['ComprehensiveSR', 'GrayscaleSoftcopyPresentationState']);
    },
  );

  it('dsrdump shows the TID 1500 tree: observer device, measurement groups with tracking ids and polylines', () => {
    const [report] = twinsUnder(join(dir, 'boxes')).sr;
    const dump = runTool('dsrdump', [report as string]);
    expect(dump.stderr).toBe('');
    const text = dump.stdout;
    expect(text).toContain('Comprehensive SR Document');
    expect(text).toContain('<CONTAINER:(,,"Imaging Measurement Report")=SEPARATE>');
    expect(text).toContain('<has obs context CODE:(,,"Observer Type")=(121007,DCM,"Device")>');
    expect(text).toContain('<has obs context TEXT:(,,"Device Observer Name")="DICOM Ink">');
    expect(text).toMatch(/Device Observer Model Name"\)="DICOM Ink \d+\.\d+\.\d+"/);
    expect(text.match(/<contains CONTAINER:\(,,"Measurement Group"\)=SEPARATE>/g)).toHaveLength(
      sampleRows().length,
    );
    expect(text.match(/Tracking Unique Identifier/g)).toHaveLength(sampleRows().length);
    expect(text).toContain('<contains SCOORD:(,,"Image Region")=(POLYLINE,179/148,...)>');
    expect(text).toContain('<contains NUM:(,,"Score")="0.93" (1,UCUM,"no units")>');
  });

  it('pydicom finds each box as a closed polyline at its coordinates, with its label and score', () => {
    const [report] = twinsUnder(join(dir, 'boxes')).sr;
    const read = runTool('/usr/bin/python3', [
      join(REPO, 'tests', 'helpers', 'sr_polylines.py'),
      report as string,
      SAMPLE,
    ]);
    expect(read.stderr).toBe('');
    const found = JSON.parse(read.stdout) as {
      template: string;
      finding: string;
      score?: number;
      graphicType: string;
      points: number[];
      instance: number;
      trackingUid: string;
    }[];
    const rows = sampleRows();
    expect(found).toHaveLength(rows.length);
    for (const row of rows) {
      const group = found.find((f) => f.instance === row.instance);
      expect(group, `instance ${row.instance}`).toBeDefined();
      expect(group?.template).toBe('1410');
      expect(group?.graphicType).toBe('POLYLINE');
      // outer pixel edges: columns x1..x2 span x1 to x2 + 1 (PS3.3 C.18.6.1.1), closed
      const [l, t, r, b] = [row.x1, row.y1, row.x2 + 1, row.y2 + 1];
      expect(group?.points).toEqual([l, t, r, t, r, b, l, b, l, t]);
      expect(group?.finding).toBe(row.label);
      expect(group?.score).toBeCloseTo(row.score, 6);
    }
    expect(new Set(found.map((f) => f.trackingUid)).size).toBe(rows.length);
  });

  it('the mask run outlines each lesion as closed polylines in the presentation state', () => {
    const [state] = twinsUnder(join(dir, 'masks')).gsps;
    const dump = runTool('dcmdump', ['+L', '+P', '0070,0022', state as string])
      .stdout.trim()
      .split('\n');
    // a box is 5 points (10 values); a lesion outline has more corners
    const counts = dump.map((line) => (/FL ([^#]*)#/.exec(line)?.[1] ?? '').trim().split('\\').length);
    expect(counts.filter((n) => n === 10)).toHaveLength(sampleRows().length);
    expect(counts.filter((n) => n > 10).length).toBeGreaterThanOrEqual(6);
  });
});

describe('dcmp2pgm renders the source through our presentation state as our burned-in copy shows it', () => {
  /** Renders `source` with the presentation state and compares with our SC, outside what was burned in. */
  function compare(state: string, source: string, burned: string, plain: string): void {
    const out = join(dir, `${basename(source)}.pgm`);
    const rendered = runTool('dcmp2pgm', ['-p', state, source, out]);
    expect(rendered.stderr, basename(source)).toBe('');
    const pgm = parsePnm(readFileSync(out));
    const withBoxes = pydicomRead(burned);
    const without = pydicomRead(plain);
    expect([pgm.height, pgm.width, 3]).toEqual(withBoxes.shape);
    let compared = 0;
    let worst = 0;
    let differing = 0;
    for (let i = 0; i < pgm.width * pgm.height; i++) {
      const gray = without.pixels[i * 3] ?? -1;
      worst = Math.max(worst, Math.abs((pgm.data[i] ?? 0) - gray));
      // outside the outlines and labels: where the burned-in copy equals the copy without findings
      const same = [0, 1, 2].every((c) => withBoxes.pixels[i * 3 + c] === without.pixels[i * 3 + c]);
      if (same) {
        compared++;
        if (Math.abs((pgm.data[i] ?? 0) - (withBoxes.pixels[i * 3] ?? -1)) > 1) differing++;
      }
    }
    expect(differing, basename(source)).toBe(0);
    expect(worst, basename(source)).toBeLessThanOrEqual(1);
    expect(compared / (pgm.width * pgm.height)).toBeGreaterThan(0.9);
  }

  it(
    'on every phantom slice with a box (CT, abdomen window over Hounsfield units)',
    { timeout: 300_000 },
    () => {
      const [state] = twinsUnder(join(dir, 'boxes')).gsps;
      const names = readdirSync(join(SAMPLE, 'series-1')).filter((n) =>
        sampleRows().some((r) => n === `IM${String(r.instance).padStart(4, '0')}`),
      );
      expect(names).toHaveLength(sampleRows().length);
      for (const name of names) {
        compare(
          state as string,
          join(SAMPLE, 'series-1', name),
          join(dir, 'boxes', 'abdomen-ct', 'series-1', name),
          join(dir, 'plain', 'abdomen-ct', 'series-1', name),
        );
      }
    },
  );

  it(
    'on a corpus CT and a MONOCHROME1 CR (shown inverted, as the burned-in copy is)',
    { timeout: 300_000 },
    () => {
      const states = twinsUnder(join(dir, 'corpus-out')).gsps;
      for (const name of ['dp_CT1_UNC.explicit_little_endian.dcm', MONOCHROME1]) {
        const source = join(dir, 'corpus', name);
        const uid = /\[([0-9.]+)\]/.exec(runTool('dcmdump', ['+P', '0008,0018', source]).stdout)?.[1];
        const state = states.find((s) => uid !== undefined && runTool('dcmdump', [s]).stdout.includes(uid));
        expect(state, name).toBeDefined();
        compare(
          state as string,
          source,
          join(dir, 'corpus-out', 'corpus', name),
          join(dir, 'corpus-plain', 'corpus', name),
        );
      }
    },
  );
});
