import { z } from "zod";

/** Input formats quotegraph reads; each has its own reader in ingest/. */
export const INPUT_FORMATS = ["markdown", "feed", "html-page", "text"] as const;
export const InputFormat = z.enum(INPUT_FORMATS);
export type InputFormat = z.infer<typeof InputFormat>;

/**
 * Where a paragraph came from: the article body, an image caption, a heading inside the body, the article's title,
 * or an aside (a credit line, footer or list of links: it names people and organisations but reports nothing).
 */
export const PARAGRAPH_KINDS = ["body", "caption", "heading", "title", "aside"] as const;

/** One paragraph of an article, with its character offset into the article's joined text. */
export const Paragraph = z.object({
  kind: z.enum(PARAGRAPH_KINDS),
  text: z.string().min(1),
  start: z.number().int().nonnegative(),
});
export type Paragraph = z.infer<typeof Paragraph>;

/** A character span [start, end) into an article's joined text. */
export const Span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Span = z.infer<typeof Span>;

/** One article as read from one input file; `text` is the paragraphs joined by "\n", as written. */
export const Article = z.object({
  id: z.string().regex(/^a_[0-9a-f]{16}$/),
  file: z.string(),
  format: InputFormat,
  url: z.string().optional(),
  title: z.string(),
  outlet: z.string().optional(),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/)
    .optional(),
  publishedRaw: z.string().optional(),
  author: z.string().optional(),
  paragraphs: z.array(Paragraph),
  text: z.string(),
});
export type Article = z.infer<typeof Article>;
