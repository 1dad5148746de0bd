import { z } from "zod";
import { Span } from "./article.ts";
import { MergeReason } from "./entities.ts";
import { AttendeeRole, MeetingStatus } from "./meeting.ts";
import { QuoteKind } from "./quote.ts";

/** Node labels of the export contract. */
export const NODE_LABELS = ["Person", "Org", "Meeting", "Quote", "Article"] as const;
export const NodeLabel = z.enum(NODE_LABELS);
export type NodeLabel = z.infer<typeof NodeLabel>;

/** Edge types of the export contract. */
export const EDGE_TYPES = ["MENTIONED_IN", "SAID", "QUOTED_IN", "ATTENDED", "SAID_AT"] as const;
export const EdgeType = z.enum(EDGE_TYPES);
export type EdgeType = z.infer<typeof EdgeType>;

/** Evidence carried by every extracted node and edge: article id and character spans. */
export const EvidenceRef = z.object({ article: z.string(), spans: z.array(Span), sentence: z.string().optional() });
export type EvidenceRef = z.infer<typeof EvidenceRef>;

const common = { evidence: z.array(EvidenceRef).optional(), x: z.number().optional(), y: z.number().optional() };

/** Person or Org node attributes. */
export const EntityAttributes = z.object({
  label: z.enum(["Person", "Org"]),
  name: z.string(),
  aliases: z.array(z.string()),
  titles: z.array(z.string()),
  latin: z.string().optional(),
  wikidata: z.string().optional(),
  mergedBecause: z.array(MergeReason),
  mentions: z.number().int().nonnegative(),
  ...common,
});
export type EntityAttributes = z.infer<typeof EntityAttributes>;

/** Quote node attributes; `sentence` and `confidence` come from the first report. */
export const QuoteAttributes = z.object({
  label: z.literal("Quote"),
  text: z.string(),
  kind: QuoteKind,
  verb: z.string().optional(),
  confidence: z.number(),
  ...common,
});
export type QuoteAttributes = z.infer<typeof QuoteAttributes>;

/** Meeting node attributes. */
export const MeetingAttributes = z.object({
  label: z.literal("Meeting"),
  name: z.string(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  dateText: z.string().optional(),
  location: z.string().optional(),
  status: MeetingStatus,
  ...common,
});
export type MeetingAttributes = z.infer<typeof MeetingAttributes>;

/** Article node attributes. */
export const ArticleAttributes = z.object({
  label: z.literal("Article"),
  file: z.string(),
  title: z.string(),
  url: z.string().optional(),
  published: z.string().optional(),
  outlet: z.string().optional(),
  author: z.string().optional(),
  x: z.number().optional(),
  y: z.number().optional(),
});
export type ArticleAttributes = z.infer<typeof ArticleAttributes>;

/** Any node's attributes, discriminated by label. */
export const NodeAttributes = z.discriminatedUnion("label", [
  EntityAttributes,
  QuoteAttributes,
  MeetingAttributes,
  ArticleAttributes,
]);
export type NodeAttributes = z.infer<typeof NodeAttributes>;

/** Edge attributes; `forms` on MENTIONED_IN, `role` on ATTENDED. */
export const EdgeAttributes = z.object({
  type: EdgeType,
  forms: z.array(z.string()).optional(),
  role: AttendeeRole.optional(),
  evidence: z.array(EvidenceRef).optional(),
  confidence: z.number().optional(),
});
export type EdgeAttributes = z.infer<typeof EdgeAttributes>;

/**
 * The key of an edge in graph.json: its type and ends (ingest/graph/assemble-graph.ts keys every edge so). Neo4j stores no
 * edge key, so a graph read back from Neo4j is keyed by this to match the build's.
 */
export const edgeKey = (type: EdgeType, source: string, target: string): string => `${type}:${source}->${target}`;

/** graph.json: graphology's serialization format. */
export const GraphExport = z.object({
  attributes: z.record(z.string(), z.unknown()).optional(),
  options: z.object({ type: z.string(), multi: z.boolean(), allowSelfLoops: z.boolean() }).optional(),
  nodes: z.array(z.object({ key: z.string(), attributes: NodeAttributes })),
  edges: z.array(
    z.object({ key: z.string().optional(), source: z.string(), target: z.string(), attributes: EdgeAttributes }),
  ),
});
export type GraphExport = z.infer<typeof GraphExport>;
