import { describe, expect, it } from "vitest";
import { assembleGraph } from "../../../ingest/graph/assemble-graph.ts";
import { extractArticle } from "../../../ingest/extract-article.ts";
import { readSample, sentenceArticle } from "../../_helpers.ts";

describe("assembleGraph", () => {
  it("makes the same quote reported by two articles one Quote node with two QUOTED_IN edges", () => {
    const text = "北约秘书长斯托尔滕贝格(Jens Stoltenberg)在布鲁塞尔对记者说：“北约盟国已经准备好与俄罗斯进行对话。”";
    const a = sentenceArticle(text);
    const b = sentenceArticle(`另据报道，${text}`);
    const { graph } = assembleGraph([extractArticle(a), extractArticle(b)]);
    const quotes = graph.filterNodes((_k, attrs) => attrs["label"] === "Quote" && attrs["kind"] === "direct");
    expect(quotes).toHaveLength(1);
    const reports = graph.outEdges(quotes[0]!).filter((e) => graph.getEdgeAttribute(e, "type") === "QUOTED_IN");
    expect(reports).toHaveLength(2);
    expect(graph.inNeighbors(quotes[0]!).map((k) => graph.getNodeAttribute(k, "name"))).toEqual(["Jens Stoltenberg"]);
  });

  it("leaves out SAID edges below --min-confidence and keeps their quotes (seed 004: a name, then 她说)", () => {
    const article = extractArticle(readSample("004_3607576f4f8a95e7.txt"));
    const said = (g: ReturnType<typeof assembleGraph>["graph"]) =>
      g.filterEdges((_e, attrs) => attrs["type"] === "SAID").map((e) => g.getEdgeAttribute(e, "confidence") as number);
    const quotes = (g: ReturnType<typeof assembleGraph>["graph"]) =>
      g.filterNodes((_k, attrs) => attrs["label"] === "Quote").length;
    const all = assembleGraph([article]).graph;
    const sure = assembleGraph([article], undefined, { minConfidence: 0.8 }).graph;
    // the seed has attributions on both sides of the threshold: pronouns (0.68) and names (0.8 and up)
    expect(said(all).some((c) => c < 0.8)).toBe(true);
    expect(said(sure).length).toBeGreaterThan(0);
    expect(said(sure).every((c) => c >= 0.8)).toBe(true);
    expect(said(sure).length).toBeLessThan(said(all).length);
    expect(quotes(sure)).toBe(quotes(all));
  });

  it("gives every extracted node and edge its evidence in the article", () => {
    const article = readSample("004_3607576f4f8a95e7.txt");
    const { graph } = assembleGraph([extractArticle(article)]);
    graph.forEachNode((key, attrs) => {
      if (attrs["label"] === "Article") return;
      const evidence = attrs["evidence"] as { article: string; spans: [number, number][] }[];
      expect(evidence.length, key).toBeGreaterThan(0);
      for (const [start, end] of evidence[0]!.spans) expect(end).toBeGreaterThan(start);
    });
    graph.forEachEdge((edge, attrs) => expect((attrs["evidence"] as unknown[]).length, edge).toBeGreaterThan(0));
  });

  it("links a quote to the meeting its speaker attended when its sentence names it (SAID_AT, seed 004)", () => {
    const { graph } = assembleGraph([extractArticle(readSample("004_3607576f4f8a95e7.txt"))]);
    const links = graph.filterEdges((_e, attrs) => attrs["type"] === "SAID_AT");
    const said = links.map((e) => graph.getNodeAttribute(graph.source(e), "text") as string);
    expect(said.some((t) => t.startsWith("没有减缓紧张局势的承诺"))).toBe(true);
    const meeting = graph.target(links[0]!);
    expect(graph.getNodeAttribute(meeting, "date")).toBe("2022-01-12");
  });

  it("records why a person node was merged", () => {
    const { graph } = assembleGraph(
      [readSample("000_1b058232582fb4b0.txt"), readSample("002_214997b71d6f798a.txt")].map(extractArticle),
    );
    const sherman = graph.getNodeAttributes("person:wendy-sherman");
    expect(sherman["aliases"]).toEqual(expect.arrayContaining(["舍曼", "谢尔曼", "Wendy Sherman"]));
    expect((sherman["mergedBecause"] as { reason: string }[]).length).toBeGreaterThan(0);
  });
});
