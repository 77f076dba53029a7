/**
 * Worker thread entry (bundled to dist/convert.worker.cjs): indexes the boxes once, then converts the files the pool sends strictly in order, answering each with its outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createBoxIndex } from '../../shared/boxes/match';
import { convertFile } from '../convert/convert-file';
import type { ConvertContext } from '../convert/convert-file';
import { messageOf } from '../convert/outcome';
import type { FromWorker, ToWorker, WorkerInit } from './messages';

function post(message: FromWorker): void {
  parentPort?.postMessage(message);
}

async function start(port: NonNullable<typeof parentPort>): Promise<void> {
  const init = workerData as WorkerInit;
  let context: ConvertContext;
  try {
    // No initCodecs here: convertFile starts the codecs on the first compressed file, so uncompressed
    // folders skip their start-up.
    context = {
      settings: init.settings,
      outputRoot: init.outputRoot,
      boxIndex: init.boxes.length > 0 ? createBoxIndex(init.boxes) : undefined,
    };
  } catch (error) {
    post({ type: 'init-failed', reason: `the converter could not start: ${messageOf(error)}` });
    return;
  }
  // One file at a time, in arrival order: the pool blames the oldest unanswered file when a worker dies.
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    previous = previous.then(async () => {
      const outcome = await convertFile(message.input, context);
      post({ type: 'outcome', id: message.id, outcome });
    });
  });
  post({ type: 'ready' });
}

if (parentPort) void start(parentPort);
