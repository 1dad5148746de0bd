import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// Everything that can change what a build writes: the pipeline, the data model and lexicons, the build itself.
const SOURCE_FOLDERS = ["ingest", "schema", "src"];
const SOURCE_FILE = /\.(ts|mts|mjs|js|json)$/;
// Libraries whose output the extraction depends on: a new jieba dictionary or opencc table changes the results.
const LIBRARIES = ["@node-rs/jieba", "opencc-js", "cheerio", "yaml", "pinyin-pro", "graphology", "domhandler"];

let cached: Promise<string> | undefined;

/**
 * A hash of quotegraph's sources (ingest/, schema/, src/ with the lexicons) and of the versions of the libraries
 * the extraction uses. The article cache and the build manifest are valid only for the version that wrote them,
 * so a changed rule, lexicon entry or library invalidates them. Hashing about 60 files takes a few milliseconds.
 */
export function codeVersion(): Promise<string> {
  cached ??= computeVersion();
  return cached;
}

async function computeVersion(): Promise<string> {
  const hash = createHash("sha256");
  for (const folder of SOURCE_FOLDERS) {
    const entries = await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile() && SOURCE_FILE.test(e.name))
      .map((e) => relative(ROOT, join(e.parentPath, e.name)))
      .sort();
    for (const file of files)
      hash
        .update(`${file}\u0000`)
        .update(await readFile(join(ROOT, file)))
        .update("\u0000");
  }
  for (const library of LIBRARIES) {
    const manifest = await readFile(join(ROOT, "node_modules", library, "package.json"), "utf8").catch(() => "{}");
    hash.update(`${library}@${(JSON.parse(manifest) as { version?: string }).version ?? "?"}\u0000`);
  }
  return hash.digest("hex").slice(0, 32);
}
