import type { DirectedGraph } from "graphology";
import { EDGE_KINDS, type EdgeKind } from "../../schema/api.ts";
import type { NodeLabel } from "../../schema/graph.ts";

/** The articles of a graph as columns: a filter over dates and outlets tests a whole column at once. */
export interface ArticleTable {
  keys: string[];
  index: Map<string, number>;
  titles: string[];
  /** Publication day as days since 1970-01-01, -1 when unknown. */
  day: Int32Array;
  /** Index into `outlets`, -1 when unknown. */
  outlet: Int32Array;
  outlets: string[];
}

/**
 * People, organisations and meetings with derived, article-backed edges between them (see GraphSource). Stored as
 * flat typed arrays (CSR) because the Citizen News archive has tens of thousands of entities and over a million
 * article links: a filter recounts them on every request.
 */
export interface EntityLayer {
  keys: string[];
  index: Map<string, number>;
  labels: NodeLabel[];
  names: string[];
  /** Articles naming each node: node i owns `artIdx[artStart[i]..artStart[i+1]]`, with mentions in `artCount`. */
  artStart: Int32Array;
  artIdx: Int32Array;
  artCount: Int32Array;
  /** Edges (a < b) and the bit mask of EDGE_KINDS behind each. */
  edgeA: Int32Array;
  edgeB: Int32Array;
  kinds: Int32Array;
  /** The articles supporting edge e: `supIdx[supStart[e]..supStart[e+1]]`; its weight counts those that pass. */
  supStart: Int32Array;
  supIdx: Int32Array;
  /** Edges at each node: node i owns `adjEdge[adjStart[i]..adjStart[i+1]]`. */
  adjStart: Int32Array;
  adjEdge: Int32Array;
}

const ENTITY_LABELS = new Set<string>(["Person", "Org", "Meeting"]);
const bit = (kind: EdgeKind): number => 1 << EDGE_KINDS.indexOf(kind);
// An article naming 300 entities (a list of election results) would add 45,000 pairs that say nothing about who
// is connected to whom; only its most mentioned names pair up.
const MAX_PAIRED_PER_ARTICLE = 25;
// A pair named together in a single article is mostly chance (a round-up of the day's news); two articles make a link.
const MIN_MENTIONED_WITH = 2;

/** Days since 1970-01-01 of a YYYY-MM-DD date, or -1. */
export function dayNumber(date: unknown): number {
  if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return -1;
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) ? -1 : Math.round(t / 86_400_000);
}

/** The YYYY-MM-DD date of a day number. */
export const dayDate = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Columns of the Article nodes. */
export function buildArticleTable(graph: DirectedGraph): ArticleTable {
  const keys: string[] = [];
  const titles: string[] = [];
  const outletIndex = new Map<string, number>();
  const days: number[] = [];
  const outlets: number[] = [];
  graph.forEachNode((key, a) => {
    if (a["label"] !== "Article") return;
    keys.push(key);
    titles.push(String(a["title"] ?? key));
    days.push(dayNumber(a["published"]));
    const outlet = a["outlet"];
    if (typeof outlet === "string" && outlet) {
      if (!outletIndex.has(outlet)) outletIndex.set(outlet, outletIndex.size);
      outlets.push(outletIndex.get(outlet)!);
    } else outlets.push(-1);
  });
  return {
    keys,
    index: new Map(keys.map((k, i) => [k, i])),
    titles,
    day: Int32Array.from(days),
    outlet: Int32Array.from(outlets),
    outlets: [...outletIndex.keys()],
  };
}

/** Mentions of a node in one article: the spans of its MENTIONED_IN evidence (at least one). */
function spanCount(evidence: unknown): number {
  if (!Array.isArray(evidence)) return 1;
  let n = 0;
  for (const e of evidence as { spans?: unknown[] }[]) n += e.spans?.length ?? 0;
  return Math.max(1, n);
}

