import { describe, expect, it } from 'vitest';
import { exportRequestSchema } from '../../../src/shared/ipc/app-schemas';

const request = {
  inputs: ['/study'],
  outDir: '/out',
  window: { kind: 'auto' },
  thickness: 4,
  labels: false,
  overwrite: false,
  boxes: [],
};

describe('the Export dialog\'s "Also write"', () => {
  it('may ask for a segmentation, key images or every twin, as --twin seg, kos and all', () => {
    for (const twin of ['none', 'gsps', 'sr', 'both', 'seg', 'kos', 'all'])
      expect(exportRequestSchema.safeParse({ ...request, twin }).success, twin).toBe(true);
  });

  it('refuses a twin the engine does not write', () => {
    expect(exportRequestSchema.safeParse({ ...request, twin: 'pdf' }).success).toBe(false);
  });
});
