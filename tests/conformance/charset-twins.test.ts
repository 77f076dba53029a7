/**
 * Issue 21 point 1: finding text in every script. Sources in twelve Specific Character Sets (written
 * by pydicom, one study each) are converted with a presentation state, report and segmentation and
 * labels in Latin, Cyrillic, Greek, Hebrew, Japanese, Korean and Chinese; pydicom then decodes every
 * text value of every output (SC, GSPS, SR, SEG) and each must equal what went in, with (0008,0005) the
 * set expected; each twin given back as findings must give every label back as it went in. DCMTK's
 * dsr2xml must accept each report and odil must decode the copied names as pydicom does.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli-harness';
import { runTool } from '../helpers/dicom-tools';

const HELPER = join(REPO, 'tests', 'helpers', 'charset_twins.py');
const TEMPLATE = join(REPO, 'assets', 'sample', 'abdomen-ct', 'series-1', 'IM0001');

interface Case {
  id: string;
  charset: string;
  patient: string;
  study: string;
  label: string;
  /** (0008,0005) of the GSPS and SR */
  twins: string;
  /** (0008,0005) of the SC (no new text beyond ASCII: the source's) */
  sc: string;
}

const CASES: Case[] = [
  ['C01', 'ISO_IR 100', 'Müller^Jürgen', 'Bauch', 'Läsion grün', 'ISO_IR 100', 'ISO_IR 100'],
  ['C02', 'ISO_IR 100', 'Müller^Jürgen', 'Bauch', 'очаг', 'ISO_IR 192', 'ISO_IR 100'],
  ['C03', 'ISO_IR 144', 'Иванов^Иван', 'Живот', 'очаг', 'ISO_IR 144', 'ISO_IR 144'],
  ['C04', 'ISO_IR 126', 'Διονυσιος', 'Κοιλιά', 'αλλοίωση', 'ISO_IR 126', 'ISO_IR 126'],
  ['C05', 'ISO_IR 138', 'שרון^דבורה', 'בטן', 'נגע', 'ISO_IR 138', 'ISO_IR 138'],
  ['C06', 'ISO_IR 192', '山田^太郎', '腹部', '結節', 'ISO_IR 192', 'ISO_IR 192'],
  [
    'C07',
    '\\ISO 2022 IR 87',
    'Yamada^Tarou=山田^太郎=やまだ^たろう',
    '腹部',
    '結節',
    '\\ISO 2022 IR 87',
    '\\ISO 2022 IR 87',
  ],
  [
    'C08',
    '\\ISO 2022 IR 149',
    'Hong^Gildong=洪^吉洞=홍^길동',
    '복부',
    '결절',
    '\\ISO 2022 IR 149',
    '\\ISO 2022 IR 149',
  ],
  [
    'C09',
    '\\ISO 2022 IR 58',
    'Zhang^XiaoDong=张^小东',
    '腹部',
    '结节',
    '\\ISO 2022 IR 58',
    '\\ISO 2022 IR 58',
  ],
  ['C10', '', 'Doe^John', 'Abdomen', 'Läsion grün', 'ISO_IR 100', ''],
  ['C11', '', 'Doe^John', 'Abdomen', '結節', 'ISO_IR 192', ''],
  ['C12', 'ISO_IR 144', 'Иванов^Иван', 'Живот', '結節 очаг', 'ISO_IR 192', 'ISO_IR 144'],
].map(([id, charset, patient, study, label, twins, sc]) => ({
  id: id as string,
  charset: charset as string,
  patient: patient as string,
  study: study as string,
  label: label as string,
  twins: twins as string,
  sc: sc as string,
}));

interface Decoded {
  charset: string;
  values: Record<string, string>;
}

let dir: string;
let decoded: Record<string, Decoded>;
let files: string[];
/** the sources, as pydicom decodes them */
let sources: Record<string, Decoded>;

/** Patient and study attributes every output copies from its source (copied-attributes.ts). */
const COPIED = [
  'PatientName',
  'PatientID',
  'PatientBirthDate',
  'PatientSex',
  'StudyInstanceUID',
  'StudyDate',
  'StudyTime',
  'ReferringPhysicianName',
  'StudyID',
  'AccessionNumber',
  'StudyDescription',
];

function python(args: string[]): string {
  const run = runTool('/usr/bin/python3', [HELPER, ...args]);
  if (run.status !== 0) throw new Error(`charset_twins.py ${args[0]} failed: ${run.stderr}`);
  return run.stdout;
}

const TWIN_PREFIXES = ['presentation-state-', 'report-', 'segmentation-'];
const base = (p: string): string => p.split('/').pop() ?? '';

