import type {
  EgoQuery,
  Facets,
  FacetsQuery,
  GraphInfo,
  GraphSlice,
  NodeDetails,
  DetailsQuery,
  PathQuery,
  ReportPage,
  SearchHit,
  ViewQuery,
} from "../schema/api.ts";

/**
 * Where the viewer's API reads the graph from. The HTTP layer (src/server/) validates every parameter against the
 * zod schemas of schema/api.ts and hands the parsed values to one of these methods; whatever a method returns is
 * sent as JSON, so it must follow the response schemas of schema/api.ts.
 *
 * `BuildDirSource` (src/build-dir-source.ts) reads a build folder (graph.json); `Neo4jSource` (src/neo4j-source.ts)
 * reads what `quotegraph load` wrote into Neo4j, so the viewer works unchanged against either. Every method is
 * read-only and must never build Cypher from user text: pass keys, dates and search text as query parameters.
 *
 * The *entity layer* that views draw by default holds Person, Org and Meeting nodes. Its edges are derived:
 * MENTIONED_WITH (named in the same article), QUOTED_WITH (quoted in the same article), MET (attended the same
 * meeting), ATTENDED and SPOKE_AT (a person at a meeting). An edge's weight is the number of articles (or meetings,
 * or quotes) behind it that pass the filters. Positions (x, y) and communities belong to the entity layer and are
 * stable for one graph version.
 */
export interface GraphSource {
  /** Identifies the graph being served: changes whenever the data changes; HTTP ETags are derived from it. */
  readonly version: string;

  /**
   * Called on every API request before `version` is read, by a source whose data can change while it serves (Neo4j,
   * where another build may be loaded): a chance to look for it, in the background, never delaying the request.
   * Called before the ETag is compared, since a browser holding every answer asks only with If-None-Match.
   */
  checkForUpdate?(): void;

  /** Counts per label, the size of the entity layer and its largest communities (for the legend). */
  info(): Promise<GraphInfo>;

  /** What the filters can choose from: outlets with article counts, articles per day (under the outlet filter). */
  facets(query: FacetsQuery): Promise<Facets>;

  /**
   * The nodes to draw under the filters: in mode `entities` the entity layer, in mode `full` every label (quotes and
   * articles included). At most `limit` nodes, the most mentioned first; edges only between returned nodes (in mode
   * `entities` the heaviest, at most four per node).
   */
  view(query: ViewQuery): Promise<GraphSlice>;

  /** The ego network: the given entities and their neighbours up to `depth` steps in the entity layer. */
  ego(query: EgoQuery): Promise<GraphSlice>;

  /** A shortest path (fewest steps) between two entities in the entity layer, with the edges along it. */
  path(query: PathQuery): Promise<GraphSlice>;

  /**
   * Search suggestions over names, every alias in simplified and traditional script, titles of articles and quote
   * text. Ranked: an exact name or alias first, then by label (Person, Org, Meeting, Quote, Article), then mentions.
   */
  search(q: string, limit: number): Promise<SearchHit[]>;

  /** Everything the details panel shows about one node, or undefined when no node has this key. */
  details(key: string, page: DetailsQuery): Promise<NodeDetails | undefined>;

  /** The build's totals and a page of its per-file outcomes (report.json), or null when the source has none. */
  report(page: DetailsQuery): Promise<ReportPage | null>;

  /** Releases what the source holds (files, connections). */
  close(): Promise<void>;
}
