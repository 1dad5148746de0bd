import { createReadStream } from "node:fs";
import { unlink } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { AtomicFile } from "./atomic-file.ts";

/** The folder, inside a build's output folder, that holds the cache and the build manifest. */
export const CACHE_DIR = ".quotegraph-cache";
const CACHE_FILE = "articles.ndjson";
const FORMAT = 1;

// A record line starts {"k":"<content key>" and goes on with the article id, then the extraction (,"x":…), the
// reason the file failed (,"fail":"…"), or nothing (the file was a duplicate of an earlier one).
const RECORD_HEAD = /^\{"k":"([0-9a-f]{64})"(?:,"id":"(a_[0-9a-f]{16})")?(,"x":|,"fail":|\}$)/;
const EXTRACTION_START = '{"k":"'.length + 64 + '","id":"'.length + 18 + '","x":'.length;

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
          if (line !== header(version)) break;
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
    onLine: (key: string, line: string, extraction?: string) => void,
  ): Promise<void> {
    if (wanted.size === 0) return;
    let first = true;
    for await (const line of readLines(this.path)) {
      if (first) {
        first = false;
        continue;
      }
      const m = RECORD_HEAD.exec(line);
      if (!m || !wanted.has(m[1]!) || !line.endsWith("}")) continue;
      onLine(m[1]!, line, m[3] === ',"x":' && m[2] ? line.slice(EXTRACTION_START, -1) : undefined);
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

  /** Adds a line copied from the previous cache. A failed write shows when the cache is committed. */
  addLine(key: string, line: string): void {
    if (this.written.has(key)) return;
    this.written.add(key);
    this.file.write(`${line}\n`).catch(() => undefined);
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
function parseHead(line: string): { key: string; cached: CachedArticle } | undefined {
  const m = RECORD_HEAD.exec(line);
  if (!m || !line.endsWith("}")) return undefined;
  const [, key, id, rest] = m as unknown as [string, string, string | undefined, string];
  if (rest === ',"x":') return id ? { key, cached: { kind: "extracted", id } } : undefined;
  if (rest === "}") return id ? { key, cached: { kind: "duplicate", id } } : undefined;
  try {
    const { fail } = JSON.parse(line) as { fail?: unknown };
    if (typeof fail !== "string") return undefined;
    return { key, cached: id ? { kind: "failed", reason: fail, id } : { kind: "failed", reason: fail } };
  } catch {
    return undefined;
  }
}

const header = (version: string): string => JSON.stringify({ quotegraphCache: FORMAT, version });

function readLines(path: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(path, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
}
