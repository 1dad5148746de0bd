import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphExport, edgeKey } from "../../schema/graph.ts";
import { NODE_PROPERTIES, RELATIONSHIP_PROPERTIES } from "../../schema/neo4j.ts";
import { BuildDirSource } from "../../src/build-dir-source.ts";
import { buildGraph } from "../../src/build.ts";
import { loadGraphIndex } from "../../src/graph-index.ts";
import { toDriverProps } from "../../src/neo4j/load.ts";
import { plainProperties } from "../../src/neo4j/read-neo4j.ts";
import { readGraph } from "../../src/neo4j/read-graph.ts";
import {
  edgeAttributesOf,
  fromProperties,
  nodeAttributesOf,
  toNodeRow,
  toBatches,
  toProperties,
  toRelationshipRow,
} from "../../src/neo4j/rows.ts";
import {
  UNSTAMPED,
  assembleStoredGraph,
  storedGraphVersion,
  type StoredNode,
  type StoredRelationship,
} from "../../src/neo4j/stored-graph.ts";
import { tempDir } from "./_build.ts";
import { expectSameAnswers, shuffled } from "./_sources.ts";

// What the loader writes into Neo4j, read back: the properties of every node and relationship of a build of the five
// bundled sample articles (samples/, copied from ../shared/seeds) must give back graph.json's attributes, and the
// graph rebuilt from them must be served exactly as the build folder is. The rows are the loader's own (readGraph,
// toBatches, toDriverProps); only the Bolt round trip in between is left to neo4j-integration.test.ts.

const SAMPLES = fileURLToPath(new URL("../../samples", import.meta.url));
let dir: string;
let graph: GraphExport;

