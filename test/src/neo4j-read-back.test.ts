import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphExport, edgeKey } from "../../schema/graph.ts";
import { NODE_PROPERTIES, RELATIONSHIP_PROPERTIES } from "../../schema/neo4j.ts";
import { buildGraph } from "../../src/build.ts";
import {
  edgeAttributesOf,
  fromProperties,
  nodeAttributesOf,
  toNodeRow,
  toProperties,
  toRelationshipRow,
} from "../../src/neo4j/rows.ts";
import { tempDir } from "./_build.ts";

// What the loader writes into Neo4j, read back: the properties of every node and relationship of a build of the five
// bundled sample articles (samples/, copied from ../shared/seeds) must give back graph.json's attributes.

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
