import { closeSync, openSync, readSync, statSync, type Dirent, type Stats } from "node:fs";
import { lstat, open, opendir, readdir, readlink, realpath, stat } from "node:fs/promises";
import { dirname, join, sep } from "node:path";
import { decodeArticleBytes } from "./decode-text.ts";
import { describeFsError } from "./user-error.ts";

/** Files larger than this are reported and skipped: no article comes near it (the largest of 54,000 is 126 KB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const ARTICLE_EXTENSIONS = /\.(txt|md|markdown|html?|xhtml)$/i;

/**
 * Expands files and folders (recursively, in code-point order) into the list of inputs to read. Each real file
 * is listed once, however many links lead to it; a file reached through a symbolic link is listed by its real
 * path. Links that loop back up the tree are not followed. Entries that cannot be read (a folder without
 * permission, a broken link, a link loop, a named pipe) are listed too, so that `readInputFile` reports each
 * with its reason; `missing` holds the inputs given that do not exist.
 */
export async function collectInputFiles(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const walk: Walk = { files: [], seenFiles: new Set(), seenDirs: new Set() };
  const missing: string[] = [];
  for (const p of paths) {
    let info: Stats;
    try {
      info = await stat(p);
    } catch (error) {
      // only a path that is not there is missing; any other failure (EACCES, ELOOP) is the reader's to explain
      if (errorCode(error) === "ENOENT") missing.push(p);
      else walk.files.push(p);
      continue;
    }
    if (info.isDirectory()) await walkFolder(p, walk);
    else addFile(p, await realpath(p).catch(() => p), walk);
  }
  return { files: walk.files, missing };
}

interface Walk {
  files: string[];
  /** Real paths of the files listed so far. */
  seenFiles: Set<string>;
  /** Real paths of the folders walked so far. */
  seenDirs: Set<string>;
}

function addFile(path: string, real: string, walk: Walk): void {
  if (walk.seenFiles.has(real)) return;
  walk.seenFiles.add(real);
  walk.files.push(path);
}

/** Walks a folder without recursion (a tree thousands of levels deep must not overflow the stack). */
async function walkFolder(root: string, walk: Walk): Promise<void> {
  // each frame: a folder as reached, its real path, and its entries still to visit (first at the end)
  const stack: { dir: string; real: string; entries: Dirent[] }[] = [];
  const enter = async (dir: string): Promise<void> => {
    let real: string;
    let entries: Dirent[];
    try {
      real = await realpath(dir);
      if (walk.seenDirs.has(real)) return;
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      walk.files.push(dir); // readInputFile says why the folder cannot be read
      return;
    }
    walk.seenDirs.add(real);
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    stack.push({ dir, real, entries });
  };
  await enter(root);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const entry = frame.entries.pop();
    if (!entry) {
      stack.pop();
      continue;
    }
    if (entry.name.startsWith(".")) continue;
    const full = join(frame.dir, entry.name);
    if (entry.isDirectory()) await enter(full);
    else if (entry.isFile()) {
      if (ARTICLE_EXTENSIONS.test(entry.name)) addFile(full, join(frame.real, entry.name), walk);
    } else if (entry.isSymbolicLink()) await followLink(full, entry.name, frame.real, walk, enter);
    else if (ARTICLE_EXTENSIONS.test(entry.name)) walk.files.push(full); // a named pipe or socket called x.txt
  }
}

/** A symbolic link counts as what it points to, read by its real path; a link up the tree is a loop, not followed. */
async function followLink(
  link: string,
  name: string,
  parentReal: string,
  walk: Walk,
  enter: (dir: string) => Promise<void>,
): Promise<void> {
  let target: Stats;
  let real: string;
  try {
    target = await stat(link);
    real = await realpath(link);
  } catch (error) {
    // the reader reports a link that loops on itself, and a broken link where an article was meant to be
    if (errorCode(error) === "ELOOP" || ARTICLE_EXTENSIONS.test(name)) walk.files.push(link);
    return;
  }
  if (target.isDirectory()) {
    if (isWithin(parentReal, real))
      walk.files.push(link); // a loop: reported once, never followed
    else await enter(real);
  } else if (target.isFile()) {
    if (ARTICLE_EXTENSIONS.test(name) || ARTICLE_EXTENSIONS.test(real)) addFile(real, real, walk);
  } else if (ARTICLE_EXTENSIONS.test(name)) walk.files.push(link);
}

/** True when `path` is `folder` or inside it. */
function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? "error";

