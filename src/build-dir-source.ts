import type { DirectedGraph } from "graphology";
import type {
  DetailsQuery,
  EgoQuery,
  Facets,
  FacetsQuery,
  GraphInfo,
  GraphSlice,
  NodeDetails,
  PathQuery,
  ReportPage,
  SearchHit,
  ViewFilter,
  ViewQuery,
} from "../schema/api.ts";
import type { NodeLabel } from "../schema/graph.ts";
import { RunReport } from "../schema/report.ts";
import { LEXICON } from "../ingest/text/lexicons.ts";
import type { GraphSource } from "./graph-source.ts";
import { loadGraphIndex, type LoadedGraph } from "./graph-index.ts";
import { NodeDetailsReader } from "./view/details.ts";
import {
  buildArticleTable,
  buildEntityLayer,
  dayDate,
  type ArticleTable,
  type EntityLayer,
} from "./view/entity-layer.ts";
import { articleMask, edgeWeights, nodeMentions, type ArticleMask } from "./view/filter.ts";
import { buildFullLayer, fullView, type FullLayer } from "./view/full-view.ts";
import { layoutEntityLayer, type LayerLayout } from "./view/layer-layout.ts";
import { LAYOUT_CACHE_FILE, readLayoutCache, writeLayoutCache } from "./view/layout-cache.ts";
import { SearchIndex } from "./view/search-index.ts";
import { egoView, entityView, pathView, type FilteredLayer } from "./view/slices.ts";

/** Options of BuildDirSource.open. */
export interface BuildDirOptions {
  /** One line per slow step of loading (parsing, layout), for the terminal. */
  onProgress?: (message: string) => void;
}

/** Options of BuildDirSource.fromGraph. */
export interface GraphOptions extends BuildDirOptions {
  /** Folder of the layout cache (viewer-layout.json); without one the layout is computed on every start. */
  layoutCacheDir?: string;
  /** When reading the graph began (Date.now()), so that the "ready in" line counts the reading too. */
  startedAt?: number;
}

/** Counts under one outlet/date filter, kept for the next requests with the same filter. */
interface Counts {
  mask: ArticleMask;
  mentions: Int32Array;
  weights: Int32Array;
}

const COUNTS_CACHED = 16;

/**
 * A GraphSource over a graph held in memory: the entity layer derived and laid out at load time. Opened on a build
 * folder (graph.json), or made from a graph read elsewhere (Neo4j: src/neo4j-source.ts) with `fromGraph`.
 */
export class BuildDirSource implements GraphSource {
  private readonly counts = new Map<string, Counts>();
  private fullLayer: FullLayer | undefined;

  private constructor(
    readonly version: string,
    private readonly graph: DirectedGraph,
    private readonly reportJson: unknown,
    private readonly articles: ArticleTable,
    private readonly layer: EntityLayer,
    private readonly layout: LayerLayout,
    private readonly searchIndex: SearchIndex,
    private readonly reader: NodeDetailsReader,
  ) {}

  /** Loads graph.json, derives the entity layer and reads its layout from the cache file or computes it. */
  static async open(dataDir: string, options: BuildDirOptions = {}): Promise<BuildDirSource> {
    const started = Date.now();
    const loaded = await loadGraphIndex(dataDir);
    return BuildDirSource.fromGraph(loaded, { ...options, layoutCacheDir: dataDir, startedAt: started });
  }

  /**
   * Serves a graph of the export contract, wherever it was read from: derives the entity layer and reads its layout
   * from the cache folder, when one is given and holds this version's, or computes it (and caches it there).
   */
  static async fromGraph(loaded: LoadedGraph, options: GraphOptions = {}): Promise<BuildDirSource> {
    const started = options.startedAt ?? Date.now();
    const say = options.onProgress ?? (() => {});
    const { graph, version, report } = loaded;
    const cacheDir = options.layoutCacheDir;
    say(`read ${graph.order.toLocaleString("en")} nodes and ${graph.size.toLocaleString("en")} edges`);
    const articles = buildArticleTable(graph);
    const layer = buildEntityLayer(graph, articles);
    const mentions = nodeMentions(layer, null);
    const weights = edgeWeights(layer, null);
    let layout = cacheDir ? await readLayoutCache(cacheDir, version, layer.keys) : undefined;
    if (!layout) {
      const once = cacheDir ? " (once per build)" : "";
      say(`laying out ${layer.keys.length.toLocaleString("en")} people, organisations and meetings${once}`);
      layout = layoutEntityLayer(layer, mentions, weights);
      const failed = cacheDir ? await writeLayoutCache(cacheDir, version, layer.keys, layout) : undefined;
      if (failed)
        say(`cannot write ${LAYOUT_CACHE_FILE} in ${cacheDir} (${failed}): the layout is recomputed next time`);
    }
    const mentionsByKey = new Map(layer.keys.map((k, i) => [k, mentions[i]!]));
    const searchIndex = SearchIndex.build(graph, mentionsByKey, LEXICON.registry);
    say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const source = new BuildDirSource(
      version,
      graph,
      report,
      articles,
      layer,
      layout,
      searchIndex,
      new NodeDetailsReader(graph),
    );
    source.counts.set(countsKey({}), { mask: null, mentions, weights });
    return source;
  }

