import { createHash } from "node:crypto";
import { readFile, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { AtomicFile } from "./atomic-file.ts";
import { CACHE_DIR } from "./article-cache.ts";

/**
 * What a finished build was made from and what it wrote: `.quotegraph-cache/manifest.json`. When a new build has
 * the same code version, settings and inputs (paths and content keys) and the outputs are still the ones written,
 * there is nothing to do. It is a file quotegraph writes and reads itself; the schema guards against a damaged one.
 */
export const BuildManifest = z.object({
  version: z.string(),
  settings: z.string(),
  inputs: z.string(),
  /** Number of input files: a build with another number starts a worker early. */
  files: z.number(),
  outputs: z.record(z.string(), z.object({ size: z.number(), mtimeMs: z.number() })),
});
export type BuildManifest = z.infer<typeof BuildManifest>;

/** Where the manifest of the build in `outDir` lives. */
export const manifestPath = (outDir: string): string => join(outDir, CACHE_DIR, "manifest.json");

/** A hash of the build's inputs in order: each path with its content key ("-" for a file that could not be read). */
export function hashInputs(files: string[], keys: (string | undefined)[]): string {
  const hash = createHash("sha256");
  files.forEach((file, i) => hash.update(`${file}\u0000${keys[i] ?? "-"}\n`));
  return hash.digest("hex");
}

/** The previous build's manifest, or undefined. */
export async function readManifest(outDir: string): Promise<BuildManifest | undefined> {
  try {
    return BuildManifest.parse(JSON.parse(await readFile(manifestPath(outDir), "utf8")));
  } catch {
    return undefined;
  }
}

/** True when every output the manifest lists is still there, with the size and time it was written with. */
export async function outputsIntact(outDir: string, manifest: BuildManifest): Promise<boolean> {
  for (const [name, expected] of Object.entries(manifest.outputs)) {
    const info = await stat(join(outDir, name)).catch(() => undefined);
    if (!info || info.size !== expected.size || info.mtimeMs !== expected.mtimeMs) return false;
  }
  return true;
}

/** Records the outputs as they are now, after they were renamed into place. */
export async function writeManifest(
  outDir: string,
  base: Omit<BuildManifest, "outputs">,
  outputNames: string[],
): Promise<void> {
  const outputs: BuildManifest["outputs"] = {};
  for (const name of outputNames) {
    const info = await stat(join(outDir, name));
    outputs[name] = { size: info.size, mtimeMs: info.mtimeMs };
  }
  const file = await AtomicFile.create(manifestPath(outDir));
  await file.write(JSON.stringify({ ...base, outputs }, null, 2));
  await file.commit();
}

/** Deletes the manifest, so that the next build runs in full. */
export async function forgetManifest(outDir: string): Promise<void> {
  await unlink(manifestPath(outDir)).catch(() => undefined);
}