/** Derives the entity layer from a graph of the export contract. Pure: the graph is not changed. */
export function buildEntityLayer(graph: DirectedGraph, articles: ArticleTable): EntityLayer {
  const keys: string[] = [];
  const labels: NodeLabel[] = [];
  const names: string[] = [];
  graph.forEachNode((key, a) => {
    if (!ENTITY_LABELS.has(a["label"] as string)) return;
    keys.push(key);
    labels.push(a["label"] as NodeLabel);
    names.push(String(a["name"] ?? key));
  });
  const index = new Map(keys.map((k, i) => [k, i]));
  const n = keys.length;

  // articles of each node, and the nodes named in each article
  const nodeArticles: Map<number, number>[] = keys.map(() => new Map());
  const articleNodes: [number, number][][] = articles.keys.map(() => []);
  const quoteSpeaker = new Map<string, number>();
  const quoteArticles = new Map<string, number[]>();
  const quoteMeeting = new Map<string, number>();
  const attended: { person: number; meeting: number; articles: number[] }[] = [];
  graph.forEachEdge((_e, a, source, target) => {
    const type = a["type"];
    if (type === "MENTIONED_IN") {
      const s = index.get(source);
      const t = articles.index.get(target);
      if (s === undefined || t === undefined) return;
      const count = spanCount(a["evidence"]);
      nodeArticles[s]!.set(t, (nodeArticles[s]!.get(t) ?? 0) + count);
    } else if (type === "SAID") {
      const s = index.get(source);
      if (s !== undefined) quoteSpeaker.set(target, s);
    } else if (type === "QUOTED_IN") {
      const t = articles.index.get(target);
      if (t === undefined) return;
      const list = quoteArticles.get(source) ?? [];
      list.push(t);
      quoteArticles.set(source, list);
    } else if (type === "SAID_AT") {
      const m = index.get(target);
      if (m !== undefined) quoteMeeting.set(source, m);
    } else if (type === "ATTENDED") {
      const p = index.get(source);
      const m = index.get(target);
      if (p === undefined || m === undefined) return;
      const evidence = (a["evidence"] as { article?: string }[] | undefined) ?? [];
      const arts = evidence.map((e) => articles.index.get(e.article ?? "")).filter((i) => i !== undefined);
      attended.push({ person: p, meeting: m, articles: arts });
    }
  });
  // a speaker quoted in an article is in it even when the mention finder did not record the name there
  for (const [quote, speaker] of quoteSpeaker)
    for (const art of quoteArticles.get(quote) ?? [])
      if (!nodeArticles[speaker]!.has(art)) nodeArticles[speaker]!.set(art, 1);
  nodeArticles.forEach((arts, node) => {
    for (const [art, count] of arts) articleNodes[art]!.push([node, count]);
  });

  // pairs: key a * n + b (a < b) → kinds and supporting articles
  const pairs = new Map<number, { kinds: number; support: number[] }>();
  const addPair = (x: number, y: number, kind: number, support: readonly number[]): void => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const k = a * n + b;
    const pair = pairs.get(k);
    if (pair) {
      pair.kinds |= kind;
      for (const s of support) pair.support.push(s);
    } else pairs.set(k, { kinds: kind, support: [...support] });
  };
  const mentionedWith = countMentionedWith(articleNodes, labels, n);
  for (const [art, named] of articleNodes.entries()) {
    const top = pairedNodes(named, labels);
    for (let i = 0; i < top.length; i++)
      for (let j = i + 1; j < top.length; j++) {
        const [a, b] = top[i]! < top[j]! ? [top[i]!, top[j]!] : [top[j]!, top[i]!];
        if ((mentionedWith.get(a * n + b) ?? 0) >= MIN_MENTIONED_WITH) addPair(a, b, bit("MENTIONED_WITH"), [art]);
      }
  }
  const speakersByArticle = new Map<number, Set<number>>();
  for (const [quote, speaker] of quoteSpeaker) {
    const arts = quoteArticles.get(quote) ?? [];
    for (const art of arts) {
      const set = speakersByArticle.get(art) ?? new Set();
      set.add(speaker);
      speakersByArticle.set(art, set);
    }
    const meeting = quoteMeeting.get(quote);
    if (meeting !== undefined) addPair(speaker, meeting, bit("SPOKE_AT"), arts);
  }
  for (const [art, speakers] of speakersByArticle) {
    const list = [...speakers];
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) addPair(list[i]!, list[j]!, bit("QUOTED_WITH"), [art]);
  }
  const attendeesByMeeting = new Map<number, number[]>();
  for (const { person, meeting, articles: arts } of attended) {
    const support = arts.length > 0 ? arts : [...nodeArticles[meeting]!.keys()];
    addPair(person, meeting, bit("ATTENDED"), support);
    attendeesByMeeting.set(meeting, [...(attendeesByMeeting.get(meeting) ?? []), person]);
  }
  for (const [meeting, people] of attendeesByMeeting) {
    const support = [...nodeArticles[meeting]!.keys()];
    for (let i = 0; i < people.length; i++)
      for (let j = i + 1; j < people.length; j++) addPair(people[i]!, people[j]!, bit("MET"), support);
  }
  return packLayer(keys, index, labels, names, nodeArticles, pairs);
}

