import { DirectedGraph } from "graphology";
import gexf from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { assembleGraph } from "../../ingest/graph/assemble-graph.ts";
import { extractArticle } from "../../ingest/extract-article.ts";
import {
  compareKeys,
  exportGraphJson,
  gexfEdge,
  gexfNode,
  graphGexfChunks,
  prettyJsonArrayChunks,
} from "../../src/export-graph.ts";
import { layoutGraph } from "../../src/layout.ts";
import { readSample } from "../_helpers.ts";
import { SAMPLE_FILES } from "./_build.ts";

/** The graph of the five sample articles, laid out. */
async function sampleGraph(): Promise<DirectedGraph> {
  const { graph } = assembleGraph(SAMPLE_FILES.map((f) => extractArticle(readSample(f))));
  await layoutGraph(graph);
  return graph;
}

const graph = await sampleGraph();

describe("the streamed exports", () => {
  it("write graph.json as graphology serializes it, nodes and edges sorted by key", () => {
    const expected = graph.export();
    expected.nodes.sort((a, b) => compareKeys(a.key, b.key));
    expected.edges.sort((a, b) => compareKeys(a.key!, b.key!));
    expect(exportGraphJson(graph)).toBe(JSON.stringify(expected));
  });

  it("write graph.gexf with the markup graphology-gexf writes, in pieces of one element", () => {
    const pieces = [...graphGexfChunks(graph)];
    expect(pieces.length).toBeGreaterThan(graph.order + graph.size);
    expect(pieces.join("")).toBe(gexf.write(graph, { formatNode: gexfNode, formatEdge: gexfEdge }));
  });

  it("give Gephi each node's colour, size and laid-out position", () => {
    const xml = [...graphGexfChunks(graph)].join("");
    const sherman = graph.findNode((_k, a) => a["name"] === "Wendy Sherman")!;
    const { x, y } = graph.getNodeAttributes(sherman) as { x: number; y: number };
    const element = new RegExp(`<node id="${sherman}"[\\s\\S]*?</node>`).exec(xml)![0];
    expect(element).toContain('<viz:color r="225" g="87" b="89"/>');
    expect(element).toContain(`<viz:position x="${x}" y="${y}"/>`);
  });

  it("write an empty graph as graphology-gexf does", () => {
    const empty = new DirectedGraph();
    expect([...graphGexfChunks(empty)].join("")).toBe(
      gexf.write(empty, { formatNode: gexfNode, formatEdge: gexfEdge }),
    );
  });

  it("escape markup characters in attribute values", () => {
    const g = new DirectedGraph();
    g.addNode("org:a&b", { label: "Org", name: 'A & "B" <C>\n', mentions: 1 });
    expect([...graphGexfChunks(g)].join("")).toBe(gexf.write(g, { formatNode: gexfNode, formatEdge: gexfEdge }));
  });

  it.each([
    [[]],
    [
      [
        { a: "x", b: "y", score: 0.75, reasons: ["shared role"] },
        { a: "p", b: "q", score: 1, reasons: [] },
      ],
    ],
  ])("write a JSON array as JSON.stringify(…, null, 2) does: %j", (items) => {
    expect([...prettyJsonArrayChunks(items)].join("")).toBe(JSON.stringify(items, null, 2));
  });
});
