import { describe, expect, it } from 'vitest';
import { textElement } from '../../../src/main/dicom/write/element';
import { buildPresentationState } from '../../../src/main/twin/presentation-state';
import { measurementReportContent } from '../../../src/main/twin/measurement-report';
import { buildStructuredReport } from '../../../src/main/twin/structured-report';
import { findingTypeCode } from '../../../src/main/twin/finding-codes';
import type { TwinImage } from '../../../src/main/twin/types';
import { find, items, text, numbers } from '../../helpers/data-elements';

function image(overrides: Partial<TwinImage> = {}): TwinImage {
  return {
    sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
    sopInstanceUid: '1.2.3.4.1',
    seriesInstanceUid: '1.2.3.4',
    studyInstanceUid: '1.2.3',
    outputFolder: '/out/series',
    rows: 256,
    columns: 256,
    frames: 1,
    photometric: 'MONOCHROME2',
    modality: 'CT',
    rescale: { slope: 1, intercept: -1024 },
    window: { center: 50, width: 400, fn: 'LINEAR', explanation: 'abdomen preset (center 50 width 400)' },
    patientStudy: [textElement(0x00100010, 'PN', 'PHANTOM'), textElement(0x00100020, 'LO', 'P1')],
    generalSeries: [],
    findings: [
      {
        frame: 1,
        x1: 140,
        y1: 120,
        x2: 171,
        y2: 150,
        label: 'kidney lesion',
        score: 0.93,
        color: [255, 204, 0],
        shownLabel: { text: 'kidney lesion 0.93', x: 140, y: 106, width: 109, height: 14 },
      },
    ],
    settingsKey: 'k',
    seriesKey: 's',
    ...overrides,
  };
}

const identity = {
  sopClassUid: '1.2.840.10008.5.1.4.1.1.11.1',
  sopInstanceUid: '2.25.1',
  seriesInstanceUid: '2.25.2',
  seriesNumber: 2001,
  seriesDescription: 'x',
  created: new Date(2026, 11, 1, 12, 0, 0),
};