/** The decoded text of a file, with the encoding used and what was repaired; or why it cannot be read as an article. */
export type DecodedFile =
  { ok: true; text: string; bytes: Buffer; encoding?: string; notes?: string[] } | { ok: false; reason: string };

/**
 * Reads a file and decodes it (see decodeArticleBytes). Never throws: a folder, link or special file listed by
 * collectInputFiles, a file without permission, or one over MAX_FILE_BYTES comes back with its reason.
 */
export async function readInputFile(file: string): Promise<DecodedFile> {
  let info: Stats;
  try {
    info = await stat(file);
  } catch (error) {
    return { ok: false, reason: await whyUnreachable(file, error) };
  }
  if (info.isDirectory()) return { ok: false, reason: await whyFolderListed(file) };
  if (!info.isFile()) return { ok: false, reason: `not a regular file (${specialKind(info)})` };
  if (info.size === 0) return { ok: false, reason: "the file is empty" };
  if (info.size > MAX_FILE_BYTES) return { ok: false, reason: tooLarge(info.size) };
  let bytes: Buffer;
  try {
    bytes = await readAtMost(file, MAX_FILE_BYTES + 1);
  } catch (error) {
    return { ok: false, reason: `cannot read the file (${describeFsError(error)})` };
  }
  return decodeFileBytes(bytes);
}

/**
 * readInputFile for an ordinary file, read synchronously: a worker thread that extracts between reads gains nothing
 * from asynchronous reads (they only advance while it waits), and a 50 kB file takes ~30 µs this way. Undefined for
 * anything else (a folder, a link loop, an empty, too large or unreadable file): readInputFile then says why.
 */
export function readInputFileSync(file: string): DecodedFile | undefined {
  let bytes: Buffer;
  try {
    const info = statSync(file);
    if (!info.isFile() || info.size === 0 || info.size > MAX_FILE_BYTES) return undefined;
    bytes = readAtMostSync(file, info.size, MAX_FILE_BYTES + 1);
  } catch {
    return undefined;
  }
  return decodeFileBytes(bytes);
}

/** Decodes the bytes read from a file (see decodeArticleBytes). */
function decodeFileBytes(bytes: Buffer): DecodedFile {
  // the file may have grown since stat
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: tooLarge(bytes.length) };
  const decoded = decodeArticleBytes(bytes);
  if (!decoded.ok) return decoded;
  return { ok: true, text: decoded.text, bytes, encoding: decoded.encoding, notes: decoded.notes };
}

const tooLarge = (size: number): string =>
  `the file is ${(size / 1048576).toFixed(1)} MiB; the limit is ${MAX_FILE_BYTES / 1048576} MiB`;

/** Reads up to `limit` bytes through one handle, so a file that grows while read cannot exhaust memory. */
async function readAtMost(file: string, limit: number): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** readAtMost, synchronously, for a file of `size` bytes when last looked at (one exact read when it still is). */
function readAtMostSync(file: string, size: number, limit: number): Buffer {
  const fd = openSync(file, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    let want = size + 1;
    while (total < limit) {
      const chunk = Buffer.allocUnsafe(Math.min(want, limit - total));
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      want = 1 << 20;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

async function whyUnreachable(file: string, error: unknown): Promise<string> {
  const code = errorCode(error);
  const link = await lstat(file).catch(() => undefined);
  if (link?.isSymbolicLink()) {
    const target = await readlink(file).catch(() => "?");
    if (code === "ELOOP") return `symbolic link loop (${file} -> ${target}); not followed`;
    if (code === "ENOENT") return `broken symbolic link: ${target} does not exist`;
  }
  if (code === "ENOENT") return "no such file or folder";
  return `cannot read the file (${describeFsError(error)})`;
}

/** Why a folder was listed among the files: a link looping up the tree, or a folder that cannot be opened. */
async function whyFolderListed(dir: string): Promise<string> {
  const link = await lstat(dir).catch(() => undefined);
  if (link?.isSymbolicLink()) {
    const real = await realpath(dir).catch(() => dir);
    const parent = await realpath(dirname(dir)).catch(() => dirname(dir));
    if (isWithin(parent, real))
      return `symbolic link loop: points to ${real}, a folder that contains it; not followed (its files are read once)`;
  }
  try {
    const handle = await opendir(dir);
    await handle.close();
  } catch (error) {
    return `cannot read the folder (${describeFsError(error)})`;
  }
  return "a folder, not an article file";
}

function specialKind(info: Stats): string {
  if (info.isFIFO()) return "a named pipe";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  return "not a file";
}
