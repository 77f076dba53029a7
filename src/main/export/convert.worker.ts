/**
 * Worker thread entry (bundled to dist/convert.worker.cjs): opens the job's shared box rows, then converts the files the pool sends strictly in order, answering each with its outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readPackedBoxes } from '../../shared/boxes/packed-boxes';
import { convertFile } from '../convert/convert-file';
import type { ConvertContext } from '../convert/convert-file';
import { messageOf } from '../convert/outcome';
import type { FileOutcome } from '../convert/outcome';
import type { FromWorker, ToWorker, WorkerInit } from './messages';
import { channelWriter } from './outcome-channel';

/**
 * At least this often a busy worker tells the pool what it finished (progress display, pace). The app's
 * export progress is to move at least every 250 ms: this, plus the export service's 100 ms throttle,
 * stays within it; ten posts a second cost a worker well under 1% of its time.
 */
const POST_EVERY_MS = 100;

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
      boxes: init.boxes && init.boxes.count > 0 ? readPackedBoxes(init.boxes) : undefined,
    };
  } catch (error) {
    post({ type: 'init-failed', reason: `the converter could not start: ${messageOf(error)}` });
    return;
  }
  // Each frame made says the file is alive, at most once a second: the pool's per-file timeout then
  // measures a stall, not the length of a 2,000-frame file. (postMessage is sent while the frame loop runs.)
  let current = 0;
  let lastBeat = 0;
  context.onFrame = () => {
    const now = Date.now();
    if (now - lastBeat < 1000) return;
    lastBeat = now;
    post({ type: 'progress', id: current });
  };
  // Outcomes go into shared memory; a message wakes the pool only when it asked to hear (its queue for
  // this worker is half done), when the ring fills, or after POST_EVERY_MS.
  const channel = init.channel ? channelWriter(init.channel) : undefined;
  let lastPost = Date.now();
  const report = (id: number, outcome: FileOutcome): void => {
    if (!channel?.write({ id, outcome })) {
      post({ type: 'outcome', id, outcome });
      channel?.finished();
      lastPost = Date.now();
      return;
    }
    const due = channel.finished();
    const now = Date.now();
    if (due || channel.filling() || now - lastPost >= POST_EVERY_MS) {
      post({ type: 'outcomes' });
      lastPost = now;
    }
  };
  // One file at a time, in arrival order: the pool blames the oldest unanswered file when a worker dies.
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    previous = previous.then(async () => {
      current = message.id;
      lastBeat = Date.now();
      report(message.id, await convertFile(message.input, context));
    });
  });
  post({ type: 'ready' });
}

if (parentPort) void start(parentPort);
