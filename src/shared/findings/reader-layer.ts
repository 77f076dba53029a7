/**
 * How a presentation state DICOM Ink writes marks the findings the reader drew: their Graphic Layer
 * (0070,0002) is named 'READER ...' and its description (0070,0068) ends ' (drawn by the reader)'.
 * Reading one back, both together make its graphics the reader's; either alone (another tool's layer
 * that happens to be called READER, a description that merely says so) does not. Pure.
 */
import { LONG_STRING_CHARACTERS, toLongString } from '../dicom/long-string';

/** The start of the Graphic Layer name of a layer holding the reader's findings. */
export const READER_LAYER_PREFIX = 'READER ';

const READER_SUFFIX = ' (drawn by the reader)';

/**
 * Graphic Layer Description (LO, at most `max` characters) of a reader's layer: the label, shortened
 * when needed so the ending that says who drew it is always whole.
 */
export function readerLayerDescription(label: string, max = LONG_STRING_CHARACTERS): string {
  return `${toLongString(label, Math.max(0, max - READER_SUFFIX.length))}${READER_SUFFIX}`;
}

/** The label a reader's layer holds, or undefined when the layer is not marked as the reader's. */
export function readerLayerLabel(name: string, description: string | undefined): string | undefined {
  if (!name.startsWith(READER_LAYER_PREFIX) || description?.endsWith(READER_SUFFIX) !== true)
    return undefined;
  return description.slice(0, -READER_SUFFIX.length);
}
