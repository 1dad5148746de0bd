import type { ArticleExtraction } from "../../ingest/extract-article.ts";
import type { ArticleCache, CacheWriter } from "./article-cache.ts";
import { parseExtraction } from "./article-record.ts";
import { ArticlePool } from "./pool.ts";
import { hashFile } from "./content-key.ts";
import { noStageTimes, type ArticleStageTimes, type FileOutcome } from "./process-file-types.ts";

/** One input file after the per-article stages. */
export type FileResult =
  | { status: "ok"; id: string; extraction: ArticleExtraction; cached: boolean }
  | { status: "duplicate"; id: string }
  | { status: "failed"; reason: string; id?: string; transient?: boolean };

/** How the per-article stages run. */
export interface ArticleStageOptions {
  /** Worker threads; 0 runs the stages in this thread (no time budget then: nothing can stop a running stage). */
  workers: number;
  /** True when `workers` was asked for: the pool then starts that many, however few the files. */
  fixedWorkers?: boolean;
  fileTimeoutMs: number;
  onProgress?: ((done: number, total: number, file: string) => void) | undefined;
}

// Files hashed between two looks at the workers' messages: small files read synchronously take ~30 µs each (four
// times less than through the thread pool), and 64 of them keep a claim waiting 2 ms at most.
const HASH_BATCH = 64;
// A worker takes a second of CPU to load (tsx, cheerio, opencc, jieba's dictionary), what ~150 articles take to
// extract: another worker starts only when more than this many files per worker wait. A build that adds 100 files
// to 5,000 runs one worker, not two.
const FILES_PER_WORKER = 100;

/**
 * The per-article stages of a build over files in the build's order. With a cache, each file's content key is
 * looked up, and the files the cache does not hold go to the worker pool as soon as they are found; without one,
 * every file goes to the workers, which hash it themselves. A file whose article an earlier file already holds
 * (same text) is not extracted. Results are kept per file, by its place in the order, so the outcome never depends
 * on which worker finished first.
 */
export class ArticleStages {
  /** The result of each file, by its index in the build's order. */
  results: (FileResult | undefined)[] = [];
  /** The content key of each file (undefined when it could not be read). */
  keys: (string | undefined)[] = [];
  /** Milliseconds per stage, summed over the threads. */
  readonly times: ArticleStageTimes = noStageTimes();
  /** Files extracted in this build and files taken from the cache. */
  extracted = 0;
  cached = 0;
  /** Files that overran their time budget or took their worker down. */
  transientFailures = 0;

  private files: string[] = [];
  private cache: ArticleCache | undefined;
  private readonly claims = new Map<string, number>();
  private readonly hitIndexes = new Map<string, number[]>();
  private pool: ArticlePool | undefined;
  private writer: CacheWriter | undefined;
  private done = 0;

  constructor(private readonly options: ArticleStageOptions) {}

  /** Starts a worker ahead of the files (a build without a cache needs it; a worker takes a second to load). */
  warmUp(): void {
    this.workerPool()?.warmUp(1);
  }

  /**
   * Sorts every file: cached (its article claimed at once, the record read in `finish`), or to extract (started
   * at once; a file that cannot be hashed, being empty, too large or unreadable, goes to its reader for the reason).
   * `keys` are the content keys when the build has hashed the files already.
   */
  async start(files: string[], cache: ArticleCache, writer: CacheWriter, keys?: (string | undefined)[]): Promise<void> {
    this.files = files;
    this.cache = cache;
    this.results = new Array<FileResult | undefined>(files.length);
    this.keys = keys ? [...keys] : new Array<string | undefined>(files.length);
    this.writer = writer;
    if (cache.size === 0) {
      for (let i = 0; i < files.length; i++) await this.dispatch(i);
      return;
    }
    for (let i = 0; i < files.length; i++) {
      const key = keys ? keys[i] : hashFile(files[i]!);
      this.keys[i] = key;
      if (key === undefined) await this.dispatch(i);
      else await this.route(i, key);
      // let the workers' claims and results in between batches
      if (i % HASH_BATCH === HASH_BATCH - 1) await yieldToEvents();
    }
  }

  /** Reads the cached articles, waits for the extracted ones, and stops the workers. */
  async finish(): Promise<void> {
    const { cache } = this;
    await cache?.forEachLine(new Set(this.hitIndexes.keys()), (key, line, json) => {
      const written = this.writer?.addLine(key, line);
      for (const index of this.hitIndexes.get(key) ?? []) {
        const hit = cache.get(key);
        if (json === undefined || hit?.kind !== "extracted") continue;
        try {
          const extraction = parseExtraction(json, this.files[index]!);
          this.settle(index, { status: "ok", id: hit.id, extraction, cached: true });
          this.cached++;
        } catch {
          // a damaged line: the file is extracted again below
        }
      }
      return written;
    });
    // cached lines that vanished or did not parse: extract those files after all
    for (const indexes of this.hitIndexes.values())
      for (const index of indexes) if (!this.results[index]) await this.dispatch(index);
    try {
      await this.pool?.drained();
    } finally {
      await this.pool?.close();
    }
  }

