import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { cypherString, rowsLiteral } from "./cypher-literal.ts";
import { shellQuote } from "./export-csv.ts";
import { openBuildGraph, readGraph } from "./read-graph.ts";
import { toBatches } from "./rows.ts";
import { constraintStatements, deleteStaleScript, upsertNodes, upsertRelationships } from "./statements.ts";
import { StreamFile } from "./stream-file.ts";

/** Options of `quotegraph export --format cypher`. */
export interface ExportOptions {
  dataDir: string;
  out: string;
  batchSize: number;
  onIssue?: (message: string) => void;
}

/** What an export wrote. */
export interface ExportSummary {
  buildId: string;
  nodes: number;
  relationships: number;
  skipped: number;
  statements: number;
}

/**
 * Writes a build as one Cypher script: constraints and indexes, then the data in `UNWIND` batches of literal rows,
 * then the removal of whatever an earlier build left behind, every statement ending in `;`. It runs with
 * `cypher-shell -f` (each statement its own transaction) or pasted into Neo4j Browser, and does what
 * `quotegraph load` does: the same statements, with the rows written into them.
 */
export async function exportCypher(options: ExportOptions): Promise<ExportSummary> {
  const graph = await openBuildGraph(options.dataDir);
  const summary: ExportSummary = { buildId: graph.buildId, nodes: 0, relationships: 0, skipped: 0, statements: 0 };
  const onIssue = (message: string): void => {
    summary.skipped++;
    options.onIssue?.(message);
  };
  await mkdir(dirname(options.out), { recursive: true });
  const file = new StreamFile(options.out);
  const statement = async (text: string): Promise<void> => {
    summary.statements++;
    await file.write(`${text};\n`);
  };
  try {
    await file.write(
      `// quotegraph export of ${graph.path}, build ${graph.buildId}.\n` +
        `// Run: cypher-shell -a bolt://127.0.0.1:7687 -u neo4j -p "$NEO4J_PASSWORD" -f ${shellQuote(options.out)}\n` +
        `// Every node and relationship is stamped buildId '${graph.buildId}'; the last statements delete the rest.\n`,
    );
    for (const s of constraintStatements()) await statement(s);
    for await (const batch of toBatches(readGraph(graph.path, onIssue), {
      batchSize: options.batchSize,
      buildId: graph.buildId,
      onIssue,
    })) {
      const rows = rowsLiteral(batch);
      if (batch.kind === "nodes") {
        summary.nodes += batch.rows.length;
        await statement(upsertNodes(batch.label, rows));
      } else {
        summary.relationships += batch.rows.length;
        await statement(upsertRelationships(batch.type, batch.from, batch.to, rows));
      }
    }
    for (const s of deleteStaleScript(cypherString(graph.buildId))) await statement(s);
    await file.commit();
    return summary;
  } catch (error) {
    await file.abort();
    throw error;
  }
}