/** Entities of one article that pair up: people and organisations, the most mentioned first. */
function pairedNodes(named: [number, number][], labels: NodeLabel[]): number[] {
  const entities = named.filter(([node]) => labels[node] !== "Meeting");
  if (entities.length > MAX_PAIRED_PER_ARTICLE) entities.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  return entities.slice(0, MAX_PAIRED_PER_ARTICLE).map(([node]) => node);
}

/** How many articles name each pair of entities (first pass, so rare pairs never get a support list). */
function countMentionedWith(articleNodes: [number, number][][], labels: NodeLabel[], n: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const named of articleNodes) {
    const top = pairedNodes(named, labels);
    for (let i = 0; i < top.length; i++)
      for (let j = i + 1; j < top.length; j++) {
        const [a, b] = top[i]! < top[j]! ? [top[i]!, top[j]!] : [top[j]!, top[i]!];
        counts.set(a * n + b, (counts.get(a * n + b) ?? 0) + 1);
      }
  }
  return counts;
}

/** Packs the per-node and per-pair maps into typed arrays, with supports deduplicated and sorted. */
function packLayer(
  keys: string[],
  index: Map<string, number>,
  labels: NodeLabel[],
  names: string[],
  nodeArticles: Map<number, number>[],
  pairs: Map<number, { kinds: number; support: number[] }>,
): EntityLayer {
  const n = keys.length;
  const artStart = new Int32Array(n + 1);
  nodeArticles.forEach((m, i) => (artStart[i + 1] = artStart[i]! + m.size));
  const artIdx = new Int32Array(artStart[n]!);
  const artCount = new Int32Array(artStart[n]!);
  nodeArticles.forEach((m, i) => {
    let at = artStart[i]!;
    for (const [art, count] of [...m].sort((x, y) => x[0] - y[0])) {
      artIdx[at] = art;
      artCount[at++] = count;
    }
  });
  const pairKeys = [...pairs.keys()].sort((x, y) => x - y);
  const m = pairKeys.length;
  const edgeA = new Int32Array(m);
  const edgeB = new Int32Array(m);
  const kinds = new Int32Array(m);
  const supStart = new Int32Array(m + 1);
  const supports: number[][] = [];
  pairKeys.forEach((k, e) => {
    const pair = pairs.get(k)!;
    edgeA[e] = Math.floor(k / n);
    edgeB[e] = k % n;
    kinds[e] = pair.kinds;
    const support = [...new Set(pair.support)].sort((x, y) => x - y);
    supports.push(support);
    supStart[e + 1] = supStart[e]! + support.length;
  });
  const supIdx = new Int32Array(supStart[m]!);
  supports.forEach((s, e) => supIdx.set(s, supStart[e]!));
  const degree = new Int32Array(n);
  for (let e = 0; e < m; e++) {
    degree[edgeA[e]!]!++;
    degree[edgeB[e]!]!++;
  }
  const adjStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) adjStart[i + 1] = adjStart[i]! + degree[i]!;
  const fill = adjStart.slice(0, n);
  const adjEdge = new Int32Array(adjStart[n]!);
  for (let e = 0; e < m; e++) {
    adjEdge[fill[edgeA[e]!]!++] = e;
    adjEdge[fill[edgeB[e]!]!++] = e;
  }
  return {
    keys,
    index,
    labels,
    names,
    artStart,
    artIdx,
    artCount,
    edgeA,
    edgeB,
    kinds,
    supStart,
    supIdx,
    adjStart,
    adjEdge,
  };
}