  /** Forgets the per-file results (their extractions), once the build has taken what it needs. */
  dropResults(): void {
    this.results = [];
  }

  /** Stops the workers without waiting for anything (the previous build stands). */
  async close(): Promise<void> {
    await this.pool?.close();
  }

  /** Claims article `id` for the file at `index`: false when an earlier file holds it already. */
  private claim(index: number, id: string): boolean {
    const holder = this.claims.get(id);
    if (holder !== undefined && holder < index) return false;
    this.claims.set(id, index);
    return true;
  }

  /** Sorts a hashed file: taken from the cache, or extracted. */
  private async route(index: number, key: string): Promise<void> {
    const hit = this.cache?.get(key);
    if (!hit) return this.dispatch(index);
    // the line is copied into the next cache whatever this file turns out to be
    if (!this.hitIndexes.has(key)) this.hitIndexes.set(key, []);
    if (hit.kind === "duplicate") {
      // the cache knows this content only as a copy: extract it unless an earlier file holds its article now
      if ((this.claims.get(hit.id) ?? Infinity) < index) this.settle(index, { status: "duplicate", id: hit.id });
      else return this.dispatch(index);
    } else if (hit.id !== undefined && !this.claim(index, hit.id)) {
      this.settle(index, { status: "duplicate", id: hit.id });
    } else if (hit.kind === "failed") {
      this.settle(index, { status: "failed", reason: hit.reason, ...(hit.id ? { id: hit.id } : {}) });
    } else {
      this.hitIndexes.get(key)!.push(index);
    }
  }

  private workerPool(): ArticlePool | undefined {
    if (this.options.workers <= 0) return undefined;
    this.pool ??= new ArticlePool({
      size: this.options.workers,
      ...(this.options.fixedWorkers ? {} : { filesPerWorker: FILES_PER_WORKER }),
      fileTimeoutMs: this.options.fileTimeoutMs,
      claim: (i, id) => this.claim(i, id),
      onOutcome: (i, outcome, times) => this.receive(i, outcome, times),
    });
    return this.pool;
  }

  private async dispatch(index: number): Promise<void> {
    const file = this.files[index]!;
    const pool = this.workerPool();
    if (pool) return pool.submit(index, file);
    // loaded here: the readers and extractors take 0.4 s to load, which a build that reuses its cache never needs
    const { processArticleFile } = await import("./process-file.ts");
    const times = noStageTimes();
    const outcome = await processArticleFile(file, (id) => this.claim(index, id), times);
    this.receive(index, outcome, times);
  }

  private receive(index: number, outcome: FileOutcome, times?: ArticleStageTimes): void {
    if (times) for (const k of Object.keys(times) as (keyof ArticleStageTimes)[]) this.times[k] += times[k];
    // the worker hashed what it read; a file the build could not hash keeps no key
    const key = (this.keys[index] ??= outcome.key);
    if (outcome.status === "ok") {
      let extraction: ArticleExtraction;
      try {
        extraction = parseExtraction(outcome.record, this.files[index]!);
      } catch (error) {
        const reason = `the extraction did not parse: ${(error as Error).message}`;
        this.settle(index, { status: "failed", reason, id: outcome.id });
        return;
      }
      this.writer?.addExtraction(outcome.key, outcome.id, outcome.record);
      this.extracted++;
      this.settle(index, { status: "ok", id: outcome.id, extraction, cached: false });
    } else if (outcome.status === "duplicate") {
      this.writer?.addDuplicate(outcome.key, outcome.id);
      this.settle(index, { status: "duplicate", id: outcome.id });
    } else {
      const { key: _key, ...failure } = outcome;
      if (outcome.transient) this.transientFailures++;
      else if (key !== undefined) this.writer?.addFailure(key, outcome.reason, outcome.id);
      this.settle(index, failure);
    }
  }

  private settle(index: number, result: FileResult): void {
    if (this.results[index]) return;
    this.results[index] = result;
    this.options.onProgress?.(++this.done, this.files.length, this.files[index]!);
  }
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The content keys of files (undefined for a file that cannot be read), letting other events in now and then. */
export async function hashFiles(files: string[]): Promise<(string | undefined)[]> {
  const keys: (string | undefined)[] = [];
  for (const [i, file] of files.entries()) {
    keys.push(hashFile(file));
    if (i % HASH_BATCH === HASH_BATCH - 1) await yieldToEvents();
  }
  return keys;
}
