import { z } from "zod";
import { Span } from "./article.ts";

/** Direct = inside quote marks; indirect = reported speech without them. */
export const QUOTE_KINDS = ["direct", "indirect"] as const;
export const QuoteKind = z.enum(QUOTE_KINDS);
export type QuoteKind = z.infer<typeof QuoteKind>;

/** One report of a quote in one article. */
export const QuoteReport = z.object({
  article: z.string(),
  span: Span,
  sentence: z.string(),
  verb: z.string().optional(),
  confidence: z.number().min(0).max(1),
});
export type QuoteReport = z.infer<typeof QuoteReport>;
