import type { CommandSpec } from '../args/spec';

export const PRESETS_SPEC: CommandSpec = {
  name: 'presets',
  synopsis: 'dicom-ink presets',
  summary: 'list the window presets and their sources',
  description:
    'Lists the window presets (name, width, center) with the reference each value comes from. Use a name with `dicom-ink convert --window <preset>`.',
  options: {},
};
