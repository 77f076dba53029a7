/**
 * The window one file is rendered with: the one asked for, except that a CT preset falls back to the
 * file's own window where it does not fit the file (presetFit: not CT, or CT not in Hounsfield units) when
 * the conversion asks for that (an export of everything open, CT and MR together).
 */
import type { ImageHeader } from '../../shared/dicom/image-header';
import type { WindowSpec } from '../../shared/pipeline/types';
import { presetFit } from '../../shared/presets-fit';
import type { ConvertSettings } from './convert-settings';

export function effectiveWindow(
  settings: Pick<ConvertSettings, 'window' | 'ownWindowWherePresetMisfits'>,
  header: ImageHeader,
): WindowSpec {
  if (settings.window.kind !== 'preset' || settings.ownWindowWherePresetMisfits !== true)
    return settings.window;
  return presetFit(header).fits ? settings.window : { kind: 'auto' };
}