  /** The entity layer recounted under a filter (cached by outlet and dates: labels and minimum do not change it). */
  private filtered(filter: ViewFilter): FilteredLayer & { mask: ArticleMask } {
    const key = countsKey(filter);
    let counts = this.counts.get(key);
    if (!counts) {
      const mask = articleMask(this.articles, filter);
      counts = { mask, mentions: nodeMentions(this.layer, mask), weights: edgeWeights(this.layer, mask) };
      if (this.counts.size >= COUNTS_CACHED) this.counts.delete([...this.counts.keys()][1]!); // keep the unfiltered
      this.counts.set(key, counts);
    }
    return { layer: this.layer, layout: this.layout, filter, ...counts };
  }

  async info(): Promise<GraphInfo> {
    const counts: Partial<Record<NodeLabel, number>> = {};
    this.graph.forEachNode((_k, a) => {
      const label = a["label"] as NodeLabel;
      counts[label] = (counts[label] ?? 0) + 1;
    });
    return {
      version: this.version,
      counts,
      edges: this.graph.size,
      entityLayer: { nodes: this.layer.keys.length, edges: this.layer.edgeA.length },
      communities: this.layout.communities.slice(0, 24),
    };
  }

  async facets(query: FacetsQuery): Promise<Facets> {
    const outletCounts = new Int32Array(this.articles.outlets.length);
    for (const o of this.articles.outlet) if (o >= 0) outletCounts[o]!++;
    const mask = articleMask(this.articles, { ...(query.outlet ? { outlet: query.outlet } : {}) });
    const days = new Map<number, number>();
    let undated = 0;
    this.articles.day.forEach((day, i) => {
      if (mask && !mask[i]) return;
      if (day < 0) undated++;
      else days.set(day, (days.get(day) ?? 0) + 1);
    });
    const mentions = this.filtered({}).mentions;
    return {
      outlets: this.articles.outlets
        .map((name, i) => ({ name, count: outletCounts[i]! }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      days: [...days].sort((a, b) => a[0] - b[0]).map(([day, count]) => ({ date: dayDate(day), count })),
      undated,
      maxMentions: mentions.reduce((m, v) => Math.max(m, v), 0),
    };
  }

  async view(query: ViewQuery): Promise<GraphSlice> {
    const f = this.filtered(query);
    if (query.mode === "entities") return entityView(f, query.limit);
    this.fullLayer ??= buildFullLayer(this.graph, this.layer, this.layout, this.articles);
    return fullView(f, this.fullLayer, this.articles, f.mask, query.limit);
  }

  async ego(query: EgoQuery): Promise<GraphSlice> {
    return egoView(this.filtered(query), query);
  }

  async path(query: PathQuery): Promise<GraphSlice> {
    return pathView(this.filtered(query), query);
  }

  async search(q: string, limit: number): Promise<SearchHit[]> {
    return this.searchIndex.search(q, limit);
  }

  async details(key: string, page: DetailsQuery): Promise<NodeDetails | undefined> {
    return this.reader.read(key, page);
  }

  async report(page: DetailsQuery): Promise<ReportPage | null> {
    const parsed = RunReport.safeParse(this.reportJson);
    if (!parsed.success) return null;
    const { totals, files } = parsed.data;
    return {
      totals: totals as Record<string, number>,
      files: { total: files.length, items: files.slice(page.offset, page.offset + page.limit) },
    };
  }

  async close(): Promise<void> {
    this.counts.clear();
  }
}

/** The part of a filter that changes counts: outlets and dates. */
function countsKey(filter: ViewFilter): string {
  return JSON.stringify([filter.outlet?.slice().sort() ?? [], filter.dateFrom ?? "", filter.dateTo ?? ""]);
}
