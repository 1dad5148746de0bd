import neo4j, { type Driver } from "neo4j-driver";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { GraphExport, type NodeLabel, type EdgeType } from "../../schema/graph.ts";
import { UserError } from "../user-error.ts";
import {
  COUNT_NODES,
  COUNT_RELATIONSHIPS,
  constraintStatements,
  UPSERT_NODES,
  UPSERT_RELATIONSHIPS,
} from "./statements.ts";

/** Options of `quotegraph load`. */
export interface LoadOptions {
  dataDir: string;
  batchSize: number;
  onProgress?: (message: string) => void;
}

/** Connection settings from the environment: secrets never come from the command line. */
export function neo4jSettings(env = process.env): { uri: string; user: string; password: string; database?: string } {
  const uri = env["NEO4J_URI"];
  if (!uri) throw new UserError("NEO4J_URI is not set (for example bolt://127.0.0.1:7687).", 2);
  const settings: { uri: string; user: string; password: string; database?: string } = {
    uri,
    user: env["NEO4J_USER"] ?? env["NEO4J_USERNAME"] ?? "neo4j",
    password: env["NEO4J_PASSWORD"] ?? "",
  };
  if (env["NEO4J_DATABASE"]) settings.database = env["NEO4J_DATABASE"];
  return settings;
}

/** Neo4j properties must be scalars or lists of scalars: nested values (evidence, merge reasons) go as JSON text. */
export function toProperties(attrs: Record<string, unknown>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number")) props[k] = v;
    else if (typeof v === "object") props[k] = JSON.stringify(v);
    else props[k] = v;
  }
  if (Array.isArray(attrs["aliases"])) props["aliasText"] = (attrs["aliases"] as string[]).join(" ");
  return props;
}

/** The node and relationship rows of a graph export, grouped by label and type, ready for UNWIND batches. */
export function toRows(data: GraphExport): {
  nodes: Map<NodeLabel, { key: string; props: Record<string, unknown> }[]>;
  relationships: Map<EdgeType, { source: string; target: string; props: Record<string, unknown> }[]>;
} {
  const nodes = new Map<NodeLabel, { key: string; props: Record<string, unknown> }[]>();
  for (const n of data.nodes) {
    const rows = nodes.get(n.attributes.label) ?? [];
    rows.push({ key: n.key, props: toProperties({ ...n.attributes, key: n.key }) });
    nodes.set(n.attributes.label, rows);
  }
  const relationships = new Map<EdgeType, { source: string; target: string; props: Record<string, unknown> }[]>();
  for (const e of data.edges) {
    const rows = relationships.get(e.attributes.type) ?? [];
    const { type: _type, ...rest } = e.attributes;
    rows.push({ source: e.source, target: e.target, props: toProperties(rest) });
    relationships.set(e.attributes.type, rows);
  }
  return { nodes, relationships };
}

/** Loads graph.json into Neo4j in batched, idempotent transactions (constraints first). */
export async function loadIntoNeo4j(
  options: LoadOptions,
  driver?: Driver,
): Promise<{ nodes: number; relationships: number }> {
  let raw: string;
  try {
    raw = await readFile(join(options.dataDir, "graph.json"), "utf8");
  } catch {
    throw new UserError(`No graph.json in ${options.dataDir}: run \`quotegraph build\` first.`, 2);
  }
  const parsed = GraphExport.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new UserError(`${options.dataDir}/graph.json does not follow the export contract.`, 2);
  const settings = neo4jSettings();
  const own = driver ?? neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password));
  const session = own.session(settings.database ? { database: settings.database } : {});
  try {
    try {
      await own.verifyConnectivity();
    } catch (error) {
      throw new UserError(`Cannot reach Neo4j at ${settings.uri}: ${(error as Error).message.split("\n")[0]}`);
    }
    for (const statement of constraintStatements()) await session.executeWrite((tx) => tx.run(statement));
    const { nodes, relationships } = toRows(parsed.data);
    for (const [label, rows] of nodes) {
      for (let i = 0; i < rows.length; i += options.batchSize) {
        const batch = rows.slice(i, i + options.batchSize);
        await session.executeWrite((tx) => tx.run(UPSERT_NODES[label], { rows: batch }));
        options.onProgress?.(`${label}: ${Math.min(i + options.batchSize, rows.length)}/${rows.length}`);
      }
    }
    for (const [type, rows] of relationships) {
      for (let i = 0; i < rows.length; i += options.batchSize) {
        const batch = rows.slice(i, i + options.batchSize);
        await session.executeWrite((tx) => tx.run(UPSERT_RELATIONSHIPS[type], { rows: batch }));
        options.onProgress?.(`${type}: ${Math.min(i + options.batchSize, rows.length)}/${rows.length}`);
      }
    }
    const n = await session.executeRead((tx) => tx.run(COUNT_NODES));
    const r = await session.executeRead((tx) => tx.run(COUNT_RELATIONSHIPS));
    return { nodes: Number(n.records[0]?.get("count") ?? 0), relationships: Number(r.records[0]?.get("count") ?? 0) };
  } finally {
    await session.close();
    if (!driver) await own.close();
  }
}
