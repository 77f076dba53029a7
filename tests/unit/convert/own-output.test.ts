import { describe, expect, it } from 'vitest';
import { isOwnOutput } from '../../../src/main/convert/own-output';
import { IMPLEMENTATION_CLASS_UID } from '../../../src/main/dicom/write/implementation';
import { DERIVATION_PREFIX } from '../../../src/main/convert/settings-key';
import { SEGMENTATION_CONTENT_DESCRIPTION, SEGMENTATION_STORAGE } from '../../../src/main/twin/segmentation';

function image(values: Record<string, string>): { getString(tag: string): string | undefined } {
  return { getString: (tag) => values[tag] };
}

describe('isOwnOutput', () => {
  it('knows a burned-in copy by its File Meta and Derivation Description', () => {
    const copy = { '00020012': IMPLEMENTATION_CLASS_UID, '00082111': `${DERIVATION_PREFIX} with W400/L40` };
    expect(isOwnOutput(image(copy))).toBe(true);
    expect(isOwnOutput(image({ ...copy, '00020012': '1.2.3' }))).toBe(false);
  });

  it('knows a segmentation twin by its File Meta, SOP class and Content Description, so a rerun skips it', () => {
    const seg = {
      '00020012': IMPLEMENTATION_CLASS_UID,
      '00080016': SEGMENTATION_STORAGE,
      '00700081': SEGMENTATION_CONTENT_DESCRIPTION,
    };
    expect(isOwnOutput(image(seg))).toBe(true);
    // another tool's SEG that kept our File Meta, or says something else, is converted like any image
    expect(isOwnOutput(image({ ...seg, '00020012': '1.2.3' }))).toBe(false);
    expect(isOwnOutput(image({ ...seg, '00700081': 'kidney model output' }))).toBe(false);
  });
});
