import { DirectedGraph } from "graphology";
import { chmod, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { ArticleDetails, EDGE_KINDS, MeetingDetails, QuoteDetails, type GraphSlice } from "../../schema/api.ts";
import { GraphExport } from "../../schema/graph.ts";
import { BuildDirSource } from "../../src/build-dir-source.ts";
import { buildGraph } from "../../src/build.ts";
import { loadGraphIndex } from "../../src/graph-index.ts";
import { LAYOUT_CACHE_FILE } from "../../src/view/layout-cache.ts";

// BuildDirSource over a build of the five bundled sample articles (samples/, copied from ../shared/seeds).
let sampleDir: string;
let source: BuildDirSource;

beforeAll(async () => {
  sampleDir = await mkdtemp(join(tmpdir(), "qg-source-"));
  await buildGraph({
    inputs: [fileURLToPath(new URL("../../samples", import.meta.url))],
    outDir: sampleDir,
    layout: false,
  });
  source = await BuildDirSource.open(sampleDir);
});

const keys = (slice: GraphSlice): string[] => slice.nodes.map((n) => n[0]);
const kindsBetween = (slice: GraphSlice, a: string, b: string): string[] => {
  const ia = keys(slice).indexOf(a);
  const ib = keys(slice).indexOf(b);
  const edge = slice.edges.find(([s, t]) => (s === ia && t === ib) || (s === ib && t === ia));
  return edge ? EDGE_KINDS.filter((_k, i) => (edge[3] >> i) & 1) : [];
};
const view = (q: Record<string, unknown> = {}) => source.view({ mode: "entities", limit: 5000, ...q });

describe("BuildDirSource: the entity layer", () => {
  it("joins two people who attended the same meeting (MET) and a person to the meeting (ATTENDED)", async () => {
    const slice = await view();
    expect(kindsBetween(slice, "person:jens-stoltenberg", "person:wendy-sherman")).toContain("MET");
    expect(kindsBetween(slice, "person:wendy-sherman", "meeting:2022-01-12-brussels-1bf1c9a02ea4")).toContain(
      "ATTENDED",
    );
  });

  it("joins two speakers quoted in the same article (QUOTED_WITH)", async () => {
    const slice = await view();
    expect(kindsBetween(slice, "person:sergei-ryabkov", "person:wendy-sherman")).toContain("QUOTED_WITH");
  });

  it("gives every node a position and most a community", async () => {
    const slice = await view();
    for (const [, , , x, y] of slice.nodes) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    expect(slice.nodes.filter((n) => n[6] >= 0).length).toBeGreaterThan(slice.nodes.length / 2);
  });
});

describe("BuildDirSource: filters", () => {
  it("keeps only the labels asked for", async () => {
    const slice = await view({ labels: ["Person"] });
    expect(new Set(slice.nodes.map((n) => n[1]))).toEqual(new Set(["Person"]));
  });

  it("recounts mentions over the articles of the date range", async () => {
    const all = await view();
    const day = await view({ dateFrom: "2022-01-14", dateTo: "2022-01-14" });
    expect(day.nodes.length).toBeGreaterThan(0);
    expect(day.nodes.length).toBeLessThan(all.nodes.length);
    const before = new Map(all.nodes.map((n) => [n[0], n[5]]));
    for (const n of day.nodes) expect(n[5]).toBeLessThanOrEqual(before.get(n[0])!);
    expect(await view({ dateFrom: "2030-01-01" })).toMatchObject({ nodes: [], edges: [] });
  });

  it("keeps only entities named by the chosen outlets", async () => {
    const voa = await view({ outlet: ["voachinese.com"] });
    expect(keys(voa)).toContain("person:julianne-smith");
    const bbc = await view({ outlet: ["bbc.com"] });
    expect(keys(bbc)).not.toContain("person:julianne-smith");
  });

  it("drops entities under the minimum of mentions", async () => {
    const slice = await view({ minMentions: 10 });
    expect(slice.nodes.length).toBeGreaterThan(0);
    for (const n of slice.nodes) expect(n[5]).toBeGreaterThanOrEqual(10);
  });

  it("gives articles per day, following the outlet filter", async () => {
    const facets = await source.facets({ outlet: ["dw.com"] });
    expect(facets.days).toEqual([{ date: "2022-01-10", count: 1 }]);
  });
});

describe("BuildDirSource: ego networks and paths", () => {
  it("shows a node with its neighbours, and grows by expansion", async () => {
    const one = await source.ego({ key: ["person:julianne-smith"], depth: 1, limit: 2000 });
    expect(keys(one)[0]).toBe("person:julianne-smith");
    const neighbours = keys(one).slice(1);
    expect(neighbours.length).toBeGreaterThan(0);
    for (const n of neighbours) expect(kindsBetween(one, "person:julianne-smith", n).length).toBeGreaterThan(0);
    const next = neighbours.find((n) => n.startsWith("meeting:")) ?? neighbours[0]!;
    const grown = await source.ego({ key: ["person:julianne-smith", next], depth: 1, limit: 2000 });
    expect(grown.nodes.length).toBeGreaterThan(one.nodes.length);
    expect(keys(grown)).toEqual(expect.arrayContaining(keys(one)));
  });

  it("finds a shortest path between two people, with an edge for every step", async () => {
    const path = await source.path({ source: "person:jens-stoltenberg", target: "person:michael-carpenter" });
    expect(path.path![0]).toBe("person:jens-stoltenberg");
    expect(path.path!.at(-1)).toBe("person:michael-carpenter");
    expect(path.edges).toHaveLength(path.path!.length - 1);
  });

  it("returns an empty path when none joins them under the filters", async () => {
    const path = await source.path({
      source: "person:jens-stoltenberg",
      target: "person:michael-carpenter",
      dateFrom: "2030-01-01",
    });
    expect(path.path).toEqual([]);
  });
});

describe("BuildDirSource: details", () => {
  it("lists a meeting's attendees with their roles, its quotes and articles", async () => {
    const d = MeetingDetails.parse(
      await source.details("meeting:2022-01-13-vienna-d6bf1c1dee5a", { offset: 0, limit: 50 }),
    );
    expect(d.attendees).toContainEqual(expect.objectContaining({ key: "person:zbigniew-rau", role: "chair" }));
    expect(d.articles.total).toBeGreaterThan(0);
  });

  it("lists who an article names, with the forms it used", async () => {
    const d = ArticleDetails.parse(await source.details("a_2e67fd569684f10c", { offset: 0, limit: 50 }));
    expect(d.outlet).toBe("voachinese.com");
    const smith = d.entities.find((e) => e.key === "person:julianne-smith");
    expect(smith?.forms.length).toBeGreaterThan(0);
    expect(d.quotes.total).toBeGreaterThan(0);
  });

  it("gives a quote's speaker, evidence sentence and sources", async () => {
    const person = await source.details("person:julianne-smith", { offset: 0, limit: 1 });
    const key = person && "quotes" in person ? person.quotes.items[0]!.key : "";
    const q = QuoteDetails.parse(await source.details(key, { offset: 0, limit: 50 }));
    expect(q.speaker?.key).toBe("person:julianne-smith");
    expect(q.sentence).toBeTruthy();
    expect(q.articles[0]!.outlet).toBe("voachinese.com");
  });
});

describe("BuildDirSource.fromGraph", () => {
  it("serves a graph read elsewhere like its build folder, computing the layout when given no cache folder", async () => {
    const lines: string[] = [];
    const loaded = await loadGraphIndex(sampleDir);
    const inMemory = await BuildDirSource.fromGraph(loaded, { onProgress: (m) => lines.push(m) });
    expect(lines.join("\n")).toMatch(/laying out \d+ people, organisations and meetings$/m);
    expect(inMemory.version).toBe(source.version);
    expect(await inMemory.info()).toEqual(await source.info());
    expect(await inMemory.view({ mode: "entities", limit: 5000 })).toEqual(await view());
  });
});

describe("BuildDirSource: a folder that holds no usable build", () => {
  it("says to run a build when graph.json is missing", async () => {
    const empty = await mkdtemp(join(tmpdir(), "qg-empty-"));
    await expect(BuildDirSource.open(empty)).rejects.toThrow(/No graph.json in .*quotegraph build/);
  });

  it.each([
    ["{ truncated", /not valid JSON/],
    [JSON.stringify({ nodes: [{ key: "x", attributes: { label: "Planet" } }], edges: [] }), /export contract at nodes/],
  ])("names the file and the fault when graph.json is %s", async (content, message) => {
    const dir = await mkdtemp(join(tmpdir(), "qg-bad-"));
    await writeFile(join(dir, "graph.json"), content);
    await expect(BuildDirSource.open(dir)).rejects.toThrow(message);
  });
});

describe("BuildDirSource: the layout cache", () => {
  it("writes the layout beside graph.json and reads it back on the next start", async () => {
    const cached = JSON.parse(await readFile(join(sampleDir, LAYOUT_CACHE_FILE), "utf8")) as { version: string };
    expect(cached.version).toBe(source.version);
    const again = await BuildDirSource.open(sampleDir, { onProgress: (m) => expect(m).not.toMatch(/laying out/) });
    expect((await again.view({ mode: "entities", limit: 5 })).nodes).toEqual((await view({ limit: 5 })).nodes);
  });

  it("recomputes a malformed cache, and goes on when the folder is read-only", async () => {
    await writeFile(join(sampleDir, LAYOUT_CACHE_FILE), "{ not json");
    const lines: string[] = [];
    await BuildDirSource.open(sampleDir, { onProgress: (m) => lines.push(m) });
    expect(lines.join("\n")).toMatch(/laying out/);
    if (process.getuid?.() === 0) return; // root writes anywhere: the read-only case cannot be made here
    await writeFile(join(sampleDir, LAYOUT_CACHE_FILE), "{}");
    await chmod(sampleDir, 0o555);
    try {
      const readOnly: string[] = [];
      const s = await BuildDirSource.open(sampleDir, { onProgress: (m) => readOnly.push(m) });
      expect(readOnly.join("\n")).toMatch(/cannot write/);
      expect((await s.view({ mode: "entities", limit: 5 })).nodes).toHaveLength(5);
    } finally {
      await chmod(sampleDir, 0o755);
    }
  });
});

// A graph made here to pin the ranking rules; names and mention counts as in a build of pen-2411 (November 2024),
// where Donald Trump (5,696 mentions) shares 特朗普 with relatives and with an unmerged duplicate.
async function rankingFixture(): Promise<BuildDirSource> {
  const g = new DirectedGraph();
  const entity = (key: string, label: string, name: string, aliases: string[], mentions: number, extra = {}) =>
    g.addNode(key, { label, name, aliases, titles: [], mergedBecause: [], mentions, ...extra });
  entity("person:donald-trump", "Person", "Donald Trump", ["特朗普", "唐納德·特朗普", "Donald Trump"], 5696, {
    latin: "Donald Trump",
    wikidata: "Q22686",
  });
  entity("person:特朗普", "Person", "特朗普", ["特朗普"], 3);
  entity("person:拉拉-特朗普", "Person", "拉拉·特朗普", ["拉拉·特朗普"], 2);
  entity("person:melania-trump", "Person", "Melania Trump", ["Melania Trump", "梅蘭妮亞"], 20);
  entity("org:trump-media", "Org", "Trump Media and Technology Group", ["Trump Media and Technology Group"], 90);
  entity("org:特朗普集团", "Org", "特朗普集团", ["特朗普集团"], 40);
  g.addNode("a_1", { label: "Article", file: "x.html", title: "特朗普胜选", published: "2024-11-06", outlet: "DW" });
  g.addNode("quote:1", { label: "Quote", text: "特朗普会说些什么", kind: "direct", confidence: 0.9 });
  g.addEdge("person:melania-trump", "quote:1", { type: "SAID", confidence: 0.9 });
  g.addEdge("quote:1", "a_1", { type: "QUOTED_IN", confidence: 0.9 });
  g.forEachNode((key) => {
    if (key.startsWith("person:") || key.startsWith("org:")) g.addEdge(key, "a_1", { type: "MENTIONED_IN", forms: [] });
  });
  const dir = await mkdtemp(join(tmpdir(), "qg-rank-"));
  const exported = GraphExport.parse(g.export());
  await writeFile(join(dir, "graph.json"), JSON.stringify(exported));
  return BuildDirSource.open(dir);
}

describe("BuildDirSource: search ranking", () => {
  let ranked: BuildDirSource;
  beforeAll(async () => {
    ranked = await rankingFixture();
  });

  it.each(["特朗普", "川普", "Trump", "trump", "唐纳德·特朗普", "ＴＲＵＭＰ"])(
    "puts Donald Trump first for %s",
    async (q) => {
      const hits = await ranked.search(q, 10);
      expect(hits[0]?.key).toBe("person:donald-trump");
    },
  );

  it("ranks exact names first, then Person before Org before Quote and Article, then mentions", async () => {
    const hits = await ranked.search("特朗普", 10);
    expect(hits.map((h) => h.key)).toEqual([
      "person:donald-trump", // exact, 5,696 mentions
      "person:特朗普", // exact, 3
      "person:拉拉-特朗普", // a part of the name
      "org:特朗普集团", // Org after every Person
      "quote:1",
      "a_1",
    ]);
    expect(hits.slice(0, 2).every((h) => h.exact)).toBe(true);
  });

  it("finds a registry name the corpus never wrote (川普) and says which form matched", async () => {
    const [hit] = await ranked.search("川普", 1);
    expect(hit).toMatchObject({ name: "Donald Trump", matched: "川普", exact: true });
  });

  it("stops at the limit", async () => {
    expect(await ranked.search("特朗普", 2)).toHaveLength(2);
  });
});
