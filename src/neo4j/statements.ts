import { readFileSync } from "node:fs";
import { EDGE_TYPES, NODE_LABELS, type EdgeType, type NodeLabel } from "../../schema/graph.ts";
import { fileURLToPath } from "node:url";

/**
 * Every Cypher statement quotegraph sends to Neo4j. Labels and relationship types come from the fixed lists of
 * schema/graph.ts, never from user text; all values travel as parameters. MERGE on `key` makes loads idempotent.
 */
export const UPSERT_NODES = Object.fromEntries(
  NODE_LABELS.map((label) => [label, `UNWIND $rows AS row\nMERGE (n:${label} {key: row.key})\nSET n += row.props`]),
) as Record<NodeLabel, string>;

/** The labels each relationship type joins: source (undefined = any entity) and target. */
const RELATIONSHIP_ENDS: Record<EdgeType, [NodeLabel | undefined, NodeLabel]> = {
  MENTIONED_IN: [undefined, "Article"],
  SAID: [undefined, "Quote"],
  QUOTED_IN: ["Quote", "Article"],
  SAID_AT: ["Quote", "Meeting"],
  ATTENDED: ["Person", "Meeting"],
};

/** Relationship upserts, one per edge type of the export contract. */
export const UPSERT_RELATIONSHIPS = Object.fromEntries(
  EDGE_TYPES.map((type) => {
    const [from, to] = RELATIONSHIP_ENDS[type];
    const source = from ? `(a:${from} {key: row.source})` : "(a {key: row.source})";
    return [
      type,
      `UNWIND $rows AS row\nMATCH ${source}\nMATCH (b:${to} {key: row.target})\nMERGE (a)-[r:${type}]->(b)\nSET r += row.props`,
    ];
  }),
) as Record<EdgeType, string>;

/** Counts what the database holds, for the load summary and the integration test. */
export const COUNT_NODES = `MATCH (n) WHERE n:Person OR n:Org OR n:Meeting OR n:Quote OR n:Article RETURN count(n) AS count`;
export const COUNT_RELATIONSHIPS = `MATCH ()-[r]->() WHERE type(r) IN [${EDGE_TYPES.map((t) => `'${t}'`).join(", ")}] RETURN count(r) AS count`;

/** A cookbook of read queries (documented in the README), all parameterised. */
export const COOKBOOK = {
  quotesBySpeaker: `MATCH (p:Person)-[:SAID]->(q:Quote)-[:QUOTED_IN]->(a:Article)
WHERE p.name = $name OR $name IN p.aliases
RETURN q.text AS quote, q.kind AS kind, a.outlet AS outlet, a.published AS published, a.url AS url
ORDER BY published`,
  attendeesOfMeetingsOn: `MATCH (p:Person)-[r:ATTENDED]->(m:Meeting)
WHERE m.date = $date
RETURN m.name AS meeting, collect(p.name) AS attendees`,
  searchQuotes: `CALL db.index.fulltext.queryNodes('quote_text', $text) YIELD node, score
RETURN node.text AS quote, score ORDER BY score DESC LIMIT 20`,
} as const;

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
