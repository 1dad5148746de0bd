import { parentPort, workerData } from "node:worker_threads";
import { tagWords } from "../../ingest/text/segment.ts";
import { extractFile, parseFile, readFileText, readFileTextSync, type ParsedFile } from "./process-file.ts";
import { noStageTimes, type ArticleStageTimes } from "./process-file-types.ts";
import { IDLE, type FromWorker, type ToWorker, type WorkerData } from "./worker-messages.ts";

// One article worker. Files arrive a few at a time and go through a pipeline, so that the thread never waits: the
// next file is read and parsed and its claim sent before this one is extracted, so the answer is back by the time
// it is needed. Files are read synchronously: an asynchronous read only advances while the thread waits, so reading
// ahead of an extraction gained nothing, and its five round trips through the event loop cost more than the read. Each worker holds its own jieba tagger (the
// native tagger is not shared between threads). What the thread is busy with is written to shared memory: the
// build stops a thread that stays on one file past its time budget.
const port = parentPort;
if (!port) throw new Error("Build: src/build/worker.ts runs as a worker thread. Expecting a parent port.");
const busy = new Int32Array((workerData as WorkerData).busy);

/** Records that the thread works on file `index` now (IDLE: it waits). */
function markBusy(index: number): void {
  Atomics.store(busy, 1, index);
  Atomics.add(busy, 0, 1);
}

interface Item {
  index: number;
  file: string;
  times: ArticleStageTimes;
  parsed?: ParsedFile;
  claim?: Promise<boolean>;
}

const items: Item[] = [];
const claims = new Map<number, (go: boolean) => void>();
let running = false;
const post = (message: FromWorker): void => port.postMessage(message);

port.on("message", (message: ToWorker) => {
  if (message.type === "claimed") {
    claims.get(message.index)?.(message.go);
    claims.delete(message.index);
    return;
  }
  items.push({ index: message.index, file: message.file, times: noStageTimes() });
  if (!running) void run();
});

/** Reads and parses a file, then sends its claim; the answer comes back while the thread works. */
async function prepare(item: Item): Promise<void> {
  if (item.parsed) return;
  markBusy(item.index);
  const started = performance.now();
  const decoded = readFileTextSync(item.file) ?? (await readFileText(item.file));
  item.times.read += performance.now() - started;
  item.parsed = parseFile(item.file, decoded, item.times);
  markBusy(IDLE);
  if ("article" in item.parsed) {
    const { index } = item;
    const id = item.parsed.article.id;
    item.claim = new Promise((resolve) => claims.set(index, resolve));
    post({ type: "claim", index, id });
  }
}

async function run(): Promise<void> {
  running = true;
  while (items.length) {
    const item = items[0]!;
    await prepare(item);
    if (items[1]) await prepare(items[1]);
    const parsed = item.parsed!;
    let outcome;
    if ("outcome" in parsed) outcome = parsed.outcome;
    else if (!(await item.claim)) outcome = { status: "duplicate" as const, key: parsed.key, id: parsed.article.id };
    else {
      markBusy(item.index);
      outcome = extractFile(parsed.article, parsed.key, item.times);
      markBusy(IDLE);
    }
    items.shift();
    post({ type: "done", index: item.index, outcome, times: item.times });
  }
  running = false;
}

// Load the tagger and its user dictionary (~0.5 s) before the first file, so that it does not count against the
// first file's time budget.
tagWords("预热分词词典。");
post({ type: "ready" });
