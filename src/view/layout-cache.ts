import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { Community } from "../../schema/api.ts";
import { writeFileAtomic } from "../write-atomic.ts";
import type { LayerLayout } from "./layer-layout.ts";

/** File the server writes beside graph.json so the entity layout is computed once per build, not per start. */
export const LAYOUT_CACHE_FILE = "viewer-layout.json";
// Bump when the entity layer or its layout changes meaning, so old caches are recomputed.
const FORMAT = 2;

const CachedLayout = z.object({
  format: z.literal(FORMAT),
  version: z.string(),
  keys: z.array(z.string()),
  x: z.array(z.number()),
  y: z.array(z.number()),
  community: z.array(z.number().int()),
  communities: z.array(Community),
});

/** The cached layout of this graph version for these node keys, or undefined when absent, stale or malformed. */
export async function readLayoutCache(
  dataDir: string,
  version: string,
  keys: string[],
): Promise<LayerLayout | undefined> {
  let raw: string;
  try {
    raw = await readFile(join(dataDir, LAYOUT_CACHE_FILE), "utf8");
  } catch {
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = CachedLayout.safeParse(json);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  if (c.version !== version || c.keys.length !== keys.length || c.keys.some((k, i) => k !== keys[i])) return undefined;
  return {
    x: Float64Array.from(c.x),
    y: Float64Array.from(c.y),
    community: Int32Array.from(c.community),
    communities: c.communities,
  };
}

/** Writes the layout beside graph.json; returns the reason when the folder is not writable (the caller goes on). */
export async function writeLayoutCache(
  dataDir: string,
  version: string,
  keys: string[],
  layout: LayerLayout,
): Promise<string | undefined> {
  const body = JSON.stringify({
    format: FORMAT,
    version,
    keys,
    x: [...layout.x],
    y: [...layout.y],
    community: [...layout.community],
    communities: layout.communities,
  });
  try {
    await writeFileAtomic(join(dataDir, LAYOUT_CACHE_FILE), body);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  }
}
