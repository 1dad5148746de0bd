import { z } from "zod";
import { MergeReason } from "./entities.ts";
import { FileReport } from "./report.ts";
import { NODE_LABELS, NodeLabel } from "./graph.ts";
import { AttendeeRole, MeetingStatus } from "./meeting.ts";
import { QuoteKind } from "./quote.ts";

// The viewer's HTTP API: query parameters (validated where they enter the server) and response bodies (the contract
// a GraphSource implementation must meet, whether it reads a build folder or Neo4j).

/** Longest text parameter the API accepts (search text, outlet name). */
export const MAX_TEXT_PARAM = 200;
/** Longest node key the API accepts: keys are `person:<slug>` and the like, far shorter in practice. */
export const MAX_KEY_LENGTH = 300;
/** Most nodes one view may return: bounds the response size whatever the graph (about 100 bytes per node). */
export const MAX_VIEW_NODES = 60_000;
/** Most edges one view may return. */
export const MAX_VIEW_EDGES = 150_000;

/** What the graph view draws: the entity layer (people, organisations, meetings) or every node. */
export const VIEW_MODES = ["entities", "full"] as const;
export const ViewMode = z.enum(VIEW_MODES);
export type ViewMode = z.infer<typeof ViewMode>;

export { EDGE_KINDS, type EdgeKind } from "./view-edges.ts";

