/**
 * A pydicom script run on a twin (presentation state, segmentation, report) and its source images, for
 * tests that ask which slices an object refers to: the script sees `ds` (the object) and `by_uid` (each
 * source's SOP Instance UID to its Instance Number) and prints JSON, returned parsed.
 */
import { expect } from 'vitest';
import { runTool } from './dicom-tools';

const OBJECT_AND_SOURCES = `
import json, sys, pydicom
ds = pydicom.dcmread(sys.argv[1])
by_uid = {}
for f in sys.argv[2:]:
    s = pydicom.dcmread(f, stop_before_pixels=True)
    by_uid[s.SOPInstanceUID] = int(s.InstanceNumber)
`;

export function pydicomOnSources(script: string, object: string, sources: readonly string[]): unknown {
  const run = runTool('/usr/bin/python3', ['-c', OBJECT_AND_SOURCES + script, object, ...sources]);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}
