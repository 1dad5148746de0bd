import { Worker } from "node:worker_threads";
import type { ArticleStageTimes, FileOutcome } from "./process-file-types.ts";
import { IDLE, type FromWorker, type ToWorker, type WorkerData } from "./worker-messages.ts";

/** How the pool reports back to the build. */
export interface ArticlePoolOptions {
  /** Number of worker threads, at most. */
  size: number;
  /**
   * Another worker starts only while more than this many files per running worker wait for an outcome (default:
   * DEPTH, the files one worker holds at once).
   */
  filesPerWorker?: number;
  /** A worker that stays this long on one file is stopped, the file reported as failed, the worker replaced. */
  fileTimeoutMs: number;
  /** Asked when a worker has read a file as article `id`: true lets it extract, false makes it a duplicate. */
  claim: (index: number, id: string) => boolean;
  /** Called once per submitted file, in the order files finish. */
  onOutcome: (index: number, outcome: FileOutcome, times?: ArticleStageTimes) => void;
}

interface Task {
  index: number;
  file: string;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Files given to the worker and not finished, in order. */
  tasks: Task[];
  /** What the worker works on, written by the worker (see WorkerData). */
  busy: Int32Array;
  /** The worker's counter when last looked at, and since when it has not moved. */
  seen: number;
  since: number;
  /** Article ids claimed by the worker's files, for the report when such a file then fails. */
  claimed: Map<number, string>;
}

// Files handed to a worker at once: the one it extracts, the next (parsed, its claim on the way), and one more, so
// that a worker never waits for the build to send its next file.
const DEPTH = 3;
// A worker that fails before it is ready twice in a row is a broken installation, not a bad file.
const MAX_START_FAILURES = 2;
// One article is a few hundred kB at most; a worker past this heap is in a pathological file, which then fails
// alone instead of taking the whole build's memory.
const WORKER_HEAP_MB = 1024;
const ENTRY = new URL("./worker-entry.mjs", import.meta.url);

/**
 * Worker threads running the per-article stages (read, extract) on every core, with a time budget per file: a
 * file that keeps its worker busy past the budget is reported as failed, the worker replaced, and the worker's
 * other files handed out again. The build goes on.
 */
export class ArticlePool {
  private readonly queue: Task[] = [];
  private readonly slots = new Set<Slot>();
  private pending = 0;
  private startFailures = 0;
  private closed = false;
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private fatal: Error | undefined;
  private watchdog: NodeJS.Timeout | undefined;

  constructor(private readonly options: ArticlePoolOptions) {}

  /** Queues a file; workers start on the first one. */
  submit(index: number, file: string): void {
    this.queue.push({ index, file });
    this.pending++;
    const filesPerWorker = this.options.filesPerWorker ?? DEPTH;
    while (this.slots.size < this.options.size && this.slots.size * filesPerWorker < this.pending) this.spawn();
    this.pump();
  }

  /** Starts `count` workers now (at most the pool's size), ahead of the first file. */
  warmUp(count = this.options.size): void {
    while (this.slots.size < Math.min(count, this.options.size)) this.spawn();
  }

