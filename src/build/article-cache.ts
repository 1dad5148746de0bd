import { createReadStream } from "node:fs";
import { unlink } from "node:fs/promises";
import { join } from "node:path";
import { AtomicFile } from "./atomic-file.ts";

/** The folder, inside a build's output folder, that holds the cache and the build manifest. */
export const CACHE_DIR = ".quotegraph-cache";
const CACHE_FILE = "articles.ndjson";
const FORMAT = 1;

// A record line starts {"k":"<content key>" and goes on with the article id, then the extraction (,"x":…), the
// reason the file failed (,"fail":"…"), or nothing (the file was a duplicate of an earlier one).
const RECORD_HEAD = /^\{"k":"([0-9a-f]{64})"(?:,"id":"(a_[0-9a-f]{16})")?(,"x":|,"fail":|\}$)/;
const EXTRACTION_START = '{"k":"'.length + 64 + '","id":"'.length + 18 + '","x":'.length;
// The head is ASCII and never longer than this: lines are sorted by their head without decoding the rest, which is
// most of the 36 MB cache of 5,000 articles (decoding it all took 0.2 s of a build that adds 100 files).
const HEAD_BYTES = EXTRACTION_START;
const NEWLINE = 0x0a;
const CLOSING_BRACE = 0x7d;

/** What the cache knows about one file content. */
export type CachedArticle =
  /** The cache holds the extraction of article `id`. */
  | { kind: "extracted"; id: string }
  /** The content reads as article `id`, which an earlier file held. */
  | { kind: "duplicate"; id: string }
  /** The content failed in a stage, for a reason that does not change (unreadable, no Chinese text…). */
  | { kind: "failed"; reason: string; id?: string };

/**
 * The per-article results of earlier builds, one JSON line per file content: `.quotegraph-cache/articles.ndjson` in
 * the output folder. Lines are keyed by the content key (process-file.ts), and the file's first line names the
 * version of the extraction code and lexicons (code-version.ts); a cache of another version is ignored whole.
 */
export class ArticleCache {
  private constructor(
    private readonly path: string,
    private readonly index: Map<string, CachedArticle>,
  ) {}

  /** Reads the index of the cache in `outDir`; an absent, unreadable or other-version cache is an empty one. */
  static async open(outDir: string, version: string): Promise<ArticleCache> {
    const path = join(outDir, CACHE_DIR, CACHE_FILE);
    const index = new Map<string, CachedArticle>();
    let first = true;
    try {
      for await (const line of readLines(path)) {
        if (first) {
          first = false;
          if (line.toString("utf8") !== header(version)) break;
          continue;
        }
        const entry = parseHead(line);
        if (entry) index.set(entry.key, entry.cached);
      }
    } catch {
      // no cache yet, or one that cannot be read: every article is extracted again
      index.clear();
    }
    return new ArticleCache(path, index);
  }

  /** An empty cache (for `--force`). */
  static empty(outDir: string): ArticleCache {
    return new ArticleCache(join(outDir, CACHE_DIR, CACHE_FILE), new Map());
  }

  /** What the cache holds for a content key. */
  get(key: string): CachedArticle | undefined {
    return this.index.get(key);
  }

  /** Number of content keys in the cache. */
  get size(): number {
    return this.index.size;
  }

  /**
   * Streams the cache once and hands over the lines of the wanted keys: the whole line (to copy into the next
   * cache) and, for an extracted article, the extraction's JSON.
   */
  async forEachLine(
    wanted: Set<string>,
    onLine: (key: string, line: string, extraction?: string) => Promise<void> | void,
  ): Promise<void> {
    if (wanted.size === 0) return;
    let first = true;
    for await (const line of readLines(this.path)) {
      if (first) {
        first = false;
        continue;
      }
      const m = RECORD_HEAD.exec(headOf(line));
      if (!m || !wanted.has(m[1]!) || line.at(-1) !== CLOSING_BRACE) continue;
      const text = line.toString("utf8");
      // (a promise returned is awaited: the next cache's writes hold the reading back, or its pending writes would
      // pile up in memory, as much as the whole cache on a rebuild of the archive)
      await onLine(m[1]!, text, m[3] === ',"x":' && m[2] ? text.slice(EXTRACTION_START, -1) : undefined);
    }
  }

