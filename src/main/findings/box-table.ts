import { parseBoxFile } from '../../shared/boxes/parse';
import type { FindingImporter } from './importer';
import { readFindingText } from './finding-file';

/**
 * The pixel box files of the README ("Box files"): CSV or JSON rows naming an image and a rectangle. The
 * fallback for any text that no more specific format claims.
 */
export const boxTableImporter: FindingImporter = {
  format: 'box-table',
  recognises: (source) => !source.isDirectory,
  async read(source, context) {
    const parsed = parseBoxFile(
      await readFindingText(source.path, 'box-table'),
      source.name,
      context.onFinding,
    );
    return { format: 'box-table', findings: parsed.boxes, problems: parsed.errors, notes: [] };
  },
};
