import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { EDGE_TYPES, NODE_LABELS, type EdgeType, type NodeLabel } from "../../schema/graph.ts";
import { BUILD_ID_PROPERTY, RELATIONSHIP_ENDS } from "../../schema/neo4j.ts";

/**
 * Every Cypher statement quotegraph sends to Neo4j or writes into an export. Labels and relationship types come from
 * the fixed lists of schema/, never from user text; values travel as parameters (`$rows`), or as literals built by
 * cypher-literal.ts in the Cypher export. All of them are linted against the schema in test/src/neo4j-cypher.test.ts.
 */

const STAMP = BUILD_ID_PROPERTY;

/**
 * Upserts one label's rows. MERGE on `key` is served by the label's uniqueness constraint. A node already stamped
 * with this build is left alone, so loading the same build twice writes nothing; otherwise `SET n = row.props`
 * replaces every property, so attributes a rebuild dropped disappear too.
 */
export function upsertNodes(label: NodeLabel, rows = "$rows"): string {
  return [
    `UNWIND ${rows} AS row`,
    `MERGE (n:${label} {key: row.key})`,
    `WITH n, row WHERE n.${STAMP} IS NULL OR n.${STAMP} <> row.props.${STAMP}`,
    `SET n = row.props`,
  ].join("\n");
}

/**
 * Upserts relationships of one type between two labels. Both ends are matched by label and key, so each row is two
 * index seeks on the uniqueness constraints, never a scan of every node.
 */
export function upsertRelationships(type: EdgeType, from: NodeLabel, to: NodeLabel, rows = "$rows"): string {
  return [
    `UNWIND ${rows} AS row`,
    // equality in WHERE plans the same unique-index seek as a {key: …} pattern (and keeps the linter exact)
    `MATCH (a:${from}) WHERE a.key = row.source`,
    `MATCH (b:${to}) WHERE b.key = row.target`,
    `MERGE (a)-[r:${type}]->(b)`,
    `WITH r, row WHERE r.${STAMP} IS NULL OR r.${STAMP} <> row.props.${STAMP}`,
    `SET r = row.props`,
  ].join("\n");
}

/**
 * Deletes, a slice at a time, the nodes of one label that the loaded build does not have (no stamp, or another
 * build's). Runs only after every row of the build is written, so a failed load never removes anything.
 */
export function deleteStaleNodes(label: NodeLabel): string {
  return [
    `MATCH (n:${label}) WHERE n.${STAMP} IS NULL OR n.${STAMP} <> $buildId`,
    `WITH n LIMIT $limit`,
    `DETACH DELETE n`,
    `RETURN count(*) AS deleted`,
  ].join("\n");
}

/** Deletes, a slice at a time, the relationships of one type that the loaded build does not have. */
export function deleteStaleRelationships(type: EdgeType): string {
  return [
    `MATCH ()-[r:${type}]->() WHERE r.${STAMP} IS NULL OR r.${STAMP} <> $buildId`,
    `WITH r LIMIT $limit`,
    `DELETE r`,
    `RETURN count(*) AS deleted`,
  ].join("\n");
}

/** The Cypher export's one-transaction version of the stale sweep, with the build id as a literal. */
export function deleteStaleScript(buildIdLiteral: string): string[] {
  return [
    ...EDGE_TYPES.map(
      (t) => `MATCH ()-[r:${t}]->() WHERE r.${STAMP} IS NULL OR r.${STAMP} <> ${buildIdLiteral}\nDELETE r`,
    ),
    ...NODE_LABELS.map(
      (l) => `MATCH (n:${l}) WHERE n.${STAMP} IS NULL OR n.${STAMP} <> ${buildIdLiteral}\nDETACH DELETE n`,
    ),
  ];
}

/** Counts the nodes of one label, for the load summary and the integration test. */
export function countNodes(label: NodeLabel): string {
  return `MATCH (n:${label}) RETURN count(n) AS count`;
}

