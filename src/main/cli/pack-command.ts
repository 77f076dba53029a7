import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { DELIVERY_LOG_NAME } from '../delivery/delivery-log';
import { zipTarget } from '../delivery/zip-target';
import { scanFolder } from '../dicom/scan-folder';
import { parseCommandArgs } from './args/parse-args';
import { deliveryComplete } from './delivery-text';
import { EXIT } from './exit-codes';
import { finishCliDelivery, startCliDelivery } from './run-delivery';
import { PACK_OPTIONS } from './specs/send';
import { usageError } from './usage-error';

/** `dicom-ink pack <folder> --zip <file.zip>`: the same delivery engine with a ZIP as its target. */
export async function packCommand(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs(args, PACK_OPTIONS);
  if (!parsed.ok) return usageError(parsed.reason, 'pack');
  const [folder, ...extra] = parsed.positionals;
  if (folder === undefined || extra.length > 0) return usageError('pack takes exactly one folder', 'pack');
  if (parsed.values.zip === undefined) return usageError('--zip <file.zip> is required', 'pack');
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) return usageError(`${folder} is not a folder`, 'pack');
  const root = resolve(folder);
  const zip = resolve(parsed.values.zip);
  const quiet = parsed.values.quiet ?? false;
  const { delivery, endDisplay } = startCliDelivery(zipTarget(zip, root), { quiet: true });
  for await (const file of scanFolder(root, { exclude: [zip] })) {
    if (
      !basename(file).startsWith(DELIVERY_LOG_NAME) &&
      !basename(file).startsWith(`.${basename(zip)}.partial-`)
    )
      delivery.add(file, root);
  }
  const report = await delivery.end();
  endDisplay();
  await finishCliDelivery(report, { quiet });
  return deliveryComplete(report) ? EXIT.ok : EXIT.someFailed;
}
