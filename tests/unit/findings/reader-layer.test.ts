import { describe, expect, it } from 'vitest';
import {
  READER_LAYER_PREFIX,
  readerLayerDescription,
  readerLayerLabel,
} from '../../../src/shared/findings/reader-layer';

describe("a presentation state's reader layer", () => {
  it('reads back the label it was written with', () => {
    const description = readerLayerDescription('kidney lesion');
    expect(description).toBe('kidney lesion (drawn by the reader)');
    expect(readerLayerLabel(`${READER_LAYER_PREFIX}KIDNEY LE`, description)).toBe('kidney lesion');
  });

  it('keeps the words that say who drew it when a long label is shortened to 64 characters', () => {
    const long = 'x'.repeat(80);
    const description = readerLayerDescription(long);
    expect(description).toHaveLength(64);
    expect(readerLayerLabel('READER XXXX', description)).toBe('x'.repeat(42));
  });

  it('needs both the layer name and the description: either alone is not the reader', () => {
    expect(readerLayerLabel('KIDNEY LESION', 'kidney lesion (drawn by the reader)')).toBeUndefined();
    expect(readerLayerLabel('READER NOTES', 'notes')).toBeUndefined();
    expect(readerLayerLabel('READER NOTES', undefined)).toBeUndefined();
  });
});