  /** Resolves when every submitted file has an outcome. */
  drained(): Promise<void> {
    if (this.fatal) return Promise.reject(this.fatal);
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watchdog);
    await Promise.all([...this.slots].map((s) => this.stop(s)));
  }

  private spawn(): void {
    const shared = new SharedArrayBuffer(8);
    const data: WorkerData = { busy: shared };
    const worker = new Worker(ENTRY, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    const busy = new Int32Array(shared);
    busy[1] = IDLE;
    const slot: Slot = { worker, ready: false, tasks: [], busy, seen: 0, since: 0, claimed: new Map() };
    this.slots.add(slot);
    worker.on("message", (message: FromWorker) => this.receive(slot, message));
    worker.on("error", (error) => this.lose(slot, describeWorkerError(error)));
    worker.on("exit", (code) => this.lose(slot, `the worker thread exited (code ${code})`));
    if (!this.watchdog) {
      const every = Math.max(50, Math.min(1000, this.options.fileTimeoutMs / 4));
      this.watchdog = setInterval(() => this.watch(), every);
      this.watchdog.unref();
    }
  }

  private receive(slot: Slot, message: FromWorker): void {
    if (message.type === "ready") {
      slot.ready = true;
      this.startFailures = 0;
      this.pump();
    } else if (message.type === "claim") {
      if (!slot.tasks.some((t) => t.index === message.index)) return;
      const go = this.options.claim(message.index, message.id);
      if (go) slot.claimed.set(message.index, message.id);
      const reply: ToWorker = { type: "claimed", index: message.index, go };
      slot.worker.postMessage(reply);
    } else {
      const at = slot.tasks.findIndex((t) => t.index === message.index);
      if (at < 0) return;
      slot.tasks.splice(at, 1);
      slot.claimed.delete(message.index);
      this.finish(message.index, message.outcome, message.times);
      this.pump();
    }
  }

  /** Gives queued files to ready workers, in queue order, up to DEPTH each. */
  private pump(): void {
    for (let round = 0; round < DEPTH && this.queue.length; round++) {
      for (const slot of this.slots) {
        if (!slot.ready || slot.tasks.length > round) continue;
        const task = this.queue.shift();
        if (!task) return;
        slot.tasks.push(task);
        const message: ToWorker = { type: "file", index: task.index, file: task.file };
        slot.worker.postMessage(message);
      }
    }
  }

  private finish(index: number, outcome: FileOutcome, times?: ArticleStageTimes): void {
    this.pending--;
    this.options.onOutcome(index, outcome, times);
    if (this.pending === 0) for (const w of this.waiters.splice(0)) w.resolve();
  }

  /** Stops a worker that has stayed on one file for the whole time budget. */
  private watch(): void {
    const now = performance.now();
    for (const slot of this.slots) {
      const seen = Atomics.load(slot.busy, 0);
      const index = Atomics.load(slot.busy, 1);
      if (seen !== slot.seen || index === IDLE) {
        slot.seen = seen;
        slot.since = now;
      } else if (now - slot.since >= this.options.fileTimeoutMs) {
        this.fail(slot, `took longer than ${this.options.fileTimeoutMs / 1000} s, the time budget of one file`);
      }
    }
  }

  /** A worker stopped (crash, out of memory, exit) or must be stopped: its file fails, a new worker takes over. */
  private lose(slot: Slot, reason: string): void {
    if (!this.slots.has(slot)) return;
    if (!slot.ready && !this.closed && ++this.startFailures >= MAX_START_FAILURES) {
      this.fatal = new Error(`Build: the article worker could not start: ${reason}`);
      for (const w of this.waiters.splice(0)) w.reject(this.fatal);
    }
    this.fail(slot, reason);
  }

  /**
   * Fails the file the worker is busy with (or its first file, when it is between files), hands its other files
   * out again, and replaces the worker.
   */
  private fail(slot: Slot, reason: string): void {
    this.slots.delete(slot);
    void this.stop(slot);
    const busyIndex = Atomics.load(slot.busy, 1);
    const culprit = slot.tasks.find((t) => t.index === busyIndex) ?? slot.tasks[0];
    if (culprit) {
      const id = slot.claimed.get(culprit.index);
      this.finish(culprit.index, { status: "failed", reason, transient: true, ...(id ? { id } : {}) });
    }
    this.queue.unshift(...slot.tasks.filter((t) => t !== culprit));
    if (this.closed || this.fatal) return;
    if (this.slots.size < this.options.size && this.pending > 0) this.spawn();
    this.pump();
  }

  private async stop(slot: Slot): Promise<void> {
    slot.worker.removeAllListeners();
    slot.worker.on("error", () => undefined);
    await slot.worker.terminate();
  }
}

function describeWorkerError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY") return `ran out of memory (over ${WORKER_HEAP_MB} MB in one file)`;
  return `the worker thread stopped: ${error.message}`;
}
