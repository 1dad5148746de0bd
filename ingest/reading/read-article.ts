import { createHash } from "node:crypto";
import { parse as parseYaml } from "yaml";
import type { Article, InputFormat, Paragraph } from "../../schema/article.ts";
import type { AnyNode } from "domhandler";
import { extractTextBlocks, loadHtml, textOf, type TextBlock } from "./html-body.ts";
import { markdownToHtml } from "./markdown-body.ts";
import { parsePublishedDate } from "./parse-date.ts";
import outlets from "../lexicon/outlets.json" with { type: "json" };
import { fail, succeed, type Result } from "../result.ts";

/** What the format-specific readers produce before offsets and the id are assigned. */
interface ArticleDraft {
  format: InputFormat;
  title: string;
  url?: string | undefined;
  outlet?: string | undefined;
  publishedRaw?: string | undefined;
  published?: string | undefined;
  author?: string | undefined;
  blocks: TextBlock[];
}

const FEED_HEAD = /^\s*<!--\s*(\d{10,14})\s*-->\s*\n\s*\[([^\]\n]*)\]\(([^)\s]*)\)\s*\n\s*-{3,}\s*\n/;
const FRONT_MATTER = /^\s*---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Detects which reader applies to a file from its name and its first bytes. */
export function detectFormat(file: string, content: string): InputFormat {
  if (FEED_HEAD.test(content)) return "feed";
  if (FRONT_MATTER.test(content)) return "markdown";
  if (/\.x?html?$/i.test(file) || /^\s*(<!doctype html|<html)/i.test(content)) return "html-page";
  if (/\.(md|markdown)$/i.test(file)) return "markdown";
  return "text";
}

/**
 * The longest article text read. The longest of the 54,000 articles of pen-2411 and the Citizen News archive has
 * 42,649 characters; extraction time grows faster than the length (365,000 characters: 19 s), so a text far
 * beyond any article is refused rather than left to stall the build.
 */
export const MAX_TEXT_CHARS = 200_000;
// The yaml parser checks keys for duplicates in quadratic time (1.4 MB of keys: 5 minutes); the largest front
// matter of the Citizen News archive is 4.5 KB, and 32 KiB parse in a third of a second.
const MAX_FRONT_MATTER_CHARS = 32 * 1024;
// Titles, outlets and authors are one line; a longer one is junk in a meta tag, cut so it cannot bloat the graph.
const MAX_FIELD_CHARS = 300;

/** Reads one article from a file's decoded text; never throws, whatever the input. */
export function readArticle(file: string, content: string): Result<Article> {
  if (content.trim() === "") return fail("the file is empty");
  try {
    const format = detectFormat(file, content);
    const draft = DRAFT_READERS[format](content);
    if (!draft.ok) return draft;
    return finishArticle(file, draft.value);
  } catch (error) {
    // every known bad input has its own reason above; this keeps an unforeseen one to its own file
    return fail(`the file could not be read as an article (${(error as Error).message ?? String(error)})`);
  }
}

const DRAFT_READERS: Record<InputFormat, (content: string) => Result<ArticleDraft>> = {
  markdown: readMarkdownDraft,
  feed: readFeedDraft,
  "html-page": readHtmlPageDraft,
  text: readTextDraft,
};

function readMarkdownDraft(content: string): Result<ArticleDraft> {
  const m = FRONT_MATTER.exec(content);
  let meta: Record<string, unknown> = {};
  if (m && (m[1] ?? "").length > MAX_FRONT_MATTER_CHARS)
    return fail(
      `front matter of ${Math.round((m[1] ?? "").length / 1024)} KiB; the limit is ${MAX_FRONT_MATTER_CHARS / 1024} KiB`,
    );
  if (m) {
    try {
      const parsed: unknown = parseYaml(m[1] ?? "");
      if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed))
        meta = parsed as Record<string, unknown>;
      else if (parsed !== null) return fail("front matter is not a YAML mapping");
    } catch (error) {
      const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
      return fail(`bad YAML front matter${line ? ` at line ${line + 1}` : ""}: ${firstLine((error as Error).message)}`);
    }
  }
  const body = m ? content.slice(m[0].length) : content;
  const title = stringField(meta["title"]) ?? "";
  const blocks = extractTextBlocks(markdownToHtml(body)).filter((b) => !(b.kind === "heading" && b.text === title));
  const publishedRaw = stringField(meta["date"]);
  return succeed({
    format: "markdown",
    title,
    url: stringField(meta["url"]),
    outlet:
      stringField(meta["outlet"]) ??
      stringField(meta["source"]) ??
      hostOf(meta["original_url"] ?? meta["url"]) ??
      feedCategory(meta["categories"]),
    publishedRaw,
    published: parsePublishedDate(meta["date"] instanceof Date ? meta["date"] : publishedRaw),
    author: stringField(meta["author"]),
    blocks,
  });
}

function readFeedDraft(content: string): Result<ArticleDraft> {
  const m = FEED_HEAD.exec(content);
  if (!m) return fail("feed export without the <!--epoch-ms-->, [title](url) and ------ header");
  const epoch = Number(m[1]);
  const url = m[3] || undefined;
  return succeed({
    format: "feed",
    title: m[2] ?? "",
    url,
    outlet: hostOf(url),
    publishedRaw: m[1],
    published: parsePublishedDate(epoch),
    blocks: extractTextBlocks(content.slice(m[0].length)),
  });
}

