/**
 * What a PACS's answer means for delivery (issue 10): the C-STORE status table and the STOW-RS Store
 * Instances response, per instance.
 */
import { describe, expect, it } from 'vitest';
import { classifyStoreStatus } from '../../../src/main/delivery/dimse-status';
import type { InstanceInfo } from '../../../src/main/delivery/instance-file';
import { answersFromResponse } from '../../../src/main/delivery/stow';

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

describe('answersFromResponse (PS3.18 10.5.3)', () => {
  const batch = [info('1.1'), info('1.2'), info('1.3'), info('1.4')];

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

  it('takes a 200 without a body as every instance stored', () => {
    const answers = answersFromResponse(batch, 200, undefined);
    expect([...answers.values()].every((a) => a.kind === 'stored')).toBe(true);
  });

  it('counts an instance the response does not mention as failed, unless the status is 200', () => {
    const response = { '00081199': { vr: 'SQ', Value: [referenced('1.1')] } };
    const answers = answersFromResponse(batch, 409, response);
    expect(answers.get(0)).toMatchObject({ kind: 'stored' });
    expect(answers.get(1)).toMatchObject({
      kind: 'failed',
      transient: false,
      code: 409,
      meaning: 'HTTP 409: the server did not list this instance as stored',
    });
  });
});