  /** Where the cache file lives. */
  get file(): string {
    return this.path;
  }

  /** Deletes the cache file (when one of its records proved unusable). */
  async remove(): Promise<void> {
    await unlink(this.path).catch(() => undefined);
  }

  /** Starts the next cache beside this one; it replaces this one on `commit`. */
  async startNext(version: string): Promise<CacheWriter> {
    const file = await AtomicFile.create(this.path);
    await file.write(`${header(version)}\n`);
    return new CacheWriter(file);
  }
}

/** The next cache, written line by line while the build runs and renamed into place at its end. */
export class CacheWriter {
  private readonly written = new Set<string>();

  constructor(private readonly file: AtomicFile) {}

  /** Adds an extracted article. */
  addExtraction(key: string, id: string, extraction: string): void {
    this.addLine(key, `{"k":"${key}","id":"${id}","x":${extraction}}`);
  }

  /** Adds a content key that reads as a duplicate of an earlier file's article. */
  addDuplicate(key: string, id: string): void {
    this.addLine(key, `{"k":"${key}","id":"${id}"}`);
  }

  /** Adds a content that failed for a lasting reason (a time-out or a crashed worker is no such reason). */
  addFailure(key: string, reason: string, id?: string): void {
    this.addLine(key, JSON.stringify(id ? { k: key, id, fail: reason } : { k: key, fail: reason }));
  }

  /**
   * Adds a line copied from the previous cache; the promise settles once the line is buffered, or written when a
   * write had to start (back-pressure). A failed write shows when the cache is committed.
   */
  addLine(key: string, line: string): Promise<void> {
    if (this.written.has(key)) return Promise.resolve();
    this.written.add(key);
    return this.file.write(`${line}\n`).catch(() => undefined);
  }

  /** Puts the new cache in place of the old one. */
  commit(): Promise<void> {
    return this.file.commit();
  }

  /** Drops the new cache, leaving the old one. */
  discard(): Promise<void> {
    return this.file.discard();
  }
}

/** The key and meaning of a record line, or undefined for a damaged line. */
function parseHead(line: Buffer): { key: string; cached: CachedArticle } | undefined {
  const m = RECORD_HEAD.exec(headOf(line));
  if (!m || line.at(-1) !== CLOSING_BRACE) return undefined;
  const [, key, id, rest] = m as unknown as [string, string, string | undefined, string];
  if (rest === ',"x":') return id ? { key, cached: { kind: "extracted", id } } : undefined;
  if (rest === "}") return id ? { key, cached: { kind: "duplicate", id } } : undefined;
  try {
    const { fail } = JSON.parse(line.toString("utf8")) as { fail?: unknown };
    if (typeof fail !== "string") return undefined;
    return { key, cached: id ? { kind: "failed", reason: fail, id } : { kind: "failed", reason: fail } };
  } catch {
    return undefined;
  }
}

const header = (version: string): string => JSON.stringify({ quotegraphCache: FORMAT, version });

/** The start of a record line, where its key, id and kind are. */
const headOf = (line: Buffer): string => line.toString("latin1", 0, Math.min(line.length, HEAD_BYTES));

/** The lines of a file as bytes, without their line ends (a line cut short at the end of the file included). */
async function* readLines(path: string): AsyncIterable<Buffer> {
  let rest: Buffer | undefined;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const bytes: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end >= 0; end = bytes.indexOf(NEWLINE, start)) {
      yield withoutCarriageReturn(bytes.subarray(start, end));
      start = end + 1;
    }
    rest = start < bytes.length ? bytes.subarray(start) : undefined;
  }
  if (rest) yield withoutCarriageReturn(rest);
}

const withoutCarriageReturn = (line: Buffer): Buffer => (line.at(-1) === 0x0d ? line.subarray(0, -1) : line);
