import type { CommandSpec } from '../args/spec';

export const INFO_SPEC: CommandSpec = {
  name: 'info',
  synopsis: 'dicom-ink info <file|folder>',
  summary: 'show what DICOM Ink reads from a file, or what a folder holds',
  description:
    'For a file: what the reader takes from it (transfer syntax, SOP class, photometric interpretation, bits, size, frames, rescale, windows and LUTs, study, series and instance). For a folder (searched recursively): its studies and series with their image counts, the transfer syntaxes, and the files that are not images with the reason.',
  options: {},
  notes:
    'Exit codes: 0 an image was shown, 1 the file is not a readable DICOM image (or the folder holds none), 2 usage error.',
  examples: ['dicom-ink info study/IM0001', 'dicom-ink info study/'],
};
