import { lintCypherQuery, testData, type DbSchema } from "@neo4j-cypher/language-support";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { EDGE_TYPES, NODE_LABELS } from "../../schema/graph.ts";
import { NEO4J_PROCEDURES, RELATIONSHIP_ENDS, allPropertyKeys } from "../../schema/neo4j.ts";

/**
 * Helpers shared by the Cypher lint test and the real-server integration test: the database schema the linter checks
 * against, built from schema/, and the ```cypher queries of the README, found the same way by both.
 */

// Signatures of Neo4j 5's procedures and built-in functions as `SHOW PROCEDURES` / `SHOW FUNCTIONS` report them,
// recorded in the language-support package (testData.mockSchema, the pinned 2.0.0-next.38). Only built-ins count as
// functions, so a query that needs a plugin such as APOC (not in the neo4j:5 image) fails the lint.
const RECORDED = testData.mockSchema as Required<Pick<DbSchema, "functions" | "procedures">>;

/** The DbSchema of the quotegraph model: labels, types, property keys, the procedures it calls, built-in functions. */
export function quotegraphDbSchema(parameters: Record<string, unknown> = {}): DbSchema {
  const recordedProcedures = RECORDED.procedures["CYPHER 5"] ?? {};
  const procedures = Object.fromEntries(
    NEO4J_PROCEDURES.map((name) => {
      const signature = recordedProcedures[name];
      if (!signature) throw new Error(`no recorded signature for procedure ${name}`);
      return [name, signature];
    }),
  );
  const functions = Object.fromEntries(
    Object.entries(RECORDED.functions["CYPHER 5"] ?? {}).filter(([, f]) => f.isBuiltIn),
  );
  return {
    labels: [...NODE_LABELS],
    relationshipTypes: [...EDGE_TYPES],
    propertyKeys: allPropertyKeys(),
    procedures: { "CYPHER 5": procedures },
    functions: { "CYPHER 5": functions },
    graphSchema: RELATIONSHIP_ENDS.map((e) => ({ from: e.from, to: e.to, relType: e.type })),
    parameters,
    defaultLanguage: "CYPHER 5",
  };
}

/** Every error and warning of Neo4j's own front end on a statement, as "line:column message". */
export function lintProblems(statement: string, schema: DbSchema): string[] {
  return lintCypherQuery(statement, schema, { consoleCommandsEnabled: false }).diagnostics.map(
    (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`,
  );
}

/** A ```cypher block of the README with the line before it, which says what the query answers. */
export interface ReadmeQuery {
  title: string;
  query: string;
  line: number;
}

/** The README's ```cypher blocks, in order, each with its one-line description. */
export function readmeCypherQueries(markdown: string): ReadmeQuery[] {
  const lines = markdown.split("\n");
  const queries: ReadmeQuery[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== "```cypher") continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === "```");
    if (end < 0) throw new Error(`README line ${i + 1}: a cypher block that never ends`);
    let t = i - 1;
    while (t >= 0 && lines[t]!.trim() === "") t--;
    queries.push({
      title: t >= 0 ? lines[t]!.trim() : "",
      query: lines
        .slice(i + 1, end)
        .join("\n")
        .trim()
        .replace(/;$/, ""),
      line: i + 2,
    });
    i = end;
  }
  return queries;
}

/** The README of this checkout. */
export function readReadme(): string {
  return readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");
}
