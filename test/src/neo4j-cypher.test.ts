import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EDGE_TYPES, NODE_LABELS } from "../../schema/graph.ts";
import { NODE_PROPERTIES, PROPERTY_TYPES, RELATIONSHIP_ENDS, RELATIONSHIP_PROPERTIES } from "../../schema/neo4j.ts";
import { buildGraph } from "../../src/build.ts";
import { cypherNumber, cypherString } from "../../src/neo4j/cypher-literal.ts";
import { exportCypher } from "../../src/neo4j/export-cypher.ts";
import {
  LOADER_PARAMETERS,
  constraintStatements,
  loaderStatements,
  readerStatements,
} from "../../src/neo4j/statements.ts";
import { lintProblems, quotegraphDbSchema, readReadme, readmeCypherQueries } from "./_neo4j.ts";

// Every Cypher statement quotegraph produces, and every query in the README, must pass Neo4j's own front end
// (@neo4j-cypher/language-support) against the schema of schema/ with no error and no warning: a label, type,
// property, function or procedure the loader never writes or Neo4j 5 does not ship fails here.

const LOADER_SCHEMA = quotegraphDbSchema({ ...LOADER_PARAMETERS });
const NO_PARAMETERS = quotegraphDbSchema();

describe("the loader's statements", () => {
  it.each(loaderStatements())("%s lints clean", (_name, statement) => {
    expect(lintProblems(statement, LOADER_SCHEMA)).toEqual([]);
  });

  it("cover every label and every pair of labels a relationship type joins", () => {
    const names = loaderStatements().map(([n]) => n);
    for (const label of NODE_LABELS) expect(names).toContain(`upsert ${label}`);
    for (const { type, from, to } of RELATIONSHIP_ENDS) expect(names).toContain(`upsert ${from}-${type}->${to}`);
  });

  it("match both ends of a relationship by label, so the uniqueness constraints serve them", () => {
    for (const [name, statement] of loaderStatements().filter(([n]) => n.startsWith("upsert ") && n.includes("->"))) {
      expect(statement, name).toMatch(/MATCH \(a:[A-Z][a-z]+\) WHERE a\.key = row\.source/);
      expect(statement, name).toMatch(/MATCH \(b:[A-Z][a-z]+\) WHERE b\.key = row\.target/);
    }
  });

  it("have a uniqueness constraint on the key of every label", () => {
    const statements = constraintStatements().join("\n");
    for (const label of NODE_LABELS)
      expect(statements).toMatch(new RegExp(`FOR \\(n:${label}\\) REQUIRE n\\.key IS UNIQUE`));
  });
});

describe("the viewer server's statements", () => {
  it.each(readerStatements())("%s lints clean", (_name, statement) => {
    expect(lintProblems(statement, NO_PARAMETERS)).toEqual([]);
  });

  it("read every label and every pair of labels a relationship type joins, matching both ends by label", () => {
    const statements = new Map(readerStatements());
    for (const label of NODE_LABELS) expect(statements.get(`read ${label}`)).toContain(`(n:${label})`);
    for (const { type, from, to } of RELATIONSHIP_ENDS)
      expect(statements.get(`read ${from}-${type}->${to}`)).toContain(`(a:${from})-[r:${type}]->(b:${to})`);
  });

  it("look for build stamps on every label and every relationship type", () => {
    const statement = new Map(readerStatements()).get("distinct build stamps")!;
    for (const label of NODE_LABELS) expect(statement).toContain(`MATCH (n:${label}) RETURN DISTINCT n.buildId`);
    for (const type of EDGE_TYPES) expect(statement).toContain(`MATCH ()-[r:${type}]->() RETURN DISTINCT r.buildId`);
  });
});

describe("the linter", () => {
  it.each([
    ["a misspelled property", "MATCH (p:Person) RETURN p.nmae"],
    ["a label the loader never writes", "MATCH (p:Speaker) RETURN p"],
    ["a relationship type the loader never writes", "MATCH (p:Person)-[:QUOTED]->(q:Quote) RETURN q"],
    ["a relationship in the wrong direction", "MATCH (q:Quote)-[:SAID]->(p:Person) RETURN p"],
    ["a misspelled function", "MATCH (p:Person) RETURN cnt(p)"],
    ["a plugin procedure the neo4j:5 image lacks", "CALL apoc.meta.stats() YIELD nodeCount RETURN nodeCount"],
    ["an undeclared parameter", "MATCH (p:Person) WHERE p.name = $who RETURN p"],
    ["a syntax error", "MATCH (p:Person RETURN p"],
  ])("rejects %s (so the checks can fail)", (_what, statement) => {
    expect(lintProblems(statement, NO_PARAMETERS).length).toBeGreaterThan(0);
  });
});

