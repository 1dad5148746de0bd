import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

/** Files larger than this are reported and skipped: no news article is anywhere near it. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const ARTICLE_EXTENSIONS = /\.(txt|md|markdown|html?|xhtml)$/i;

/** Expands files and folders (recursively, sorted) into the list of article files to read. */
export async function collectInputFiles(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (info.isDirectory()) files.push(...(await walk(p)));
    else files.push(p);
  }
  return { files: [...new Set(files)], missing };
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = join(dir, entry.name);
    // a symbolic link counts as what it points to
    const kind = entry.isSymbolicLink() ? await stat(full).catch(() => undefined) : entry;
    if (!kind) continue;
    if (kind.isDirectory()) out.push(...(await walk(full)));
    else if (kind.isFile() && ARTICLE_EXTENSIONS.test(entry.name)) out.push(full);
  }
  return out;
}

/** The decoded text of a file, or why it cannot be read as an article. */
export type DecodedFile = { ok: true; text: string; bytes: Buffer } | { ok: false; reason: string };

/** Reads a file and decodes it: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 or Big5 when they fit. */
export async function readInputFile(file: string): Promise<DecodedFile> {
  let info;
  try {
    info = await stat(resolve(file));
  } catch (error) {
    return { ok: false, reason: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  }
  if (info.size === 0) return { ok: false, reason: "the file is empty" };
  if (info.size > MAX_FILE_BYTES)
    return {
      ok: false,
      reason: `the file is ${(info.size / 1048576).toFixed(1)} MiB; the limit is ${MAX_FILE_BYTES / 1048576} MiB`,
    };
  const bytes = await readFile(file);
  const text = decodeText(bytes);
  if (text === undefined)
    return { ok: false, reason: "binary data, or a text encoding other than UTF-8, UTF-16, GB18030 or Big5" };
  return { ok: true, text, bytes };
}

/** Decodes article bytes, or returns undefined for binary data. */
export function decodeText(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    // not UTF-8: try the legacy Chinese encodings, keeping the one with fewer replacement characters
  }
  let best: string | undefined;
  let bestBad = Infinity;
  for (const encoding of ["gb18030", "big5"]) {
    try {
      const text = new TextDecoder(encoding).decode(bytes);
      const bad = (text.match(/\uFFFD/g) ?? []).length;
      if (bad < bestBad) {
        best = text;
        bestBad = bad;
      }
    } catch {
      // encoding not available in this Node build
    }
  }
  if (best === undefined || bestBad > best.length / 100) return undefined;
  return best;
}
