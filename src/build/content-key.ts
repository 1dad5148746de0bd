import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { MAX_FILE_BYTES } from "../read-inputs.ts";

/**
 * The cache key of a file's content: a hash of its bytes and of its extension, which picks the format reader
 * (.html is read as a web page, .md as Markdown). The path itself is left out, so a moved folder keeps its cache.
 */
export function contentKey(file: string, bytes: Uint8Array): string {
  return createHash("sha256").update(extname(file).toLowerCase()).update("\u0000").update(bytes).digest("hex");
}

/** The content key of a file, or undefined when it cannot be read here (its reader then says why). */
export function hashFile(file: string): string | undefined {
  try {
    const info = statSync(file);
    if (!info.isFile() || info.size === 0 || info.size > MAX_FILE_BYTES) return undefined;
    return contentKey(file, readFileSync(file));
  } catch {
    return undefined;
  }
}
