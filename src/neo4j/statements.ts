import { readFileSync } from "node:fs";
import { NODE_LABELS, type NodeLabel } from "../../schema/graph.ts";
import { fileURLToPath } from "node:url";

/**
 * Every Cypher statement quotegraph sends to Neo4j. Labels and relationship types come from the fixed lists of
 * schema/graph.ts, never from user text; all values travel as parameters. MERGE on `key` makes loads idempotent.
 */
export const UPSERT_NODES = Object.fromEntries(
  NODE_LABELS.map((label) => [label, `UNWIND $rows AS row\nMERGE (n:${label} {key: row.key})\nSET n += row.props`]),
) as Record<NodeLabel, string>;

/** Relationship upserts, one per edge type of the export contract. */
export const UPSERT_RELATIONSHIPS = {
  MENTIONED_IN: `UNWIND $rows AS row
MATCH (a {key: row.source})
MATCH (b:Article {key: row.target})
MERGE (a)-[r:MENTIONED_IN]->(b)
SET r += row.props`,
  SAID: `UNWIND $rows AS row
MATCH (a {key: row.source})
MATCH (b:Quote {key: row.target})
MERGE (a)-[r:SAID]->(b)
SET r += row.props`,
  QUOTED_IN: `UNWIND $rows AS row
MATCH (a:Quote {key: row.source})
MATCH (b:Article {key: row.target})
MERGE (a)-[r:QUOTED_IN]->(b)
SET r += row.props`,
  SAID_AT: `UNWIND $rows AS row
MATCH (a:Quote {key: row.source})
MATCH (b:Meeting {key: row.target})
MERGE (a)-[r:SAID_AT]->(b)
SET r += row.props`,
  ATTENDED: `UNWIND $rows AS row
MATCH (a:Person {key: row.source})
MATCH (b:Meeting {key: row.target})
MERGE (a)-[r:ATTENDED]->(b)
SET r += row.props`,
} as const;

/** Counts what the database holds, for the load summary and the integration test. */
export const COUNT_NODES = `MATCH (n) WHERE n:Person OR n:Org OR n:Meeting OR n:Quote OR n:Article RETURN count(n) AS count`;
export const COUNT_RELATIONSHIPS = `MATCH ()-[r]->() WHERE type(r) IN ['MENTIONED_IN', 'SAID', 'QUOTED_IN', 'ATTENDED', 'SAID_AT'] RETURN count(r) AS count`;

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
