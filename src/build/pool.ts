import { Worker } from "node:worker_threads";
import type { ArticleStageTimes, FileOutcome } from "./process-file-types.ts";
import type { FromWorker, ToWorker } from "./worker-messages.ts";

/** How the pool reports back to the build. */
export interface ArticlePoolOptions {
  /** Number of worker threads. */
  size: number;
  /** A file still in a worker after this long is reported as failed and its worker replaced. */
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
  task?: Task | undefined;
  timer?: NodeJS.Timeout | undefined;
  /** The id the current file was claimed as, for the report when it then fails. */
  claimed?: string | undefined;
}

// A worker that fails before it is ready twice in a row is a broken installation, not a bad file.
const MAX_START_FAILURES = 2;
// One article is a few hundred kB at most; a worker past this heap is in a pathological file, which then fails
// alone instead of taking the whole build's memory.
const WORKER_HEAP_MB = 1024;
const ENTRY = new URL("./worker-entry.mjs", import.meta.url);

/**
 * Worker threads running the per-article stages (read, extract) on both cores, one file at a time each, with a
 * time budget per file: a file that hangs its worker is reported as failed, the worker replaced, the build goes on.
 */
export class ArticlePool {
  private readonly queue: Task[] = [];
  private readonly slots = new Set<Slot>();
  private pending = 0;
  private startFailures = 0;
  private closed = false;
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private fatal: Error | undefined;
  private size: number;

  constructor(private readonly options: ArticlePoolOptions) {
    this.size = options.size;
  }

  /** Queues a file; workers start on the first one. */
  submit(index: number, file: string): void {
    this.queue.push({ index, file });
    this.pending++;
    while (this.slots.size < this.size && this.slots.size < this.pending) this.spawn();
    this.pump();
  }

  /** Starts `count` workers now (at most the pool's size), ahead of the first file. */
  warmUp(count = this.size): void {
    while (this.slots.size < Math.min(count, this.size)) this.spawn();
  }

  /** Changes the number of workers for the files to come (workers already running stay). */
  resize(size: number): void {
    this.size = size;
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
    await Promise.all([...this.slots].map((s) => this.stop(s)));
  }

  private spawn(): void {
    const worker = new Worker(ENTRY, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    const slot: Slot = { worker, ready: false };
    this.slots.add(slot);
    worker.on("message", (message: FromWorker) => this.receive(slot, message));
    worker.on("error", (error) => this.lose(slot, describeWorkerError(error)));
    worker.on("exit", (code) => this.lose(slot, `the worker thread exited (code ${code})`));
  }

  private receive(slot: Slot, message: FromWorker): void {
    if (message.type === "ready") {
      slot.ready = true;
      this.startFailures = 0;
      this.pump();
    } else if (message.type === "claim") {
      if (slot.task?.index !== message.index) return;
      const go = this.options.claim(message.index, message.id);
      if (go) slot.claimed = message.id;
      const reply: ToWorker = { type: "claimed", index: message.index, go };
      slot.worker.postMessage(reply);
    } else if (slot.task?.index === message.index) {
      this.finish(slot, message.outcome, message.times);
      this.pump();
    }
  }

  /** Gives queued files to idle, ready workers, in queue order. */
  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.task) continue;
      const task = this.queue.shift();
      if (!task) return;
      slot.task = task;
      slot.timer = setTimeout(() => this.timeOut(slot), this.options.fileTimeoutMs);
      const message: ToWorker = { type: "file", index: task.index, file: task.file };
      slot.worker.postMessage(message);
    }
  }

  private finish(slot: Slot, outcome: FileOutcome, times?: ArticleStageTimes): void {
    const task = slot.task;
    if (!task) return;
    clearTimeout(slot.timer);
    slot.task = undefined;
    slot.claimed = undefined;
    this.pending--;
    this.options.onOutcome(task.index, outcome, times);
    if (this.pending === 0) for (const w of this.waiters.splice(0)) w.resolve();
  }

  private timeOut(slot: Slot): void {
    const seconds = this.options.fileTimeoutMs / 1000;
    this.fail(slot, `took longer than ${seconds} s, the time budget of one file`);
  }

  /** A worker stopped (crash, out of memory, exit) or must be stopped: its file fails, a new worker takes over. */
  private lose(slot: Slot, reason: string): void {
    if (!this.slots.has(slot)) return;
    if (!slot.ready && !slot.task && !this.closed && ++this.startFailures >= MAX_START_FAILURES) {
      this.fatal = new Error(`Build: the article worker could not start: ${reason}`);
      for (const w of this.waiters.splice(0)) w.reject(this.fatal);
    }
    this.fail(slot, reason);
  }

  private fail(slot: Slot, reason: string): void {
    const id = slot.claimed;
    if (slot.task) this.finish(slot, { status: "failed", reason, transient: true, ...(id ? { id } : {}) });
    this.slots.delete(slot);
    void this.stop(slot);
    if (this.closed || this.fatal) return;
    if (this.slots.size < Math.min(this.size, this.pending)) this.spawn();
    this.pump();
  }

  private async stop(slot: Slot): Promise<void> {
    clearTimeout(slot.timer);
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
