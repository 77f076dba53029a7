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
import { printErr } from './print';

/** The delivery log and its temporaries are never sent. */
function isLogFile(path: string): boolean {
  return basename(path).startsWith(DELIVERY_LOG_NAME);
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
  const { delivery: run, endDisplay } = startCliDelivery(
    pacsTarget(delivery.value.destination, delivery.value.connections),
    {
      retry: delivery.value.retry,
      resend: delivery.value.resend,
      timeoutMs: delivery.value.timeoutMs,
      signal: controller.signal,
      quiet,
    },
  );
  for (const root of roots) {
    for await (const file of scanFolder(root.path, { signal: controller.signal })) {
      if (!isLogFile(file)) run.add(file, root.logRoot);
    }
  }
  const report = await run.end();
  process.removeListener('SIGINT', onSignal);
  endDisplay();
  const written = await finishCliDelivery(report, {
    quiet,
    reportPath: values.report,
    extra: { command: 'send', inputs: positionals },
  });
  if (interrupted) return EXIT.interrupted;
  return deliveryComplete(report) && written ? EXIT.ok : EXIT.someFailed;
}
