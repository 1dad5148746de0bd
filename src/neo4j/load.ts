import neo4j, { Neo4jError, type ManagedTransaction, type Session } from "neo4j-driver";
import { EDGE_TYPES, NODE_LABELS, type NodeLabel } from "../../schema/graph.ts";
import { PROPERTY_TYPES, RELATIONSHIP_ENDS } from "../../schema/neo4j.ts";
import { UserError } from "../user-error.ts";
import { connectNeo4j, displayUri, neo4jSettings, reasonOf, type ConnectionFlags } from "./connection.ts";
import { openBuildGraph, readGraph } from "./read-graph.ts";
import { toBatches, type Batch, type PropertyValue } from "./rows.ts";
import {
  constraintStatements,
  countNodes,
  countRelationships,
  deleteStaleNodes,
  deleteStaleRelationships,
  upsertNodes,
  upsertRelationships,
} from "./statements.ts";

/** Options of `quotegraph load` (and `build --neo4j`). */
export interface LoadOptions {
  dataDir: string;
  batchSize: number;
  connection?: ConnectionFlags;
  /** seconds to keep retrying while Neo4j is unreachable (starting up); default 60 */
  waitSeconds?: number;
  onProgress?: (message: string) => void;
  /** one line per element of graph.json that was skipped, and why */
  onIssue?: (message: string) => void;
}

/** What a load did and what the database holds afterwards. */
export interface LoadSummary {
  buildId: string;
  nodes: Record<NodeLabel, number>;
  relationships: number;
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
  nodesDeleted: number;
  relationshipsDeleted: number;
  skipped: number;
}

/** Rows per transaction of the stale sweep. */
const SWEEP_SLICE = 10_000;

// integers must travel as Neo4j integers: the driver sends every JavaScript number as a float
const LONG_KEYS = new Set([...PROPERTY_TYPES].filter(([, type]) => type === "long").map(([name]) => name));

/** Properties as the loader sends them: integer attributes (mentions) as Neo4j integers, the rest as they are. */
export function toDriverProps(props: Record<string, PropertyValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) out[k] = LONG_KEYS.has(k) && typeof v === "number" ? neo4j.int(v) : v;
  return out;
}

function statementOf(batch: Batch): string {
  return batch.kind === "nodes" ? upsertNodes(batch.label) : upsertRelationships(batch.type, batch.from, batch.to);
}

/**
 * Loads a build's graph.json into Neo4j so that the database ends equal to the build: constraints first, then every
 * node and relationship in batches of `batchSize` rows (one transaction each, so a failure leaves no half-written
 * batch), stamped with the build id; then whatever carries another stamp, or none, is deleted. A load that fails
 * deletes nothing and can be run again; loading the same build twice writes nothing the second time.
 */
export async function loadIntoNeo4j(options: LoadOptions): Promise<LoadSummary> {
  const graph = await openBuildGraph(options.dataDir);
  const settings = await neo4jSettings(options.connection);
  const driver = await connectNeo4j(settings, {
    waitSeconds: options.waitSeconds ?? 60,
    ...(options.onProgress ? { onWait: options.onProgress } : {}),
  });
  const session = driver.session({
    defaultAccessMode: neo4j.session.WRITE,
    ...(settings.database ? { database: settings.database } : {}),
  });
  const summary: LoadSummary = {
    buildId: graph.buildId,
    nodes: Object.fromEntries(NODE_LABELS.map((l) => [l, 0])) as Record<NodeLabel, number>,
    relationships: 0,
    nodesCreated: 0,
    relationshipsCreated: 0,
    propertiesSet: 0,
    nodesDeleted: 0,
    relationshipsDeleted: 0,
    skipped: 0,
  };
  let phase = "creating constraints";
  try {
    for (const statement of constraintStatements()) await session.executeWrite((tx) => tx.run(statement));
    phase = "writing the build";
    await writeBatches(session, graph, options, summary);
    phase = "deleting what the build no longer has";
    options.onProgress?.(`deleting nodes and relationships that build ${graph.buildId} no longer has`);
    await sweep(session, graph.buildId, summary);
    phase = "counting";
    await countAll(session, summary);
    return summary;
  } catch (error) {
    // a database error is an expected failure (server gone, out of memory): one line; anything else is a bug
    if (!(error instanceof Neo4jError)) throw error;
    throw new UserError(
      `Neo4j load into ${displayUri(settings.uri)} stopped while ${phase}: ${reasonOf(error)}. ` +
        `Every batch is one transaction and nothing stale is deleted before all is written: run the load again.`,
    );
  } finally {
    await session.close();
    await driver.close();
  }
}

async function writeBatches(
  session: Session,
  graph: { path: string; buildId: string },
  options: LoadOptions,
  summary: LoadSummary,
): Promise<void> {
  const onIssue = (message: string): void => {
    summary.skipped++;
    options.onIssue?.(message);
  };
  const rows = { nodes: 0, relationships: 0 };
  let lastReport = Date.now();
  const batches = toBatches(readGraph(graph.path, onIssue), {
    batchSize: options.batchSize,
    buildId: graph.buildId,
    onIssue,
  });
  for await (const batch of batches) {
    const params = {
      rows: batch.rows.map((r) => ({ ...r, props: toDriverProps(r.props) })),
    };
    const counters = await session.executeWrite(async (tx: ManagedTransaction) => {
      const result = await tx.run(statementOf(batch), params);
      return result.summary.counters.updates();
    });
    summary.nodesCreated += counters["nodesCreated"] ?? 0;
    summary.relationshipsCreated += counters["relationshipsCreated"] ?? 0;
    summary.propertiesSet += counters["propertiesSet"] ?? 0;
    rows[batch.kind] += batch.rows.length;
    if (Date.now() - lastReport > 2000) {
      lastReport = Date.now();
      options.onProgress?.(`written ${rows.nodes} nodes, ${rows.relationships} relationships`);
    }
  }
  options.onProgress?.(`written ${rows.nodes} nodes, ${rows.relationships} relationships (build ${graph.buildId})`);
}

async function sweep(session: Session, buildId: string, summary: LoadSummary): Promise<void> {
  const run = async (statement: string): Promise<void> => {
    for (;;) {
      const { deleted, counters } = await session.executeWrite(async (tx) => {
        const result = await tx.run(statement, { buildId, limit: neo4j.int(SWEEP_SLICE) });
        return { deleted: Number(result.records[0]?.get("deleted") ?? 0), counters: result.summary.counters.updates() };
      });
      summary.nodesDeleted += counters["nodesDeleted"] ?? 0;
      summary.relationshipsDeleted += counters["relationshipsDeleted"] ?? 0;
      if (deleted < SWEEP_SLICE) return;
    }
  };
  for (const type of EDGE_TYPES) await run(deleteStaleRelationships(type));
  for (const label of NODE_LABELS) await run(deleteStaleNodes(label));
}

async function countAll(session: Session, summary: LoadSummary): Promise<void> {
  const count = async (statement: string): Promise<number> =>
    session.executeRead(async (tx) => Number((await tx.run(statement)).records[0]?.get("count") ?? 0));
  for (const label of NODE_LABELS) summary.nodes[label] = await count(countNodes(label));
  summary.relationships = 0;
  for (const { type, from, to } of RELATIONSHIP_ENDS)
    summary.relationships += await count(countRelationships(type, from, to));
}
