import { DirectedGraph } from "graphology";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { GraphExport } from "../schema/graph.ts";
import { UserError } from "./user-error.ts";

/** A graph of the export contract held in memory (read from a build folder or from Neo4j), with its version. */
export interface LoadedGraph {
  graph: DirectedGraph;
  /**
   * Identifies the graph: changes whenever the build does. For a build folder, the first 16 hex digits of graph.json's
   * SHA-256, the build id `quotegraph load` stamps into Neo4j, so a build served from Neo4j has the same version.
   */
  version: string;
  /** The build's report.json, or null when there is none (it is optional for serving; Neo4j holds none). */
  report: unknown;
}

/** Loads graph.json from a build folder and validates it against the export contract. */
export async function loadGraphIndex(dataDir: string): Promise<LoadedGraph> {
  const file = join(dataDir, "graph.json");
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new UserError(`No graph.json in ${dataDir}: run \`quotegraph build <articles> --out ${dataDir}\` first.`, 2);
  }
  const version = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  let text: string;
  try {
    text = bytes.toString("utf8");
  } catch {
    // V8 strings stop at 512 MiB of UTF-16; the Citizen News archive's graph.json (520 MB of UTF-8) still fits
    throw new UserError(`${file} is too large to load whole (${Math.round(bytes.length / 2 ** 20)} MiB).`, 2);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file} is not valid JSON (${(error as Error).message}).`, 2);
  }
  const parsed = GraphExport.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`${file} does not follow the export contract at ${issue.path.join(".")}: ${issue.message}`, 2);
  }
  // the schema strips attributes it does not name; import the file as written so none is lost
  const graph = new DirectedGraph();
  graph.import(json as Parameters<DirectedGraph["import"]>[0]);
  let report: unknown = null;
  try {
    report = JSON.parse(await readFile(join(dataDir, "report.json"), "utf8"));
  } catch {
    // report.json is optional for serving
  }
  return { graph, version, report };
}