describe("the Cypher export's statements", () => {
  let dir: string;
  let statements: string[];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "qg-cypher-"));
    await buildGraph({
      inputs: [fileURLToPath(new URL("../../samples", import.meta.url))],
      outDir: dir,
      layout: false,
    });
    // batches of two rows keep each statement small: the linter's time grows with the length of a statement
    await exportCypher({ dataDir: dir, out: join(dir, "graph.cypher"), batchSize: 2 });
    statements = (await readFile(join(dir, "graph.cypher"), "utf8"))
      .split(";\n")
      .map((s) => s.replace(/^(\/\/.*\n)+/, "").trim())
      .filter(Boolean);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("lint clean, one of each shape (constraints, every label, every relationship, the sweep)", () => {
    // the constraints are the loader's own, linted above; every other shape once
    const constraints = new Set(constraintStatements());
    expect(statements.filter((s) => constraints.has(s))).toHaveLength(constraints.size);
    const shapes = new Map<string, string>();
    for (const s of statements.filter((s) => !constraints.has(s)))
      shapes.set(s.replace(/^UNWIND \[[\s\S]*\] AS row/, "UNWIND … AS row"), s);
    expect(shapes.size).toBe(NODE_LABELS.length + RELATIONSHIP_ENDS.length + EDGE_TYPES.length + NODE_LABELS.length);
    for (const [shape, statement] of shapes) expect(lintProblems(statement, NO_PARAMETERS), shape).toEqual([]);
  });
});

describe("Cypher literals", () => {
  it.each([
    ["quotes and backslashes", `他说：“it's a \\ test”`],
    ["line breaks and tabs", "第一行\n第二行\r\n\t缩进"],
    ["control characters", "a\u0000b\u001fc\u007fd"],
    ["a lone surrogate", "x\ud800y"],
    ["emoji (a surrogate pair)", "👍 北约"],
  ])("escape %s into a literal Neo4j parses", (_what, text) => {
    const literal = cypherString(text);
    expect(lintProblems(`RETURN ${literal} AS s`, NO_PARAMETERS)).toEqual([]);
    // the literal never holds a raw control character or an unescaped quote
    // eslint-disable-next-line no-control-regex -- looking for raw control characters is the point
    expect(literal.slice(1, -1)).not.toMatch(/[\u0000-\u001f]|(?<!\\)'/);
  });

  it("writes the escapes Cypher defines", () => {
    expect(cypherString("it's\n\\")).toBe("'it\\'s\\n\\\\'");
    expect(cypherString("\u0001")).toBe("'\\u0001'");
  });

  it("keeps a float a float and an integer an integer", () => {
    expect(cypherNumber(1, "double")).toBe("1.0");
    expect(cypherNumber(0.95, "double")).toBe("0.95");
    expect(cypherNumber(1e21, "double")).toBe("1e21");
    expect(cypherNumber(14, "long")).toBe("14");
  });
});

describe("the Neo4j model (schema/neo4j.ts)", () => {
  it("gives every property key one type wherever it appears", () => {
    for (const p of [...Object.values(NODE_PROPERTIES).flat(), ...RELATIONSHIP_PROPERTIES])
      expect(PROPERTY_TYPES.get(p.name), p.name).toBe(p.type);
  });

  it("stores nested attributes as JSON text and counts as integers", () => {
    expect(PROPERTY_TYPES.get("evidence")).toBe("json");
    expect(PROPERTY_TYPES.get("mergedBecause")).toBe("json");
    expect(PROPERTY_TYPES.get("aliases")).toBe("string[]");
    expect(PROPERTY_TYPES.get("mentions")).toBe("long");
    expect(PROPERTY_TYPES.get("confidence")).toBe("double");
    expect(PROPERTY_TYPES.has("x")).toBe(false);
    expect(PROPERTY_TYPES.has("label")).toBe(false);
  });
});

describe("README queries", () => {
  const queries = readmeCypherQueries(readReadme());
  const section =
    readReadme()
      .split(/^## /m)
      .find((s) => s.startsWith("Query the graph")) ?? "";

  it("has at least 12 queries under “Query the graph”, each with a line saying what it answers", () => {
    const inSection = readmeCypherQueries(section);
    expect(inSection.length).toBeGreaterThanOrEqual(12);
    for (const q of inSection) expect(q.title, `query at README line ${q.line}`).toMatch(/\w.{10,}/);
  });

  it.each(queries.map((q) => [q.line, q.title, q.query] as const))(
    "README line %i (%s) lints clean with no parameters to set",
    (_line, _title, query) => {
      expect(lintProblems(query, NO_PARAMETERS)).toEqual([]);
    },
  );
});
