import type { CommandSpec } from '../args/spec';

export const INFO_SPEC: CommandSpec = {
  name: 'info',
  synopsis: 'dicom-ink info <file>',
  summary: 'show what DICOM Ink reads from a file',
  description:
    'Prints what the reader takes from one DICOM file: transfer syntax, SOP class, photometric interpretation, bits, size, frames, rescale, windows and LUTs, study, series and instance.',
  options: {},
  notes: 'Exit codes: 0 the file was read, 1 it is not a readable DICOM image, 2 usage error.',
  examples: ['dicom-ink info study/IM0001'],
};