function outputsOf(id: string): { sc: Decoded; gsps: Decoded; sr: Decoded; seg: Decoded } {
  const of = (kind: (path: string) => boolean): Decoded => {
    const found = Object.entries(decoded).find(([path, d]) => kind(path) && d.values.StudyID === id);
    if (!found) throw new Error(`no output for ${id}`);
    return found[1];
  };
  return {
    sc: of((p) => !TWIN_PREFIXES.some((prefix) => base(p).startsWith(prefix))),
    gsps: of((p) => base(p).startsWith('presentation-state-')),
    sr: of((p) => base(p).startsWith('report-')),
    seg: of((p) => base(p).startsWith('segmentation-')),
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'charset-twins-'));
  const input = join(dir, 'in');
  mkdirSync(input);
  // C03's window has an explanation in its set: `info` must show it as characters.
  const cases = CASES.map((c) => ({
    name: `${c.id}.dcm`,
    ...c,
    ...(c.id === 'C03' ? { explanation: 'Живот' } : {}),
  }));
  writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases));
  python(['make', TEMPLATE, input, join(dir, 'cases.json')]);
  const rows = CASES.map((c) => `${c.id}.dcm,1,100,100,140,140,${c.label},`);
  writeFileSync(join(dir, 'boxes.csv'), ['file,frame,x1,y1,x2,y2,label,score', ...rows].join('\n'));
  const out = join(dir, 'out');
  // --labels: the presentation state holds a label's text only where the burned-in copy shows it.
  const run = runCli([
    'convert',
    input,
    '--out',
    out,
    '--boxes',
    join(dir, 'boxes.csv'),
    '--twin',
    'gsps,sr,seg',
    '--seg-boxes',
    '--labels',
  ]);
  if (run.code !== 0) throw new Error(`convert failed: ${run.stderr}`);
  files = readdirSync(out, { recursive: true, withFileTypes: true })
    // not the run's report, nor the folder's version registry (.dicom-ink-versions.json)
    .filter((e) => e.isFile() && e.name !== 'dicom-ink-report.json' && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name));
  decoded = JSON.parse(python(['read', ...files])) as Record<string, Decoded>;
  sources = JSON.parse(python(['read', ...CASES.map((c) => join(input, `${c.id}.dcm`))])) as Record<
    string,
    Decoded
  >;
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('text values in every character set (pydicom decodes what went in)', () => {
  it.each(CASES)('$id: $charset source, label "$label" -> twins in "$twins"', (c) => {
    const { sc, gsps, sr, seg } = outputsOf(c.id);
    expect(sc.charset).toBe(c.sc);
    expect(gsps.charset).toBe(c.twins);
    expect(sr.charset).toBe(c.twins);
    expect(seg.charset).toBe(c.twins);
    expect(seg.values['SegmentSequence[0].SegmentLabel']).toBe(c.label);
    for (const output of [sc, gsps, sr, seg]) {
      expect(output.values.PatientName).toBe(c.patient);
      expect(output.values.StudyDescription).toBe(c.study);
    }
    const source = Object.entries(sources).find(([path]) => path.endsWith(`${c.id}.dcm`))?.[1];
    for (const output of [sc, gsps, sr]) {
      for (const keyword of COPIED) {
        expect(output.values[keyword], keyword).toBe(source?.values[keyword]);
      }
    }
    expect(gsps.values['GraphicAnnotationSequence[0].TextObjectSequence[0].UnformattedTextValue']).toBe(
      c.label,
    );
    expect(gsps.values['GraphicLayerSequence[0].GraphicLayerDescription']).toBe(c.label);
    const srValues = Object.values(sr.values);
    expect(srValues).toContain(`${c.label} 1`);
    expect(srValues).toContain(c.label);
  });
});

describe('each twin read back as findings keeps its label in every character set', () => {
  it.each(TWIN_PREFIXES)('%s*.dcm given back: the new report names each label as it went in', (prefix) => {
    const twins = files.filter((f) => base(f).startsWith(prefix));
    expect(twins).toHaveLength(CASES.length);
    const flag = prefix === 'segmentation-' ? '--masks' : '--boxes';
    const out = join(dir, `again-${prefix}`);
    const run = runCli([
      'convert',
      join(dir, 'in'),
      '--out',
      out,
      ...twins.flatMap((twin) => [flag, twin]),
      '--twin',
      'sr',
      '--quiet',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const reports = readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.startsWith('report-'))
      .map((e) => join(e.parentPath, e.name));
    const again = Object.values(JSON.parse(python(['read', ...reports])) as Record<string, Decoded>);
    for (const c of CASES) {
      const report = again.find((d) => d.values.StudyID === c.id);
      expect(Object.values(report?.values ?? {}), `${c.id} (${c.charset || 'default'})`).toContain(c.label);
    }
  });
});

describe('values read from a source in its character set', () => {
  it('`info` shows an ISO_IR 144 window explanation as characters', () => {
    const run = runCli(['info', join(dir, 'in', 'C03.dcm')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('"Живот"');
  });
});

/**
 * What each other toolkit does not read (checked where it does): DCMTK 3.6.7 has no ISO 2022 IR 149 or 58
 * ("The VR checker does not support this Specific Character Set"); odil decodes code extensions in
 * PN values only and has no GB 2312.
 */
const DSR2XML_LACKS = new Set(['\\ISO 2022 IR 149', '\\ISO 2022 IR 58']);
const ODIL_LACKS = new Set(['\\ISO 2022 IR 58']);

describe('other toolkits read the same text', () => {
  it('DCMTK dsr2xml accepts every report (but those in a set it lacks)', () => {
    const reports = files.filter((f) => f.includes('report-'));
    expect(reports).toHaveLength(CASES.length);
    const checked = reports.filter((r) => !DSR2XML_LACKS.has(decoded[r]?.charset ?? ''));
    expect(checked).toHaveLength(CASES.length - 2);
    for (const report of checked) {
      const run = runTool('dsr2xml', [report]);
      expect(run.status, `${report}: ${run.stderr}`).toBe(0);
    }
  });

  it('odil decodes every Patient Name as pydicom does (but in a set it lacks)', () => {
    const checked = files.filter((f) => !ODIL_LACKS.has(decoded[f]?.charset ?? ''));
    expect(checked.length).toBeGreaterThanOrEqual(CASES.length * 3 - 3);
    const names = JSON.parse(python(['odil', ...checked])) as Record<string, string>;
    for (const [path, name] of Object.entries(names))
      expect(name, path).toBe(decoded[path]?.values.PatientName);
  });
});