beforeAll(async () => {
  dir = await tempDir("read-back");
  await buildGraph({ inputs: [SAMPLES], outDir: dir, layout: false });
  // the attributes as written: GraphExport only checks them (its parse would drop attributes it does not name)
  const json = JSON.parse(await readFile(join(dir, "graph.json"), "utf8")) as GraphExport;
  GraphExport.parse(json);
  graph = json;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The nodes and relationships Neo4j holds after `quotegraph load`, as the driver returns them (integers as Integer). */
async function storedAsLoaded(buildId: string): Promise<{ nodes: StoredNode[]; relationships: StoredRelationship[] }> {
  const nodes: StoredNode[] = [];
  const relationships: StoredRelationship[] = [];
  for await (const batch of toBatches(readGraph(join(dir, "graph.json")), { batchSize: 1000, buildId }))
    if (batch.kind === "nodes")
      for (const row of batch.rows)
        nodes.push({ label: batch.label, props: plainProperties(toDriverProps(row.props)) });
    else
      for (const row of batch.rows)
        relationships.push({
          type: batch.type,
          source: row.source,
          target: row.target,
          props: plainProperties(toDriverProps(row.props)),
        });
  return { nodes, relationships };
}

describe("fromProperties", () => {
  it("gives back the attributes of every node of the samples' graph.json from the loader's properties", () => {
    expect(graph.nodes.length).toBeGreaterThan(100);
    for (const node of graph.nodes) {
      const { props } = toNodeRow({ kind: "node", ...node }, "b1");
      expect(props["key"], node.key).toBe(node.key);
      expect(nodeAttributesOf(node.attributes.label, props), node.key).toEqual(node.attributes);
    }
  });

  it("gives back the attributes of every edge, and the key graph.json gives it", () => {
    expect(graph.edges.length).toBeGreaterThan(200);
    for (const edge of graph.edges) {
      const { props } = toRelationshipRow({ kind: "edge", ...edge }, "b1");
      const name = `${edge.source} -> ${edge.target}`;
      expect(edgeAttributesOf(edge.attributes.type, props), name).toEqual(edge.attributes);
      expect(edgeKey(edge.attributes.type, edge.source, edge.target)).toBe(edge.key);
    }
  });

  it("covers what Neo4j cannot hold: empty required lists, nested values as JSON text", () => {
    // the samples must exercise the cases the inverse has to undo, or the round trips above prove less
    const entities = graph.nodes.flatMap((n) =>
      n.attributes.label === "Person" || n.attributes.label === "Org" ? [n] : [],
    );
    expect(entities.some((n) => "titles" in n.attributes && n.attributes.titles.length === 0)).toBe(true);
    expect(entities.some((n) => "mergedBecause" in n.attributes && n.attributes.mergedBecause.length > 0)).toBe(true);
    expect(graph.edges.some((e) => e.attributes.type === "MENTIONED_IN" && e.attributes.forms?.length)).toBe(true);
  });

  it("restores an empty required list as [] and leaves out an empty optional one, which Neo4j cannot tell apart", () => {
    const person = { label: "Person", name: "甲", aliases: [], titles: [], mergedBecause: [], mentions: 1 };
    const props = toProperties({ ...person, key: "person:甲" }, NODE_PROPERTIES.Person, "b1");
    expect(props).not.toHaveProperty("titles");
    expect(props).not.toHaveProperty("aliases");
    expect(nodeAttributesOf("Person", props)).toEqual(person);
    // MENTIONED_IN with `forms: []` comes back without forms: the one difference a round trip through Neo4j makes
    const edge = edgeAttributesOf("MENTIONED_IN", toProperties({ forms: [] }, RELATIONSHIP_PROPERTIES, "b1"));
    expect(edge).toEqual({ type: "MENTIONED_IN" });
  });

  it("drops the build stamp, aliasText and properties the model does not name", () => {
    const attributes = fromProperties(
      { key: "org:x", name: "某公司", aliasText: "某公司 X", buildId: "b1", addedByHand: "yes", mentions: 2 },
      NODE_PROPERTIES.Org,
    );
    expect(attributes).toEqual({ key: "org:x", name: "某公司", aliases: [], titles: [], mentions: 2 });
  });

  it("refuses JSON text that does not parse", () => {
    expect(() => fromProperties({ evidence: "[{" }, RELATIONSHIP_PROPERTIES)).toThrow(SyntaxError);
  });
});

describe("assembleStoredGraph", () => {
  it("rebuilds the samples' graph from what the loader writes: same keys, attributes and order as graph.json", async () => {
    const { version, graph: fromFile } = await loadGraphIndex(dir);
    const { nodes, relationships } = await storedAsLoaded(version);
    expect(neo4j.isInt(toDriverProps(nodes.find((n) => n.label === "Person")!.props)["mentions"])).toBe(true);
    // Neo4j returns labels one after another, in no particular order within a label
    const stored = assembleStoredGraph(shuffled(nodes), shuffled(relationships));
    expect(stored.issues).toEqual([]);
    expect(stored.stamps).toEqual([version]);
    expect(storedGraphVersion(stored.stamps)).toBe(version);
    expect(stored.graph.export()).toEqual(fromFile.export());
    // the order of iteration decides ties in views, search and details: nodes, edges and each node's edges alike
    expect(stored.graph.nodes()).toEqual(fromFile.nodes());
    expect(stored.graph.edges()).toEqual(fromFile.edges());
    for (const key of fromFile.nodes()) expect(stored.graph.outEdges(key), key).toEqual(fromFile.outEdges(key));
  });

  it("names what it leaves out: a broken node, a relationship to it, a second relationship between two nodes", () => {
    const person = (key: string, extra = {}): StoredNode => ({
      label: "Person",
      props: { key, name: key, mentions: 1, mergedBecause: "[]", buildId: "b1", ...extra },
    });
    const article: StoredNode = { label: "Article", props: { key: "a_1", file: "a.txt", title: "t" } };
    const stored = assembleStoredGraph(
      [person("person:a"), person("person:b", { mergedBecause: "[{" }), person("person:c", { mentions: "x" }), article],
      [
        { type: "MENTIONED_IN", source: "person:a", target: "a_1", props: { buildId: "b2" } },
        { type: "MENTIONED_IN", source: "person:b", target: "a_1", props: { buildId: "b2" } },
        { type: "SAID", source: "person:a", target: "a_1", props: { buildId: "b2" } },
      ],
    );
    expect(stored.graph.nodes()).toEqual(["a_1", "person:a"]);
    expect(stored.graph.edges()).toEqual(["MENTIONED_IN:person:a->a_1"]);
    expect(stored.issues).toEqual([
      expect.stringMatching(/^Person person:b: a JSON property does not parse/),
      expect.stringMatching(/^Person person:c: mentions: /),
      "MENTIONED_IN person:b -> a_1: person:b is no node read",
      "SAID person:a -> a_1: a second relationship between them",
    ]);
    // an article without a stamp and two builds' stamps: a load under way, served under a hash of the three
    expect(stored.stamps).toEqual(["b1", "b2", UNSTAMPED]);
    expect(storedGraphVersion(stored.stamps)).toMatch(/^[0-9a-f]{16}$/);
    expect(storedGraphVersion(stored.stamps)).not.toBe(storedGraphVersion(["b1", "b2"]));
  });
});

describe("a graph read back from Neo4j, served", () => {
  it("answers info, facets, views, search and details exactly as the build folder", async () => {
    const fromDir = await BuildDirSource.open(dir);
    const { nodes, relationships } = await storedAsLoaded(fromDir.version);
    const stored = assembleStoredGraph(nodes, relationships);
    const fromNeo4j = await BuildDirSource.fromGraph({
      graph: stored.graph,
      version: storedGraphVersion(stored.stamps),
      report: null,
    });
    await expectSameAnswers(fromNeo4j, fromDir);
  });
});
