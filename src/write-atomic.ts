import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { describeFsError, UserError } from "./user-error.ts";

/** Temporary files are named `<file>.<pid>.<random>.tmp` beside their target (`<file>.<pid>.tmp` by older writers). */
const TEMP_NAME = /^(.+)\.(\d+)(?:\.[0-9a-f]{8})?\.tmp$/;

/**
 * Writes a file atomically: the data goes to a temporary file beside it, is flushed to disk, and is renamed over
 * the target, so a reader (or a build killed at any moment) sees the old file or the new one, never half of one.
 * On failure the temporary file is removed and a UserError names the file and the reason (disk full, no
 * permission); temporary files left by a killed process are removed on the next write.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeFilesAtomic([[path, data]]);
}

/**
 * Writes several files atomically and together: every temporary file is written and flushed first, then all are
 * renamed in a row, so a build killed while writing leaves the previous export whole (the renames take
 * microseconds, where writing a large graph takes seconds).
 */
export async function writeFilesAtomic(files: [path: string, data: string | Uint8Array][]): Promise<void> {
  const written: [tmp: string, path: string][] = [];
  try {
    for (const [path, data] of files) {
      await prepareFolder(path);
      const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
      written.push([tmp, path]);
      await writeAndFlush(tmp, data);
    }
    for (const [tmp, path] of written) await rename(tmp, path);
    // the renames themselves reach the disk when the folder is flushed
    for (const folder of new Set(written.map(([, path]) => dirname(path)))) await flushFolder(folder);
  } catch (error) {
    await Promise.all(written.map(([tmp]) => unlink(tmp).catch(() => undefined)));
    if (error instanceof UserError) throw error;
    const target = written.at(-1)?.[1] ?? files[0]?.[0] ?? "";
    throw new UserError(`cannot write ${target}: ${describeFsError(error)}`);
  }
}

async function prepareFolder(path: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    throw new UserError(`cannot create the folder ${dirname(path)}: ${describeFsError(error)}`);
  }
  await removeStaleTemps(path);
}

async function writeAndFlush(tmp: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(tmp, "wx");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function flushFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // some file systems cannot flush a folder; the rename has happened all the same
  }
}

/** Removes temporary files of `path` left by processes that no longer run (a build killed mid-write). */
async function removeStaleTemps(path: string): Promise<void> {
  const name = basename(path);
  const entries = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const entry of entries) {
    const m = TEMP_NAME.exec(entry);
    if (!m || m[1] !== name || isRunning(Number(m[2]))) continue;
    await unlink(join(dirname(path), entry)).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
