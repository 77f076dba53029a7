/**
 * What a PACS's answer means for delivery (issue 10): the C-STORE status table and the STOW-RS Store
 * Instances response, per instance.
 */
import { describe, expect, it } from 'vitest';
import { classifyStoreStatus } from '../../../src/main/delivery/dimse-status';
import type { InstanceInfo } from '../../../src/main/delivery/instance-file';
import { answersFromResponse, parseStoreResponse } from '../../../src/main/delivery/store-response';

describe('classifyStoreStatus (PS3.4 B.2.3)', () => {
  it.each([
    [0x0000, { kind: 'stored', detail: 'success' }],
    [0x0111, { kind: 'stored', detail: 'already-stored' }],
    [0xb000, { kind: 'stored', detail: 'warning' }],
    [0xb007, { kind: 'stored', detail: 'warning' }],
    [0xb123, { kind: 'stored', detail: 'warning' }],
    [0xa700, { kind: 'failed', transient: true }],
    [0xa7ff, { kind: 'failed', transient: true }],
    [0xa900, { kind: 'failed', transient: false }],
    [0xc000, { kind: 'failed', transient: false }],
    [0x0122, { kind: 'failed', transient: false }],
    [0x0110, { kind: 'failed', transient: false }],
  ])('0x%s', (status, expected) => {
    expect(classifyStoreStatus(status)).toMatchObject({ ...expected, code: status });
  });

  it('words each answer, with the error comment when the PACS gave one', () => {
    expect(classifyStoreStatus(0xa700).meaning).toBe('refused: out of resources');
    expect(classifyStoreStatus(0xa900, 'Modality missing').meaning).toBe(
      'error: data set does not match SOP class (Modality missing)',
    );
    expect(classifyStoreStatus(0x0122).meaning).toBe('refused: SOP class not supported');
    expect(classifyStoreStatus(0xfe00).meaning).toBe('failure 0xFE00');
  });
});

function info(uid: string): InstanceInfo {
  return {
    path: `/x/${uid}`,
    size: 1,
    sopClassUid: '1.2.840.10008.5.1.4.1.1.7',
    sopInstanceUid: uid,
    transferSyntaxUid: '1.2.840.10008.1.2.1',
    studyInstanceUid: '1',
    seriesInstanceUid: '2',
    tags: {},
    sequences: {},
  };
}

const referenced = (uid: string, warning?: number): Record<string, unknown> => ({
  '00081155': { vr: 'UI', Value: [uid] },
  ...(warning !== undefined ? { '00081196': { vr: 'US', Value: [warning] } } : {}),
});
const failed = (uid: string, reason?: number): Record<string, unknown> => ({
  '00081155': { vr: 'UI', Value: [uid] },
  ...(reason !== undefined ? { '00081197': { vr: 'US', Value: [reason] } } : {}),
});

const batch = [info('1.1'), info('1.2'), info('1.3'), info('1.4')];

describe('answersFromResponse (PS3.18 10.5.3)', () => {
  it('reads stored, coerced and failed instances from the Referenced and Failed SOP Sequences', () => {
    const response = {
      '00081199': { vr: 'SQ', Value: [referenced('1.1'), referenced('1.2', 0xb000)] },
      '00081198': { vr: 'SQ', Value: [failed('1.3', 0xa700), failed('1.4')] },
    };
    const answers = answersFromResponse(batch, 202, response);
    expect(answers.get(0)).toMatchObject({ kind: 'stored', detail: 'success' });
    expect(answers.get(1)).toMatchObject({ kind: 'stored', detail: 'warning', code: 0xb000 });
    expect(answers.get(2)).toMatchObject({ kind: 'failed', transient: true, code: 0xa700 });
    // A failed item without a Failure Reason counts as a processing failure (0x0110).
    expect(answers.get(3)).toMatchObject({ kind: 'failed', transient: false, code: 0x0110 });
  });

  it('counts an instance the response does not mention as failed, whatever the HTTP status', () => {
    const response = { '00081199': { vr: 'SQ', Value: [referenced('1.1')] } };
    for (const status of [200, 202, 409]) {
      const answers = answersFromResponse(batch, status, response);
      expect(answers.get(0)).toMatchObject({ kind: 'stored', httpStatus: status });
      expect(answers.get(1)).toMatchObject({
        kind: 'failed',
        transient: false,
        httpStatus: status,
        meaning: `HTTP ${status}: the server's Store Instances response does not list this instance (1.2) as stored`,
      });
      expect(answers.get(1)).not.toHaveProperty('code');
    }
  });
});

describe('parseStoreResponse (PS3.18 10.5.3.2, F.2 JSON and F.3 XML)', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<NativeDicomModel xml:space="preserve">
  <DicomAttribute tag="00081190" vr="UR"><Value number="1">http://pacs/studies/1</Value></DicomAttribute>
  <DicomAttribute tag="00081199" vr="SQ">
    <Item number="1">
      <DicomAttribute tag="00081150" vr="UI"><Value number="1">1.2.840.10008.5.1.4.1.1.7</Value></DicomAttribute>
      <DicomAttribute tag="00081155" vr="UI"><Value number="1">1.1</Value></DicomAttribute>
    </Item>
  </DicomAttribute>
  <DicomAttribute tag="00081198" vr="SQ">
    <Item number="1">
      <DicomAttribute tag="00081155" vr="UI"><Value number="1">1.2</Value></DicomAttribute>
      <DicomAttribute tag="00081197" vr="US"><Value number="1">49152</Value></DicomAttribute>
    </Item>
  </DicomAttribute>
</NativeDicomModel>`;

  it('reads the Native DICOM Model: stored and failed instances with the Failure Reason', () => {
    const dataset = parseStoreResponse(xml, 'application/dicom+xml');
    if (!dataset) throw new Error('the XML response did not parse');
    const answers = answersFromResponse(batch.slice(0, 2), 202, dataset);
    expect(answers.get(0)).toMatchObject({ kind: 'stored', detail: 'success' });
    expect(answers.get(1)).toMatchObject({ kind: 'failed', transient: false, code: 0xc000 });
  });

  it('reads DICOM JSON as an object or as an array of one data set', () => {
    const json = { '00081199': { vr: 'SQ', Value: [referenced('1.1')] } };
    expect(parseStoreResponse(JSON.stringify(json), 'application/dicom+json')).toEqual(json);
    expect(parseStoreResponse(JSON.stringify([json]), 'application/json')).toEqual(json);
  });

  it.each([
    ['an empty body', ''],
    ['a welcome page', '<html><body><h1>Welcome to nginx!</h1></body></html>'],
    ['garbage', '{{{ not json'],
    ['JSON that is not a Store response', '{"status":"ok"}'],
    ['XML that is not the Native DICOM Model', '<?xml version="1.0"?><ok/>'],
    ['truncated XML', xml.slice(0, 400)],
  ])('finds no Store Instances response in %s', (_name, body) => {
    expect(parseStoreResponse(body, 'text/html')).toBeUndefined();
  });
});
