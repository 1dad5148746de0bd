import type { DirectedGraph } from "graphology";
import { EDGE_KINDS, type EdgeKind, type GraphSlice, type ViewEdge, type ViewNode } from "../../schema/api.ts";
import { MAX_VIEW_EDGES } from "../../schema/api.ts";
import type { ArticleTable, EntityLayer } from "./entity-layer.ts";
import type { ArticleMask } from "./filter.ts";
import type { LayerLayout } from "./layer-layout.ts";
import { entityLabels, type FilteredLayer } from "./slices.ts";

/**
 * Every node of the graph in one index space: entity-layer nodes first (same indices), then articles, then quotes.
 * Articles and quotes sit next to the entities they belong to, so switching from the entity view to the full view
 * keeps every person where they were.
 */
export interface FullLayer {
  /** Quote keys, their (shortened) text and the articles reporting each. */
  quoteKeys: string[];
  quoteNames: string[];
  quoteArticles: number[][];
  x: Float64Array;
  y: Float64Array;
  /** Raw relationships of graph.json: global indices and the EDGE_KINDS bit. */
  edgeS: Int32Array;
  edgeT: Int32Array;
  edgeKind: Int32Array;
  /** Links per node, used as the size of articles and quotes. */
  degree: Int32Array;
}

const RAW_KINDS = new Set<string>(["MENTIONED_IN", "SAID", "QUOTED_IN", "ATTENDED", "SAID_AT"]);
const bit = (kind: EdgeKind): number => 1 << EDGE_KINDS.indexOf(kind);

/** Two decimals are plenty on a canvas and keep the JSON short. */
const round2 = (v: number): number => Math.round(v * 100) / 100;

/** A deterministic jitter in [-1, 1) from an index, so quotes of one person fan out around them. */
const jitter = (i: number, salt: number): number => (Math.imul(i + 1, 2654435761 + salt * 40503) >>> 0) / 2 ** 31 - 1;