describe('buildPresentationState', () => {
  const plain = image({ sopInstanceUid: '1.2.3.4.2', findings: [] });
  const ps = buildPresentationState([image(), plain], identity);

  it('references every image of the series and carries the export window and rescale', () => {
    const series = items(find(ps, 0x00081115));
    expect(items(find(series[0] ?? [], 0x00081140))).toHaveLength(2);
    const voi = items(find(ps, 0x00283110));
    expect(voi).toHaveLength(1);
    expect(text(voi[0] ?? [], 0x00281050)).toBe('50');
    expect(text(voi[0] ?? [], 0x00281051)).toBe('400');
    expect(text(ps, 0x00281052)).toBe('-1024');
    expect(text(ps, 0x00281054)).toBe('HU');
    expect(text(ps, 0x20500020)).toBe('IDENTITY');
    expect(text(ps, 0x00080060)).toBe('PR');
  });

  it('draws the box as a closed PIXEL polyline on its outer pixel edges, with its label and score', () => {
    const annotations = items(find(ps, 0x00700001));
    expect(annotations).toHaveLength(1);
    const annotation = annotations[0] ?? [];
    expect(text(annotation, 0x00700002)).toBe('KIDNEY LESION');
    const graphic = items(find(annotation, 0x00700009))[0] ?? [];
    expect(text(graphic, 0x00700005)).toBe('PIXEL');
    expect(text(graphic, 0x00700023)).toBe('POLYLINE');
    expect(numbers(graphic, 0x00700022)).toEqual([140, 120, 172, 120, 172, 151, 140, 151, 140, 120]);
    const label = items(find(annotation, 0x00700008))[0] ?? [];
    expect(text(label, 0x00700006)).toBe('kidney lesion 0.93');
  });

  it("places the label where the burned-in copy's strip is, and writes none the copy left out", () => {
    const annotation = items(find(ps, 0x00700001))[0] ?? [];
    const label = items(find(annotation, 0x00700008))[0] ?? [];
    expect(numbers(label, 0x00700010)).toEqual([140, 106]);
    expect(numbers(label, 0x00700011)).toEqual([249, 120]);
    const unshown = image({
      findings: [{ frame: 1, x1: 1, y1: 1, x2: 9, y2: 9, label: 'kidney lesion', color: [255, 0, 0] }],
    });
    const [only] = items(find(buildPresentationState([unshown], identity), 0x00700001));
    expect(find(only ?? [], 0x00700008)).toBeUndefined();
  });

  it('ties each text to its own outlines by Graphic Group, one group per finding', () => {
    const pair = image({
      findings: [
        { frame: 1, x1: 1, y1: 1, x2: 9, y2: 9, label: 'cyst', color: [255, 0, 0] },
        {
          frame: 1,
          x1: 20,
          y1: 20,
          x2: 29,
          y2: 29,
          label: 'cyst',
          color: [255, 0, 0],
          shownLabel: { text: 'cyst', x: 20, y: 6, width: 25, height: 14 },
        },
      ],
    });
    const built = buildPresentationState([pair], identity);
    const [annotation] = items(find(built, 0x00700001));
    const graphicGroups = items(find(annotation ?? [], 0x00700009)).map((g) => numbers(g, 0x00700295));
    const textGroups = items(find(annotation ?? [], 0x00700008)).map((t) => numbers(t, 0x00700295));
    expect(graphicGroups).toEqual([[1], [2]]);
    expect(textGroups).toEqual([[2]]);
    expect(items(find(built, 0x00700234)).map((g) => numbers(g, 0x00700295))).toEqual([[1], [2]]);
  });

  it('gives findings of one label in two colours a layer each, in its own colour', () => {
    const two = image({
      findings: [
        { frame: 1, x1: 1, y1: 1, x2: 9, y2: 9, label: 'kidney lesion', color: [255, 140, 0] },
        { frame: 1, x1: 20, y1: 20, x2: 29, y2: 29, label: 'kidney lesion', color: [255, 0, 0] },
      ],
    });
    const built = buildPresentationState([two], identity);
    const layers = items(find(built, 0x00700060));
    expect(layers.map((l) => numbers(l, 0x00700067))).toEqual([
      [255, 140, 0],
      [255, 0, 0],
    ]);
    const annotations = items(find(built, 0x00700001));
    expect(annotations.map((a) => text(a, 0x00700002))).toEqual(layers.map((l) => text(l, 0x00700002)));
  });

  it('gives each label a layer with its colour in RGB and CIELab', () => {
    const layer = items(find(ps, 0x00700060))[0] ?? [];
    expect(text(layer, 0x00700002)).toBe('KIDNEY LESION');
    expect(text(layer, 0x00700068)).toBe('kidney lesion');
    expect(numbers(layer, 0x00700067)).toEqual([255, 204, 0]);
    expect(numbers(layer, 0x00700401)).toHaveLength(3);
  });

  it('shows MONOCHROME1 inverted, as the burned-in copy is', () => {
    const inverted = buildPresentationState([image({ photometric: 'MONOCHROME1' })], identity);
    expect(text(inverted, 0x20500020)).toBe('INVERSE');
  });
});

