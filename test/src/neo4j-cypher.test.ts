import { lintCypherQuery } from "@neo4j-cypher/language-support";
import { describe, expect, it } from "vitest";
import {
  COOKBOOK,
  COUNT_NODES,
  COUNT_RELATIONSHIPS,
  constraintStatements,
  UPSERT_NODES,
  UPSERT_RELATIONSHIPS,
} from "../../src/neo4j/statements.ts";
import { toProperties } from "../../src/neo4j/load.ts";
import { NODE_LABELS, EDGE_TYPES } from "../../schema/graph.ts";

// The database schema the linter checks against: our labels, types and the parameters the loader sends.
const DB_SCHEMA = {
  labels: [...NODE_LABELS],
  relationshipTypes: [...EDGE_TYPES],
  parameters: { rows: [], name: "", date: "", text: "" },
  propertyKeys: ["key", "name", "aliases", "aliasText", "text", "kind", "date", "outlet", "published", "url"],
};

const ALL: [string, string][] = [
  ...Object.entries(UPSERT_NODES),
  ...Object.entries(UPSERT_RELATIONSHIPS),
  ...Object.entries(COOKBOOK),
  ["COUNT_NODES", COUNT_NODES],
  ["COUNT_RELATIONSHIPS", COUNT_RELATIONSHIPS],
  ...constraintStatements().map((s, i) => [`constraint ${i}`, s] as [string, string]),
];

describe("Cypher statements", () => {
  it.each(ALL)("%s passes Neo4j's own parser and semantic analysis", (_name, statement) => {
    const errors = lintCypherQuery(statement, DB_SCHEMA).diagnostics.filter((d) => d.severity === 1);
    expect(errors.map((d) => d.message)).toEqual([]);
  });

  it("the linter does reject a broken statement (the check can fail)", () => {
    expect(lintCypherQuery("MATCH (n:Person RETURN n", DB_SCHEMA).diagnostics.some((d) => d.severity === 1)).toBe(true);
  });

  it("has a constraint for the key of every node label", () => {
    const statements = constraintStatements().join("\n");
    for (const label of NODE_LABELS)
      expect(statements).toMatch(new RegExp(`FOR \\(n:${label}\\) REQUIRE n.key IS UNIQUE`));
  });

  it("turns nested attributes into JSON text and keeps lists of strings as lists", () => {
    const props = toProperties({
      name: "Wendy Sherman",
      aliases: ["谢尔曼", "舍曼"],
      evidence: [{ article: "a", spans: [[1, 2]] }],
      latin: undefined,
    });
    expect(props).toEqual({
      name: "Wendy Sherman",
      aliases: ["谢尔曼", "舍曼"],
      aliasText: "谢尔曼 舍曼",
      evidence: '[{"article":"a","spans":[[1,2]]}]',
    });
  });
});
