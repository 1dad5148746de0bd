import neo4j, { type Driver } from "neo4j-driver";
import { NODE_LABELS } from "../../schema/graph.ts";
import { RELATIONSHIP_ENDS } from "../../schema/neo4j.ts";
import type { PropertyValue } from "./rows.ts";
import { distinctBuildStamps, readNodes, readRelationships, sampleBuildStamp } from "./statements.ts";
import {
  UNSTAMPED,
  assembleStoredGraph,
  type StoredGraph,
  type StoredNode,
  type StoredRelationship,
} from "./stored-graph.ts";

/** A driver value as JavaScript: Neo4j integers (mentions) become numbers, in lists too. */
function plainValue(value: unknown): unknown {
  if (neo4j.isInt(value)) return value.toNumber();
  if (Array.isArray(value)) return value.map(plainValue);
  return value;
}

/**
 * Properties as the driver returns them, with plain numbers: the loader writes integer attributes as Neo4j integers
 * (load.ts), which come back as the driver's Integer objects; every one the model has (mentions) is far below 2^53.
 * Values of other types are passed on as they are, for the export contract's check to name.
 */
export function plainProperties(props: unknown): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const [name, value] of Object.entries((props ?? {}) as Record<string, unknown>))
    out[name] = plainValue(value) as PropertyValue;
  return out;
}

const sessionConfig = (database: string | undefined) => ({
  defaultAccessMode: neo4j.session.READ,
  ...(database ? { database } : {}),
});

/**
 * Reads the whole quotegraph graph Neo4j holds (every node of the five labels, every relationship between the label
 * pairs of the model) in one read transaction, streaming the records, and rebuilds the graph graph.json would give
 * (stored-graph.ts). The statements are fixed (statements.ts): nothing of a request reaches them.
 */
export async function readGraphFromNeo4j(driver: Driver, database?: string): Promise<StoredGraph> {
  const session = driver.session(sessionConfig(database));
  try {
    // executeRead may run the function again after a transient error: it starts from empty lists each time
    const { nodes, relationships } = await session.executeRead(async (tx) => {
      const nodes: StoredNode[] = [];
      const relationships: StoredRelationship[] = [];
      for (const label of NODE_LABELS)
        for await (const record of tx.run(readNodes(label)))
          nodes.push({ label, props: plainProperties(record.get("props")) });
      for (const { type, from, to } of RELATIONSHIP_ENDS)
        for await (const record of tx.run(readRelationships(type, from, to)))
          relationships.push({
            type,
            source: String(record.get("source")),
            target: String(record.get("target")),
            props: plainProperties(record.get("props")),
          });
      return { nodes, relationships };
    });
    return assembleStoredGraph(nodes, relationships);
  } finally {
    await session.close();
  }
}

/** Every distinct build stamp in the database, sorted ({@link UNSTAMPED} for elements without one); [] when empty. */
export async function readBuildStamps(driver: Driver, database?: string): Promise<string[]> {
  const session = driver.session(sessionConfig(database));
  try {
    const records = await session.executeRead(async (tx) => (await tx.run(distinctBuildStamps())).records);
    const stamps = records.map((r) => r.get("buildId") as unknown);
    return [...new Set(stamps.map((s) => (typeof s === "string" ? s : UNSTAMPED)))].sort();
  } finally {
    await session.close();
  }
}

/** The build stamp of one article, or undefined when Neo4j holds no article. */
export async function readSampleStamp(driver: Driver, database?: string): Promise<string | undefined> {
  const session = driver.session(sessionConfig(database));
  try {
    const records = await session.executeRead(async (tx) => (await tx.run(sampleBuildStamp())).records);
    if (records.length === 0) return undefined;
    const stamp = records[0]!.get("buildId") as unknown;
    return typeof stamp === "string" ? stamp : UNSTAMPED;
  } finally {
    await session.close();
  }
}
