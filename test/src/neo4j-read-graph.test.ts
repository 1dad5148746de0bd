import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGraphIndex } from "../../src/graph-index.ts";
import { GraphJsonScanner } from "../../src/neo4j/json-elements.ts";
import { openBuildGraph, readGraph } from "../../src/neo4j/read-graph.ts";
import { MAX_BATCH_CHARS, toBatches } from "../../src/neo4j/rows.ts";

// graph.json as graphology writes it, with strings chosen to trip a scanner: brackets, braces, commas and escaped
// quotes inside strings, a key named "nodes" inside an element, multi-byte characters and a surrogate pair.
const DOCUMENT = {
  attributes: { note: '{"nodes": [1, 2]}' },
  options: { type: "directed", multi: false, allowSelfLoops: false },
  nodes: [
    {
      key: "person:a",
      attributes: {
        label: "Person",
        name: 'A "[{b}]"',
        aliases: ["甲", "\\"],
        titles: [],
        mergedBecause: [],
        mentions: 2,
      },
    },
    {
      key: "quote:q",
      attributes: { label: "Quote", text: "“北约”，}]{[👍\n\t", kind: "direct", confidence: 1, nodes: [] },
    },
    { key: "article:x", attributes: { label: "Article", file: "a,b.md", title: "标题" } },
  ],
  edges: [
    { key: "e1", source: "person:a", target: "quote:q", attributes: { type: "SAID", confidence: 0.5 } },
    { key: "e2", source: "quote:q", target: "article:x", attributes: { type: "QUOTED_IN" } },
  ],
};

function scanInPieces(text: string, cut: (i: number) => boolean): unknown[] {
  const scanner = new GraphJsonScanner();
  const values: unknown[] = [];
  let piece = "";
  for (let i = 0; i < text.length; i++) {
    piece += text[i];
    if (cut(i)) {
      values.push(...scanner.feed(piece).map((e) => [e.section, e.index, e.value]));
      piece = "";
    }
  }
  values.push(...scanner.feed(piece).map((e) => [e.section, e.index, e.value]));
  scanner.end();
  return values;
}

describe("GraphJsonScanner", () => {
  const expected = [...DOCUMENT.nodes.map((n, i) => ["nodes", i, n]), ...DOCUMENT.edges.map((e, i) => ["edges", i, e])];

  it.each([
    ["one chunk", JSON.stringify(DOCUMENT), () => false],
    ["one character per chunk", JSON.stringify(DOCUMENT), () => true],
    ["chunks of 7", JSON.stringify(DOCUMENT), (i: number) => i % 7 === 6],
    ["pretty-printed, chunks of 3", JSON.stringify(DOCUMENT, null, 2), (i: number) => i % 3 === 2],
  ])("yields every node and edge, parsed, from %s", (_how, text, cut) => {
    expect(scanInPieces(text, cut)).toEqual(expected);
  });

  it("refuses a document cut short, and a bare value among the nodes", () => {
    const text = JSON.stringify(DOCUMENT);
    expect(() => scanInPieces(text.slice(0, text.length - 40), () => false)).toThrow(/ends in the middle/);
    expect(() => scanInPieces('{"nodes": [{"key": "a"}, 42]}', () => false)).toThrow(/nodes\[1\] is not an object/);
  });
});

describe("readGraph and toBatches", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "qg-read-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("streams validated nodes and edges, and reports what breaks the contract or the model", async () => {
    const doc = structuredClone(DOCUMENT) as { nodes: unknown[]; edges: unknown[] };
    doc.nodes.push({ key: "x:bad", attributes: { label: "Person" } }); // no name, aliases…
    doc.edges.push({ source: "person:a", target: "nobody", attributes: { type: "SAID" } });
    doc.edges.push({ source: "article:x", target: "person:a", attributes: { type: "ATTENDED" } });
    const path = join(dir, "graph.json");
    await writeFile(path, JSON.stringify(doc));
    const issues: string[] = [];
    const batches = [];
    for await (const b of toBatches(
      readGraph(path, (m) => issues.push(m)),
      {
        batchSize: 1,
        buildId: "b1",
        onIssue: (m) => issues.push(m),
      },
    ))
      batches.push(b);
    expect(batches.map((b) => (b.kind === "nodes" ? b.label : `${b.from}-${b.type}->${b.to}`))).toEqual([
      "Person",
      "Quote",
      "Article",
      "Person-SAID->Quote",
      "Quote-QUOTED_IN->Article",
    ]);
    expect(issues).toHaveLength(3);
    expect(issues[0]).toMatch(/nodes\[3\] skipped: attributes\.name/);
    expect(issues[1]).toMatch(/nobody is no node of graph\.json/);
    expect(issues[2]).toMatch(/the model has no ATTENDED from Article to Person/);
    const quote = batches[1]!;
    expect(quote.kind === "nodes" && quote.rows[0]!.props).toEqual({
      key: "quote:q",
      text: DOCUMENT.nodes[1]!.attributes.text,
      kind: "direct",
      confidence: 1,
      buildId: "b1",
    });
  });

  it("closes a batch of heavy rows early, so no transaction or export buffer holds more than about 2M characters", async () => {
    const long = "据说".repeat(300_000); // 600,000 characters
    const nodes = Array.from({ length: 10 }, (_, i) => ({
      key: `quote:${i}`,
      attributes: { label: "Quote", text: long, kind: "direct", confidence: 1 },
    }));
    await writeFile(join(dir, "graph.json"), JSON.stringify({ nodes, edges: [] }));
    const sizes: number[] = [];
    for await (const b of toBatches(readGraph(join(dir, "graph.json")), { batchSize: 1000, buildId: "b" }))
      sizes.push(b.rows.length);
    expect(sizes).toEqual([4, 4, 2]);
    expect(MAX_BATCH_CHARS).toBe(2_000_000);
  });

  it("names a build by the hash of its graph.json: same bytes, same id", async () => {
    await writeFile(join(dir, "graph.json"), JSON.stringify(DOCUMENT));
    const a = await openBuildGraph(dir);
    const b = await openBuildGraph(dir);
    expect(a.buildId).toMatch(/^[0-9a-f]{16}$/);
    expect(b.buildId).toBe(a.buildId);
    await writeFile(join(dir, "graph.json"), JSON.stringify({ ...DOCUMENT, edges: [] }));
    expect((await openBuildGraph(dir)).buildId).not.toBe(a.buildId);
  });

  it("gives the version the viewer serves a build folder under, so the build served from Neo4j has the same", async () => {
    await writeFile(join(dir, "graph.json"), JSON.stringify(DOCUMENT));
    expect((await loadGraphIndex(dir)).version).toBe((await openBuildGraph(dir)).buildId);
  });
});