/** Counts the relationships of one type between two labels. */
export function countRelationships(type: EdgeType, from: NodeLabel, to: NodeLabel): string {
  return `MATCH (:${from})-[r:${type}]->(:${to}) RETURN count(r) AS count`;
}

/** Every statement the loader sends with parameters, named, for the linter and the integration test. */
export function loaderStatements(): [string, string][] {
  return [
    ...constraintStatements().map((s, i): [string, string] => [`constraint ${i + 1}`, s]),
    ...NODE_LABELS.map((l): [string, string] => [`upsert ${l}`, upsertNodes(l)]),
    ...RELATIONSHIP_ENDS.map(({ type, from, to }): [string, string] => [
      `upsert ${from}-${type}->${to}`,
      upsertRelationships(type, from, to),
    ]),
    ...EDGE_TYPES.map((t): [string, string] => [`sweep ${t}`, deleteStaleRelationships(t)]),
    ...NODE_LABELS.map((l): [string, string] => [`sweep ${l}`, deleteStaleNodes(l)]),
    ...NODE_LABELS.map((l): [string, string] => [`count ${l}`, countNodes(l)]),
    ...RELATIONSHIP_ENDS.map(({ type, from, to }): [string, string] => [
      `count ${from}-${type}->${to}`,
      countRelationships(type, from, to),
    ]),
  ];
}

/** Reads every node of one label with its properties (the viewer's server, src/neo4j/read-neo4j.ts). */
export function readNodes(label: NodeLabel): string {
  return `MATCH (n:${label}) RETURN properties(n) AS props`;
}

/** Reads every relationship of one type between two labels, with the keys of its ends and its properties. */
export function readRelationships(type: EdgeType, from: NodeLabel, to: NodeLabel): string {
  return `MATCH (a:${from})-[r:${type}]->(b:${to}) RETURN a.key AS source, b.key AS target, properties(r) AS props`;
}

/**
 * Every distinct build stamp on quotegraph's nodes and relationships (null for an element without one). One stamp:
 * a load finished; more: a load is under way or stopped half-way. Reads every element, so the server runs it only
 * once {@link sampleBuildStamp} has seen a stamp other than the one it serves.
 */
export function distinctBuildStamps(): string {
  return [
    ...NODE_LABELS.map((l) => `MATCH (n:${l}) RETURN DISTINCT n.${STAMP} AS buildId`),
    ...EDGE_TYPES.map((t) => `MATCH ()-[r:${t}]->() RETURN DISTINCT r.${STAMP} AS buildId`),
  ].join("\nUNION\n");
}

/**
 * The stamp of one article: a load restamps every node, so once this one carries the served build's stamp no load
 * has finished since (one index-free read, where {@link distinctBuildStamps} reads everything).
 */
export function sampleBuildStamp(): string {
  return `MATCH (n:Article) RETURN n.${STAMP} AS buildId LIMIT 1`;
}

/** Every statement the viewer's server sends, named, for the linter; none takes a parameter. */
export function readerStatements(): [string, string][] {
  return [
    ...NODE_LABELS.map((l): [string, string] => [`read ${l}`, readNodes(l)]),
    ...RELATIONSHIP_ENDS.map(({ type, from, to }): [string, string] => [
      `read ${from}-${type}->${to}`,
      readRelationships(type, from, to),
    ]),
    ["distinct build stamps", distinctBuildStamps()],
    ["sample build stamp", sampleBuildStamp()],
  ];
}

/** The parameters the loader's statements take (for the linter, which refuses undeclared ones). */
export const LOADER_PARAMETERS = { rows: [], buildId: "", limit: 0 } as const;

/** The constraints and indexes of schema/constraints.cypher, one statement each. */
export function constraintStatements(): string[] {
  const file = fileURLToPath(new URL("../../schema/constraints.cypher", import.meta.url));
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() && !line.trim().startsWith("//"))
    .join("\n")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}
