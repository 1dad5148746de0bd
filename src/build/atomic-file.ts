import { mkdir, open, readdir, rename, unlink, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

// Strings are gathered up to this many characters before one write. 32 K characters (64 KB of UTF-16 at most)
// keeps each joined string among V8's ordinary young objects: with 1 M characters every write left a 2 MB string
// in large-object space until the next full collection, and exporting the whole archive peaked 250 MB higher.
const FLUSH_CHARS = 1 << 15;

/**
 * A file written in pieces to a temporary file beside it and renamed into place by `commit`, so that a build
 * killed at any moment leaves the previous file whole: readers see the old file or the new one, never half of one.
 */
export class AtomicFile {
  private pieces: string[] = [];
  private chars = 0;
  // writes go one after the other: two writes in flight on one file descriptor may land in either order
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    /** Where the file ends up. */
    readonly path: string,
    private readonly temp: string,
    private handle: FileHandle | undefined,
  ) {}

  /** Opens the temporary file for `path` (creating its folder). */
  static async create(path: string): Promise<AtomicFile> {
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    return new AtomicFile(path, temp, await open(temp, "w"));
  }

  /** Appends text; it reaches the disk in large writes (awaiting one when it starts gives back-pressure). */
  async write(text: string): Promise<void> {
    this.pieces.push(text);
    this.chars += text.length;
    if (this.chars >= FLUSH_CHARS) await this.flush();
  }

  /** Appends every piece of a generator, waiting only when a write starts. */
  async writeAll(pieces: Iterable<string>): Promise<void> {
    for (const piece of pieces) {
      this.pieces.push(piece);
      this.chars += piece.length;
      if (this.chars >= FLUSH_CHARS) await this.flush();
    }
  }

  /** Writes what is left, syncs it to disk and closes the temporary file, ready to be renamed. */
  async close(): Promise<void> {
    if (!this.handle) return;
    await this.flush();
    await this.writing;
    await this.handle.sync();
    await this.handle.close();
    this.handle = undefined;
  }

  /** Closes the file and renames it into place. */
  async commit(): Promise<void> {
    await this.close();
    await rename(this.temp, this.path);
  }

  /** Drops the temporary file; the file in place is untouched. */
  async discard(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close().catch(() => undefined);
    await unlink(this.temp).catch(() => undefined);
  }

  private flush(): Promise<unknown> {
    const handle = this.handle;
    if (!handle || this.chars === 0) return this.writing;
    const text = this.pieces.join("");
    this.pieces = [];
    this.chars = 0;
    this.writing = this.writing.then(() => handle.write(text));
    return this.writing;
  }
}

/**
 * Deletes the temporary files that builds killed before their end left beside `paths` (`<name>.<pid>.tmp` of a
 * process that no longer runs), so that killed builds do not pile them up.
 */
export async function removeStaleTemps(paths: string[]): Promise<void> {
  const byDir = new Map<string, Set<string>>();
  for (const p of paths) byDir.set(dirname(p), (byDir.get(dirname(p)) ?? new Set()).add(basename(p)));
  for (const [dir, names] of byDir) {
    for (const entry of await readdir(dir).catch(() => [] as string[])) {
      const m = /^(.*)\.(\d+)\.tmp$/.exec(entry);
      if (!m || !names.has(m[1]!) || Number(m[2]) === process.pid || isRunning(Number(m[2]))) continue;
      await unlink(join(dir, entry)).catch(() => undefined);
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
