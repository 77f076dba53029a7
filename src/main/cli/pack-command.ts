import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { DELIVERY_LOG_NAME } from '../delivery/delivery-log';
import { checkMediaFolder } from '../delivery/dicomdir/place-folder';
import { dicomdirTarget } from '../delivery/dicomdir/dicomdir-target';
import type { DeliveryTarget } from '../delivery/target';
import { checkZipPath, zipTarget } from '../delivery/zip-target';
import { removeStalePartials } from '../delivery/stale-partials';
import { isInside, scanFolder } from '../dicom/scan-folder';
import { parseCommandArgs } from './args/parse-args';
import { deliveryComplete } from './delivery-text';
import { EXIT } from './exit-codes';
import { planOriginals } from './pack-originals';
import { printErr } from './print';
import { finishCliDelivery, startCliDelivery } from './run-delivery';
import { PACK_OPTIONS } from './specs/send';
import { usageError } from './usage-error';
import { VERSIONS_FILE_NAME } from '../versions/output-versions';

/** Files of the folder that are ours, not outputs: the delivery log, the version registry, an unfinished ZIP. */
function isOwnFile(file: string, zip: string | undefined): boolean {
  const name = basename(file);
  return (
    name.startsWith(DELIVERY_LOG_NAME) ||
    name.startsWith(VERSIONS_FILE_NAME) ||
    (zip !== undefined && name.startsWith(`.${basename(zip)}.partial-`))
  );
}

/**
 * `dicom-ink pack <folder> --zip <file.zip> | --dicomdir <folder>`: the delivery engine with a ZIP or a
 * DICOMDIR media folder as its target.
 */
export async function packCommand(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs(args, PACK_OPTIONS);
  if (!parsed.ok) return usageError(parsed.reason, 'pack');
  const [folder, ...extra] = parsed.positionals;
  if (folder === undefined || extra.length > 0) return usageError('pack takes exactly one folder', 'pack');
  const { zip: zipArg, dicomdir: dicomdirArg } = parsed.values;
  if ((zipArg === undefined) === (dicomdirArg === undefined))
    return usageError('give one of --zip <file.zip> or --dicomdir <folder>', 'pack');
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) return usageError(`${folder} is not a folder`, 'pack');
  const root = resolve(folder);
  const zip = zipArg === undefined ? undefined : resolve(zipArg);
  const originalsArg = parsed.values.originals === undefined ? undefined : resolve(parsed.values.originals);
  if (originalsArg !== undefined && parsed.values['no-originals'] === true)
    return usageError('give --originals <folder> or --no-originals, not both', 'pack');
  let target: DeliveryTarget;
  const exclude: string[] = [];
  if (dicomdirArg !== undefined) {
    const media = resolve(dicomdirArg);
    if (isInside(root, media) || isInside(media, root))
      return usageError(`the DICOMDIR folder ${media} must lie outside ${root} (and not contain it)`, 'pack');
    const check = await checkMediaFolder(media, parsed.values.overwrite ?? false);
    if (!check.ok) return usageError(check.reason, 'pack');
    target = dicomdirTarget(media, { overwrite: parsed.values.overwrite ?? false });
  } else {
    const check = await checkZipPath(zip as string, parsed.values.overwrite ?? false);
    if (!check.ok) return usageError(check.reason, 'pack');
    // Originals under originals/ with their path from the folder holding --originals, as convert --zip names them.
    const extra = originalsArg === undefined ? [] : [{ folder: dirname(originalsArg), prefix: 'originals/' }];
    target = zipTarget(zip as string, root, extra);
    exclude.push(zip as string);
  }
  const files: string[] = [];
  for await (const file of scanFolder(root, { exclude })) if (!isOwnFile(file, zip)) files.push(file);
  const originals = await planOriginals(files, {
    root,
    ...(originalsArg !== undefined ? { originals: originalsArg } : {}),
    noOriginals: parsed.values['no-originals'] ?? false,
  });
  if (!originals.ok) return usageError(originals.reason, 'pack');
  await removeStalePartials(zip ?? resolve(dicomdirArg ?? ''));
  const quiet = parsed.values.quiet ?? false;
  const { delivery, endDisplay } = startCliDelivery(target, { quiet: true });
  for (const file of [...files, ...originals.add]) delivery.add(file, root);
  const report = await delivery.end();
  endDisplay();
  for (const warning of originals.warnings) printErr(`warning: ${warning}\n`);
  await finishCliDelivery(report, { quiet });
  return deliveryComplete(report) && !originals.incomplete ? EXIT.ok : EXIT.someFailed;
}