const key = z.string().min(1).max(MAX_KEY_LENGTH);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expecting a date as YYYY-MM-DD");
/** A list parameter given once or repeated (`outlet=a&outlet=b`), or comma-joined (`labels=Person,Org`). */
const listOf = (item: z.ZodString, max: number) =>
  z
    .union([z.string().max(MAX_TEXT_PARAM * 4), z.array(z.string().max(MAX_TEXT_PARAM * 4)).max(max)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(item).max(max));

/** Filters shared by every view: labels drawn, outlets, a date range over article dates, a minimum of mentions. */
export const ViewFilter = z.object({
  labels: z
    .string()
    .max(100)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(NodeLabel).max(NODE_LABELS.length))
    .optional(),
  outlet: listOf(z.string().min(1).max(MAX_TEXT_PARAM), 50).optional(),
  dateFrom: day.optional(),
  dateTo: day.optional(),
  minMentions: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type ViewFilter = z.infer<typeof ViewFilter>;

/** GET /api/view: the entity layer or the full graph under the filters, the `limit` most mentioned nodes first. */
export const ViewQuery = ViewFilter.extend({
  mode: ViewMode.default("entities"),
  limit: z.coerce.number().int().min(1).max(MAX_VIEW_NODES).default(5_000),
});
export type ViewQuery = z.infer<typeof ViewQuery>;

/** GET /api/ego: the given nodes and their neighbours `depth` steps out in the entity layer. */
export const EgoQuery = ViewFilter.extend({
  key: listOf(key, 50),
  depth: z.coerce.number().int().min(1).max(3).default(1),
  limit: z.coerce.number().int().min(1).max(MAX_VIEW_NODES).default(2_000),
});
export type EgoQuery = z.infer<typeof EgoQuery>;

/** GET /api/path: a shortest path between two entities in the entity layer. */
export const PathQuery = ViewFilter.extend({ source: key, target: key });
export type PathQuery = z.infer<typeof PathQuery>;

/** GET /api/search: suggestions as one types. */
export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(MAX_TEXT_PARAM),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** GET /api/node/:key: the details panel; quotes and articles come a page at a time. */
export const DetailsQuery = z.object({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type DetailsQuery = z.infer<typeof DetailsQuery>;

/** GET /api/facets: what the filters can choose from; the day counts follow the outlet filter. */
export const FacetsQuery = ViewFilter.pick({ outlet: true });
export type FacetsQuery = z.infer<typeof FacetsQuery>;

/** The key of a node in a URL path. */
export const NodeKeyParam = z.object({ key });

/** One node of a view: [key, label, display name, x, y, mentions under the filters, community (-1: none)]. */
export const ViewNode = z.tuple([key, NodeLabel, z.string(), z.number(), z.number(), z.number(), z.number().int()]);
export type ViewNode = z.infer<typeof ViewNode>;

/** One edge of a view: [source index, target index into `nodes`, weight, bit mask of EDGE_KINDS]. */
export const ViewEdge = z.tuple([z.number().int(), z.number().int(), z.number(), z.number().int()]);
export type ViewEdge = z.infer<typeof ViewEdge>;

/** A part of the graph to draw, with how much matched before the limit cut it. */
export const GraphSlice = z.object({
  nodes: z.array(ViewNode),
  edges: z.array(ViewEdge),
  matched: z.object({ nodes: z.number().int(), edges: z.number().int() }),
  /** For a path: the node keys from source to target; empty when none joins them. */
  path: z.array(z.string()).optional(),
});
export type GraphSlice = z.infer<typeof GraphSlice>;

/** A community of the entity layer (Louvain), named after its most mentioned member. */
export const Community = z.object({ id: z.number().int(), size: z.number().int(), name: z.string() });
export type Community = z.infer<typeof Community>;

/** GET /api/info: counts, the largest communities, and the version that ETags are made from. */
export const GraphInfo = z.object({
  version: z.string(),
  counts: z.partialRecord(NodeLabel, z.number().int()),
  edges: z.number().int(),
  entityLayer: z.object({ nodes: z.number().int(), edges: z.number().int() }),
  communities: z.array(Community),
});
export type GraphInfo = z.infer<typeof GraphInfo>;

/** GET /api/facets. */
export const Facets = z.object({
  outlets: z.array(z.object({ name: z.string(), count: z.number().int() })),
  days: z.array(z.object({ date: day, count: z.number().int() })),
  undated: z.number().int(),
  maxMentions: z.number().int(),
});
export type Facets = z.infer<typeof Facets>;

/** One search suggestion. `exact`: the query is one of the node's names; `matched`: the text that matched. */
export const SearchHit = z.object({
  key,
  label: NodeLabel,
  name: z.string(),
  matched: z.string(),
  exact: z.boolean(),
  mentions: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** An article as the panel shows it. */
export const ArticleRef = z.object({
  key,
  title: z.string(),
  outlet: z.string().optional(),
  published: z.string().optional(),
  url: z.string().optional(),
});
export type ArticleRef = z.infer<typeof ArticleRef>;

/** A named node (person, organisation, meeting) as a link in the panel. */
export const NodeRef = z.object({ key, label: NodeLabel, name: z.string() });
export type NodeRef = z.infer<typeof NodeRef>;

/** A quote with where it was reported and how sure the speaker attribution is. */
export const QuoteRef = z.object({
  key,
  text: z.string(),
  kind: QuoteKind,
  verb: z.string().optional(),
  confidence: z.number(),
  sentence: z.string().optional(),
  speaker: NodeRef.optional(),
  meeting: NodeRef.optional(),
  articles: z.array(ArticleRef),
});
export type QuoteRef = z.infer<typeof QuoteRef>;

/** A page of a longer list. */
const page = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item) });

/** GET /api/node/:key for a Person or Org. */
export const EntityDetails = z.object({
  key,
  label: z.enum(["Person", "Org"]),
  name: z.string(),
  aliases: z.array(z.string()),
  titles: z.array(z.string()),
  latin: z.string().optional(),
  wikidata: z.string().optional(),
  /** Why the names are one node, each distinct reason once, with how many times the resolver recorded it. */
  mergedBecause: z.array(MergeReason.extend({ times: z.number().int().positive() })),
  mentions: z.number().int(),
  quotes: page(QuoteRef),
  meetings: z.array(NodeRef.extend({ date: z.string().optional(), role: AttendeeRole.optional() })),
  quotedWith: z.array(NodeRef.extend({ count: z.number().int() })),
  articles: page(ArticleRef),
});
export type EntityDetails = z.infer<typeof EntityDetails>;

/** GET /api/node/:key for a Meeting. */
export const MeetingDetails = z.object({
  key,
  label: z.literal("Meeting"),
  name: z.string(),
  date: z.string().optional(),
  dateText: z.string().optional(),
  location: z.string().optional(),
  status: MeetingStatus,
  attendees: z.array(NodeRef.extend({ role: AttendeeRole.optional() })),
  quotes: page(QuoteRef),
  articles: page(ArticleRef),
});
export type MeetingDetails = z.infer<typeof MeetingDetails>;

/** GET /api/node/:key for an Article. */
export const ArticleDetails = ArticleRef.extend({
  label: z.literal("Article"),
  author: z.string().optional(),
  entities: z.array(NodeRef.extend({ forms: z.array(z.string()) })),
  quotes: page(QuoteRef),
});
export type ArticleDetails = z.infer<typeof ArticleDetails>;

/** GET /api/node/:key for a Quote. */
export const QuoteDetails = QuoteRef.extend({ label: z.literal("Quote") });
export type QuoteDetails = z.infer<typeof QuoteDetails>;

/** Any node's details, discriminated by label. */
export const NodeDetails = z.union([EntityDetails, MeetingDetails, ArticleDetails, QuoteDetails]);
export type NodeDetails = z.infer<typeof NodeDetails>;

/** GET /api/report: the build's totals and one page of its per-file outcomes. */
export const ReportPage = z.object({
  totals: z.record(z.string(), z.number().int()),
  files: z.object({ total: z.number().int(), items: z.array(FileReport) }),
});
export type ReportPage = z.infer<typeof ReportPage>;

/** Every error the API answers with: one line naming the parameter or path and the reason. */
export const ApiError = z.object({ error: z.string() });
export type ApiError = z.infer<typeof ApiError>;
