import { describe, expect, it } from 'vitest';
import { parseSidecar, parseSidecarAlgorithm } from '../../../src/main/findings/mask-sidecar';

describe("a NIfTI mask's JSON sidecar", () => {
  it('names the algorithm under "algorithm": name, version (a number read as written) and manufacturer', () => {
    const text = JSON.stringify({
      labels: { 1: 'kidney' },
      algorithm: { name: ' KidneyNet ', version: 2.1, manufacturer: 'Acme AI' },
    });
    expect(parseSidecarAlgorithm(text)).toEqual({
      name: 'KidneyNet',
      version: '2.1',
      manufacturer: 'Acme AI',
    });
  });

  it('keeps only the fields it gives, so a flag can fill the others', () => {
    expect(parseSidecarAlgorithm('{"algorithm": {"version": "3", "name": ""}}')).toEqual({ version: '3' });
  });

  it('names no algorithm when the key is missing, empty or not an object', () => {
    expect(parseSidecarAlgorithm('{"1": "kidney"}')).toBeUndefined();
    expect(parseSidecarAlgorithm('{"algorithm": {}}')).toBeUndefined();
    expect(parseSidecarAlgorithm('{"algorithm": "KidneyNet"}')).toBeUndefined();
    expect(parseSidecarAlgorithm('[1, 2]')).toBeUndefined();
  });

  it('an "algorithm" key beside the labels takes no label value', () => {
    const labels = parseSidecar('{"1": "kidney", "algorithm": {"name": "KidneyNet"}}', true);
    expect([...labels.entries()]).toEqual([[1, { name: 'kidney' }]]);
  });
});
