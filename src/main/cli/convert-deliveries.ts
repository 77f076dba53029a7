import { dirname, parse, resolve } from 'node:path';
import type { FileOutcome } from '../convert/outcome';
import type { TwinOutcome } from '../twin/write-twins';
import type { Delivery, DeliveryReport } from '../delivery/deliver';
import { isInside } from '../dicom/scan-folder';
import type { Parsed } from '../delivery/destination';
import { originalsTracker } from '../delivery/media-originals';
import type { ConvertCommand } from './parse-convert-args';
import type { DeliveryTarget } from '../delivery/target';
import { configDir } from '../delivery/config-dir';
import type { SupersedeOutcome, SupersedeRequest } from '../versions/supersede';
import { printErr, printOut } from './print';

type SupersedeOptions = NonNullable<SupersedeRequest['delivery']>;

/** Where `convert` hands each verified output: a PACS (`--send`), a ZIP (`--zip`), a DICOMDIR folder (`--dicomdir`). */
export interface ConvertDeliveries {
  /** called with every conversion outcome; passes on outputs (new, or kept from an earlier run) */
  onOutcome(outcome: FileOutcome): void;
  /** called with every presentation state or report (--twin): written or kept ones go where the images go */
  onTwin(outcome: TwinOutcome): void;
  /**
   * waits for every delivery, prints its summary; true when all were complete. With --supersede, the
   * earlier version is withdrawn only when `incomplete` is undefined (every file of the new version made).
   */
  finish(options: {
    quiet: boolean;
    print: boolean;
    incomplete?: string;
  }): Promise<{ complete: boolean; reports: DeliveryReport[]; supersede?: SupersedeOutcome }>;
}

/** No --send, --zip or --dicomdir. */
const NO_DELIVERIES: ConvertDeliveries = {
  onOutcome: () => undefined,
  onTwin: () => undefined,
  finish: () => Promise.resolve({ complete: true, reports: [] }),
};

export async function startConvertDeliveries(
  command: ConvertCommand,
  signal: AbortSignal,
): Promise<Parsed<ConvertDeliveries>> {
  if (!command.send && command.zipPath === undefined && command.dicomdirPath === undefined) {
    return { ok: true, value: NO_DELIVERIES };
  }
  // The delivery code (DICOM network stack, delivery log schemas) is loaded only when a delivery is
  // asked for: it took 0.2-0.4 s to load on every convert.
  const [{ parseDeliveryArgs }, { deliveryComplete }, { finishCliDelivery, startCliDelivery }] =
    await Promise.all([import('./delivery-args'), import('./delivery-text'), import('./run-delivery')]);
  const outDir = resolve(command.job.outDir);
  const deliveries: Delivery[] = [];
  /** ZIP and DICOMDIR: they also take the originals the twins refer to */
  const media: Delivery[] = [];
  const originals = originalsTracker(command.noOriginals !== true);
  let pacs:
    { target: DeliveryTarget; delivery: Delivery; supersede: boolean; options: SupersedeOptions } | undefined;
  const overwrite = command.job.settings.overwrite;
  const mediaFolder = command.dicomdirPath === undefined ? undefined : resolve(command.dicomdirPath);
  if (mediaFolder !== undefined) {
    if (isInside(outDir, mediaFolder) || isInside(mediaFolder, outDir))
      return {
        ok: false,
        reason: `the DICOMDIR folder ${mediaFolder} must lie outside --out ${outDir} (and not contain it)`,
      };
    const { checkMediaFolder } = await import('../delivery/dicomdir/place-folder');
    const check = await checkMediaFolder(mediaFolder, overwrite);
    if (!check.ok) return check;
  }
  if (command.send) {
    const args = await parseDeliveryArgs(command.send.to, command.send);
    if (!args.ok) return args;
    const { pacsTarget } = await import('../delivery/target');
    // The conversion's bar has the terminal; the delivery prints its summary at the end.
    const target = pacsTarget(args.value.destination, args.value.connections);
    const options = { retry: args.value.retry, timeoutMs: args.value.timeoutMs, signal };
    const started = startCliDelivery(target, { ...options, resend: args.value.resend, quiet: true });
    deliveries.push(started.delivery);
    pacs = { target, delivery: started.delivery, supersede: command.send.supersede ?? false, options };
  }
  const { removeStalePartials } = await import('../delivery/stale-partials');
  if (command.zipPath !== undefined) {
    const { zipTarget } = await import('../delivery/zip-target');
    await removeStalePartials(resolve(command.zipPath));
    // An original goes under originals/ with its path from the folder holding the input it came from;
    // one listed by --inputs-from, with its whole path (never by its name alone, which two may share).
    const extra = [...command.job.inputs.map((input) => dirname(resolve(input))), parse(outDir).root].map(
      (folder) => ({ folder, prefix: 'originals/' }),
    );
    const zip = zipTarget(resolve(command.zipPath), outDir, extra);
    media.push(startCliDelivery(zip, { signal, quiet: true }).delivery);
  }
  if (mediaFolder !== undefined) {
    await removeStalePartials(mediaFolder);
    const { dicomdirTarget } = await import('../delivery/dicomdir/dicomdir-target');
    const target = dicomdirTarget(mediaFolder, { overwrite });
    media.push(startCliDelivery(target, { signal, quiet: true }).delivery);
  }
  deliveries.push(...media);
  return {
    ok: true,
    value: {
      onOutcome(outcome) {
        const output =
          outcome.status === 'converted'
            ? outcome.output
            : outcome.status === 'skipped'
              ? outcome.existingOutput
              : undefined;
        if (output !== undefined) for (const delivery of deliveries) delivery.add(output, outDir);
      },
      onTwin(outcome) {
        if (outcome.status === 'failed') return;
        for (const delivery of deliveries) delivery.add(outcome.output, outDir);
        const fresh = originals.add(outcome);
        for (const delivery of media) for (const original of fresh) delivery.add(original, outDir);
      },
      async finish({ quiet, print, incomplete }) {
        if (print) for (const line of originals.warnings(outDir)) printErr(`warning: ${line}\n`);
        const reports = [];
        let supersede: SupersedeOutcome | undefined;
        for (const delivery of deliveries) {
          const report = await delivery.end();
          if (print) await finishCliDelivery(report, { quiet });
          reports.push(report);
          if (pacs?.delivery !== delivery) continue;
          const { recordAndSupersede, supersedeLine } = await import('../versions/supersede');
          supersede = await recordAndSupersede({
            target: pacs.target,
            report,
            supersede: pacs.supersede,
            configFolder: configDir(),
            delivery: pacs.options,
            ...(incomplete === undefined ? {} : { incomplete }),
          });
          if (supersede && print) printOut(`${supersedeLine(supersede, pacs.target.label)}\n`);
        }
        const withdrawn = supersede === undefined || supersede.status !== 'failed';
        return {
          complete: reports.every(deliveryComplete) && withdrawn,
          reports,
          ...(supersede ? { supersede } : {}),
        };
      },
    },
  };
}
