import { z } from "zod";
import { Span } from "./article.ts";

/** Entity kinds the mention finder produces. */
export const ENTITY_KINDS = ["Person", "Org"] as const;
export const EntityKind = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKind>;

/** Why a mention was taken to be a name: the signal that fired. */
export const MENTION_SIGNALS = [
  "latin-bracket",
  "title",
  "registry",
  "speech-verb",
  "dot-name",
  "org-suffix",
  "chain",
  "abbreviation",
  "byline",
  "sound-alike",
  "honorific",
  "latin-given-name",
] as const;
export const MentionSignal = z.enum(MENTION_SIGNALS);
export type MentionSignal = z.infer<typeof MentionSignal>;

/** Evidence pointing into one article. */
export const Evidence = z.object({
  article: z.string(),
  spans: z.array(Span),
});
export type Evidence = z.infer<typeof Evidence>;

/** Why two forms were merged into one node. */
export const MergeReason = z.object({
  forms: z.array(z.string()),
  reason: z.string(),
  score: z.number(),
});
export type MergeReason = z.infer<typeof MergeReason>;

/** A person or organisation node of the graph. */
export const Entity = z.object({
  key: z.string(),
  label: EntityKind,
  name: z.string(),
  latin: z.string().optional(),
  wikidata: z.string().optional(),
  aliases: z.array(z.string()),
  titles: z.array(z.string()),
  mergedBecause: z.array(MergeReason),
  evidence: z.array(Evidence),
});
export type Entity = z.infer<typeof Entity>;
