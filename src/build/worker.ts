import { parentPort } from "node:worker_threads";
import { tagWords } from "../../ingest/segment.ts";
import { processArticleFile } from "./process-file.ts";
import { noStageTimes } from "./process-file-types.ts";
import type { FromWorker, ToWorker } from "./worker-messages.ts";

// One article worker: takes files one at a time, reads and extracts them, and posts each outcome back. Each
// worker holds its own jieba tagger (the native tagger is not shared between threads).
const port = parentPort;
if (!port) throw new Error("Build: src/build/worker.ts runs as a worker thread. Expecting a parent port.");

const claims = new Map<number, (go: boolean) => void>();
const post = (message: FromWorker): void => port.postMessage(message);

port.on("message", (message: ToWorker) => {
  if (message.type === "claimed") {
    claims.get(message.index)?.(message.go);
    claims.delete(message.index);
    return;
  }
  const { index, file } = message;
  const times = noStageTimes();
  const claim = (id: string): Promise<boolean> =>
    new Promise((resolve) => {
      claims.set(index, resolve);
      post({ type: "claim", index, id });
    });
  void processArticleFile(file, claim, times).then((outcome) => post({ type: "done", index, outcome, times }));
});

// Load the tagger and its user dictionary (~0.5 s) before the first file, so that it does not count against the
// first file's time budget.
tagWords("预热分词词典。");
post({ type: "ready" });