/** Places articles and quotes next to their entities and lists the raw relationships. */
export function buildFullLayer(
  graph: DirectedGraph,
  layer: EntityLayer,
  layout: LayerLayout,
  articles: ArticleTable,
): FullLayer {
  const n = layer.keys.length;
  const a = articles.keys.length;
  const quoteKeys: string[] = [];
  const quoteNames: string[] = [];
  graph.forEachNode((key, attrs) => {
    if (attrs["label"] !== "Quote") return;
    quoteKeys.push(key);
    const text = String(attrs["text"] ?? "");
    quoteNames.push(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  });
  const quoteIndex = new Map(quoteKeys.map((k, i) => [k, i]));
  const global = (key: string): number | undefined => {
    const e = layer.index.get(key);
    if (e !== undefined) return e;
    const art = articles.index.get(key);
    if (art !== undefined) return n + art;
    const q = quoteIndex.get(key);
    return q === undefined ? undefined : n + a + q;
  };
  const total = n + a + quoteKeys.length;
  const s: number[] = [];
  const t: number[] = [];
  const k: number[] = [];
  const degree = new Int32Array(total);
  const quoteArticles: number[][] = quoteKeys.map(() => []);
  const quoteSpeaker = new Int32Array(quoteKeys.length).fill(-1);
  graph.forEachEdge((_e, attrs, source, target) => {
    const type = attrs["type"] as string;
    if (!RAW_KINDS.has(type)) return;
    const gs = global(source);
    const gt = global(target);
    if (gs === undefined || gt === undefined) return;
    s.push(gs);
    t.push(gt);
    k.push(bit(type as EdgeKind));
    degree[gs]!++;
    degree[gt]!++;
    if (type === "QUOTED_IN") quoteArticles[gs - n - a]!.push(gt - n);
    if (type === "SAID") quoteSpeaker[gt - n - a] = gs;
  });
  // articles at the centre of the entities they name; quotes between their speaker and their first article
  const x = new Float64Array(total);
  const y = new Float64Array(total);
  x.set(layout.x);
  y.set(layout.y);
  let radius = 1;
  for (let i = 0; i < n; i++) radius = Math.max(radius, Math.hypot(layout.x[i]!, layout.y[i]!));
  const spread = radius / 60;
  const sumX = new Float64Array(a);
  const sumY = new Float64Array(a);
  const count = new Int32Array(a);
  for (let i = 0; i < n; i++)
    for (let j = layer.artStart[i]!; j < layer.artStart[i + 1]!; j++) {
      const art = layer.artIdx[j]!;
      sumX[art]! += layout.x[i]!;
      sumY[art]! += layout.y[i]!;
      count[art]!++;
    }
  for (let art = 0; art < a; art++) {
    const [cx, cy] = count[art]
      ? [sumX[art]! / count[art]!, sumY[art]! / count[art]!]
      : [Math.cos(art) * radius * 1.3, Math.sin(art) * radius * 1.3];
    x[n + art] = round2(cx + jitter(art, 1) * spread);
    y[n + art] = round2(cy + jitter(art, 2) * spread);
  }
  quoteKeys.forEach((_key, q) => {
    const speaker = quoteSpeaker[q]!;
    const art = quoteArticles[q]![0];
    const ax = art === undefined ? 0 : x[n + art]!;
    const ay = art === undefined ? 0 : y[n + art]!;
    const [cx, cy] = speaker >= 0 ? [0.7 * x[speaker]! + 0.3 * ax, 0.7 * y[speaker]! + 0.3 * ay] : [ax, ay];
    x[n + a + q] = round2(cx + jitter(q, 3) * spread);
    y[n + a + q] = round2(cy + jitter(q, 4) * spread);
  });
  return {
    quoteKeys,
    quoteNames,
    quoteArticles,
    x,
    y,
    edgeS: Int32Array.from(s),
    edgeT: Int32Array.from(t),
    edgeKind: Int32Array.from(k),
    degree,
  };
}

/**
 * The full graph under the filters: entities as in the entity view, articles that pass, quotes reported by one that
 * passes. At most `limit` nodes: entities by mentions first, then articles, then quotes.
 */
export function fullView(
  f: FilteredLayer,
  full: FullLayer,
  articles: ArticleTable,
  mask: ArticleMask,
  limit: number,
): GraphSlice {
  const { layer, layout } = f;
  const n = layer.keys.length;
  const a = articles.keys.length;
  const labels = new Set(f.filter.labels ?? ["Person", "Org", "Meeting", "Quote", "Article"]);
  const min = f.filter.minMentions ?? 0;
  const entities = entityLabels(f.filter);
  const order: number[] = [];
  for (let i = 0; i < n; i++)
    if (entities.has(layer.labels[i]!) && f.mentions[i]! > 0 && f.mentions[i]! >= min) order.push(i);
  order.sort((x, y) => f.mentions[y]! - f.mentions[x]! || x - y);
  if (labels.has("Article")) for (let i = 0; i < a; i++) if (!mask || mask[i]) order.push(n + i);
  if (labels.has("Quote"))
    full.quoteKeys.forEach((_k, q) => {
      if (!mask || full.quoteArticles[q]!.some((art) => mask[art])) order.push(n + a + q);
    });
  const matchedNodes = order.length;
  order.length = Math.min(order.length, limit);
  const position = new Map(order.map((g, i) => [g, i]));
  const nodes: ViewNode[] = order.map((g) => {
    if (g < n)
      return [
        layer.keys[g]!,
        layer.labels[g]!,
        layer.names[g]!,
        layout.x[g]!,
        layout.y[g]!,
        f.mentions[g]!,
        layout.community[g]!,
      ];
    if (g < n + a)
      return [articles.keys[g - n]!, "Article", articles.titles[g - n]!, full.x[g]!, full.y[g]!, full.degree[g]!, -1];
    const q = g - n - a;
    return [full.quoteKeys[q]!, "Quote", full.quoteNames[q]!, full.x[g]!, full.y[g]!, 1, -1];
  });
  const edges: ViewEdge[] = [];
  let matchedEdges = 0;
  for (let e = 0; e < full.edgeS.length; e++) {
    const s = position.get(full.edgeS[e]!);
    const t = position.get(full.edgeT[e]!);
    if (s === undefined || t === undefined) continue;
    matchedEdges++;
    if (edges.length < MAX_VIEW_EDGES) edges.push([s, t, 1, full.edgeKind[e]!]);
  }
  return { nodes, edges, matched: { nodes: matchedNodes, edges: matchedEdges } };
}
