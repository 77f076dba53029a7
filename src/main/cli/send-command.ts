import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { DELIVERY_LOG_NAME } from '../delivery/delivery-log';
import { pacsTarget } from '../delivery/target';
import { scanFolder } from '../dicom/scan-folder';
import { parseCommandArgs } from './args/parse-args';
import { parseDeliveryArgs } from './delivery-args';
import { deliveryComplete } from './delivery-text';
import { EXIT } from './exit-codes';
import { finishCliDelivery, startCliDelivery } from './run-delivery';
import { SEND_OPTIONS } from './specs/send';
import { usageError } from './usage-error';
import { printErr, printOut } from './print';
import { configDir } from '../delivery/config-dir';
import { VERSIONS_FILE_NAME } from '../versions/output-versions';
import { recordAndSupersede, supersedeLine } from '../versions/supersede';

/** The delivery log, the output folder's version registry and their temporaries are never sent. */
function isLogFile(path: string): boolean {
  const name = basename(path);
  return name.startsWith(DELIVERY_LOG_NAME) || name.startsWith(VERSIONS_FILE_NAME);
}

/** `dicom-ink send <inputs> --to <destination>`: exit 0 only when every instance was delivered. */
export async function sendCommand(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs(args, SEND_OPTIONS);
  if (!parsed.ok) return usageError(parsed.reason, 'send');
  const { values, positionals } = parsed;
  if (positionals.length === 0)
    return usageError('no input given; name the DICOM files or folders to send', 'send');
  if (values.to === undefined) return usageError('--to <destination> is required', 'send');
  const delivery = await parseDeliveryArgs(values.to, values);
  if (!delivery.ok) return usageError(delivery.reason, 'send');
  const roots: { path: string; logRoot: string }[] = [];
  for (const input of positionals) {
    const info = await stat(input).catch(() => undefined);
    if (!info) return usageError(`${input} does not exist`, 'send');
    roots.push({
      path: resolve(input),
      logRoot: info.isDirectory() ? resolve(input) : dirname(resolve(input)),
    });
  }
  const quiet = values.quiet ?? false;
  const controller = new AbortController();
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
    printErr('\nStopping: no new instances are sent (Ctrl-C again to quit now)...\n');
    controller.abort();
    process.once('SIGINT', () => process.exit(EXIT.interrupted));
  };
  process.once('SIGINT', onSignal);
  const target = pacsTarget(delivery.value.destination, delivery.value.connections);
  const options = {
    retry: delivery.value.retry,
    timeoutMs: delivery.value.timeoutMs,
    signal: controller.signal,
  };
  const { delivery: run, endDisplay } = startCliDelivery(target, {
    ...options,
    resend: delivery.value.resend,
    quiet,
  });
  for (const root of roots) {
    for await (const file of scanFolder(root.path, { signal: controller.signal })) {
      if (!isLogFile(file)) run.add(file, root.logRoot);
    }
  }
  const report = await run.end();
  endDisplay();
  const superseded = await recordAndSupersede({
    target,
    report,
    supersede: values.supersede ?? false,
    configFolder: configDir(),
    delivery: options,
  });
  process.removeListener('SIGINT', onSignal);
  const written = await finishCliDelivery(report, {
    quiet,
    reportPath: values.report,
    extra: { command: 'send', inputs: positionals, ...(superseded ? { supersede: superseded } : {}) },
  });
  if (superseded) printOut(`${supersedeLine(superseded, target.label)}\n`);
  if (interrupted) return EXIT.interrupted;
  const withdrawn = superseded === undefined || superseded.status !== 'failed';
  return deliveryComplete(report) && written && withdrawn ? EXIT.ok : EXIT.someFailed;
}