function readHtmlPageDraft(content: string): Result<ArticleDraft> {
  const $ = loadHtml(content);
  const meta = (sel: string): string | undefined => $(sel).attr("content")?.trim() || undefined;
  const firstText = (sel: string): string => {
    const el = $(sel).first()[0];
    return el ? textOf(el as AnyNode).trim() : "";
  };
  const title = meta('meta[property="og:title"]') ?? (firstText("h1") || firstText("title"));
  const publishedRaw =
    meta('meta[property="article:published_time"]') ??
    $("time[datetime]").first().attr("datetime") ??
    meta('meta[name="pubdate"]') ??
    meta('meta[name="date"]');
  const main = ['[itemprop="articleBody"]', "article .post-content", "article", "main", "#content", "body"]
    .map((sel) => $(sel).first()[0] as AnyNode | undefined)
    .find((el) => el !== undefined && textOf(el).trim().length > 0);
  if (!main) return fail("no article text found in the page");
  const blocks = extractTextBlocks(main).filter((b) => !(b.kind === "heading" && b.text === title));
  return succeed({
    format: "html-page",
    title,
    url: meta('meta[property="og:url"]') ?? $('link[rel="canonical"]').attr("href"),
    // an archive's copy names its source outlet in the path (/pen/2411/dw/…) rather than in og:site_name
    outlet:
      outletFromUrl(meta('meta[property="og:url"]') ?? $('link[rel="canonical"]').attr("href")) ??
      meta('meta[property="og:site_name"]') ??
      meta('meta[name="author"]'),
    publishedRaw,
    published: parsePublishedDate(publishedRaw),
    author: meta('meta[name="author"]'),
    blocks,
  });
}

const OUTLET_CODES: Record<string, string> = outlets.codes;

/** The outlet an archive URL names by its short code in the path or file name (…/dw/2024/11/01/DW-….html). */
function outletFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
  const segments = path.split("/").filter(Boolean);
  const file = segments.pop() ?? "";
  const fromFile = /^([A-Za-z]{2,8})-/.exec(file)?.[1]?.toLowerCase();
  const fromPath = segments.map((x) => x.toLowerCase()).find((x) => OUTLET_CODES[x]);
  // both must agree where both are there (…/dw/…/DW-….html), so an ordinary path word is not taken for an outlet
  if (fromPath && fromFile && fromPath !== fromFile) return undefined;
  return fromPath && fromFile ? OUTLET_CODES[fromPath] : undefined;
}

function readTextDraft(content: string): Result<ArticleDraft> {
  const paragraphs = content
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const [first, ...rest] = paragraphs;
  return succeed({
    format: "text",
    title: first && first.length <= 80 ? first : "",
    blocks: (first && first.length <= 80 ? rest : paragraphs).map((text) => ({ kind: "body" as const, text })),
  });
}

function finishArticle(file: string, draft: ArticleDraft): Result<Article> {
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  // the title opens the text: it names people and organisations too (政府稱告票電子化…), though it reports nothing
  const title = clip(draft.title.replace(/\s+/g, " ").trim());
  const blocks: { kind: Paragraph["kind"]; text: string }[] = [...draft.blocks];
  if (title && /\p{Script=Han}/u.test(title) && draft.blocks[0]?.text !== title)
    blocks.unshift({ kind: "title", text: title });
  for (const block of blocks) {
    paragraphs.push({ kind: block.kind, text: block.text, start: offset });
    offset += block.text.length + 1;
  }
  const text = paragraphs.map((p) => p.text).join("\n");
  const reported = paragraphs.filter((p) => p.kind !== "title" && p.kind !== "aside");
  if (!reported.some((p) => p.text.trim())) return fail("the article body is empty");
  if (text.length > MAX_TEXT_CHARS)
    return fail(`the article text has ${thousands(text.length)} characters; the limit is ${thousands(MAX_TEXT_CHARS)}`);
  if (!reported.some((p) => /\p{Script=Han}/u.test(p.text))) return fail("no Chinese text in the article body");
  const article: Article = {
    // the id hashes what the article reports, so two copies with other titles or link lists are one article
    id: articleId(reported.map((p) => p.text).join("\n")),
    file,
    format: draft.format,
    title: clip(draft.title),
    paragraphs,
    text,
  };
  if (draft.url && draft.url.length <= 2048) article.url = draft.url;
  if (draft.outlet) article.outlet = clip(draft.outlet);
  if (draft.published) article.published = draft.published;
  if (draft.publishedRaw) article.publishedRaw = clip(draft.publishedRaw);
  if (draft.author) article.author = clip(draft.author);
  return succeed(article);
}

const thousands = (n: number): string => n.toLocaleString("en");

/** A one-line field cut to MAX_FIELD_CHARS (by code point: half a surrogate pair would be invalid XML in GEXF). */
function clip(value: string): string {
  if (value.length <= MAX_FIELD_CHARS) return value;
  return [...value].slice(0, MAX_FIELD_CHARS - 1).join("") + "…";
}

/** Stable article id: a hash of the normalised text, so one article under two file names is one article. */
export function articleId(text: string): string {
  const normalised = text.normalize("NFKC").replace(/\s+/g, "");
  return "a_" + createHash("sha256").update(normalised).digest("hex").slice(0, 16);
}

/** The first line of a parser's message, without the colon that introduced its excerpt of the source. */
const firstLine = (message: string): string => (message.split("\n")[0] ?? "").replace(/[:\s]+$/, "");

function stringField(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

/** The host of an article URL, looking through web.archive.org captures. */
function hostOf(value: unknown): string | undefined {
  const url = stringField(value)?.replace(/^https?:\/\/web\.archive\.org\/web\/[^/]+\//, "");
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return undefined;
  }
}

/** Feed exports list categories as [channel, outlet, section]; the outlet is the second. */
function feedCategory(value: unknown): string | undefined {
  return Array.isArray(value) && value.length >= 2 ? stringField(value[1]) : undefined;
}