describe('TID 1500 report', () => {
  it('has one Planar ROI group per finding with tracking ids, finding type, score and a closed polyline', () => {
    const two = image({
      findings: [
        { frame: 1, x1: 10, y1: 20, x2: 29, y2: 39, label: 'lesion', color: [255, 0, 0] },
        { frame: 1, x1: 50, y1: 60, x2: 59, y2: 69, label: 'kidney lesion', score: 0.5, color: [255, 0, 0] },
      ],
    });
    const root = measurementReportContent([two]) as { ContentSequence: Record<string, unknown>[] };
    const measurements = root.ContentSequence.find(
      (i) => (i.ConceptNameCodeSequence as { CodeValue: string }[])[0]?.CodeValue === '126010',
    ) as { ContentSequence: { ContentSequence: Record<string, unknown>[] }[] };
    expect(measurements.ContentSequence).toHaveLength(2);
    const [first, second] = measurements.ContentSequence.map((g) => g.ContentSequence);
    const byName = (
      group: Record<string, unknown>[] | undefined,
      code: string,
    ): Record<string, unknown> | undefined =>
      group?.find((i) => (i.ConceptNameCodeSequence as { CodeValue: string }[])[0]?.CodeValue === code);
    expect(byName(first, '112039')?.TextValue).toBe('lesion 1');
    expect(byName(first, '112040')?.UID).toMatch(/^2\.25\./);
    expect((byName(first, '121071')?.ConceptCodeSequence as { CodeValue: string }[])[0]?.CodeValue).toBe(
      '52988006',
    );
    expect(byName(first, '111030')?.GraphicData).toEqual([10, 20, 30, 20, 30, 40, 10, 40, 10, 20]);
    expect(byName(first, '246262008')).toBeUndefined();
    expect(
      (byName(second, '246262008')?.MeasuredValueSequence as { NumericValue: number }[])[0]?.NumericValue,
    ).toBe(0.5);
  });

  it('says in each group who found the finding: the reader for a box the reader drew, else the algorithm', () => {
    const mixed = image({
      findings: [
        { frame: 1, x1: 10, y1: 20, x2: 29, y2: 39, label: 'lesion', color: [255, 0, 0], finder: 'reader' },
        { frame: 1, x1: 50, y1: 60, x2: 59, y2: 69, label: 'lesion', score: 0.5, color: [255, 0, 0] },
      ],
    });
    const root = measurementReportContent([mixed], undefined, { name: 'KidneyNet' }) as {
      ContentSequence: Record<string, unknown>[];
    };
    const measurements = root.ContentSequence.find(
      (i) => (i.ConceptNameCodeSequence as { CodeValue: string }[])[0]?.CodeValue === '126010',
    ) as { ContentSequence: { ContentSequence: Record<string, unknown>[] }[] };
    const foundBy = measurements.ContentSequence.map((g) => {
      const item = g.ContentSequence.find((i) => {
        const name = (
          i.ConceptNameCodeSequence as { CodeValue: string; CodingSchemeDesignator: string }[]
        )[0];
        return name?.CodeValue === 'FINDER' && name.CodingSchemeDesignator === '99DICOMINK';
      });
      return item?.TextValue;
    });
    expect(foundBy).toEqual(['reader', 'algorithm']);
  });

  it('codes a label without a known code in the private scheme, the label as its meaning', () => {
    expect(findingTypeCode('kidney lesion')).toMatchObject({
      scheme: '99DICOMINK',
      meaning: 'kidney lesion',
    });
    expect(findingTypeCode('kidney lesion').value.length).toBeLessThanOrEqual(16);
    expect(findingTypeCode('Nodule')).toEqual({ value: '27925004', scheme: 'SCT', meaning: 'Nodule' });
  });

  it('is a Comprehensive SR whose evidence lists the images with findings', () => {
    const report = buildStructuredReport([image()], {
      ...identity,
      sopClassUid: '1.2.840.10008.5.1.4.1.1.88.33',
    });
    expect(text(report, 0x00080060)).toBe('SR');
    expect(text(report, 0x0040a040)).toBe('CONTAINER');
    const template = items(find(report, 0x0040a504))[0] ?? [];
    expect(text(template, 0x0040db00)).toBe('1500');
    const evidence = items(find(report, 0x0040a375))[0] ?? [];
    const series = items(find(evidence, 0x00081115))[0] ?? [];
    expect(items(find(series, 0x00081199))).toHaveLength(1);
    const tags = report.map((e) => e.tag >>> 0);
    expect(tags).toEqual([...tags].sort((a, b) => a - b));
  });
});
