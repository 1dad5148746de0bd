import { load, type CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import boilerplate from "./lexicon/boilerplate.json" with { type: "json" };

/** A block of text found in an HTML body, before offsets are assigned. */
export interface TextBlock {
  kind: "body" | "caption" | "heading";
  text: string;
}

const BOILERPLATE = boilerplate.paragraphPatterns.map((p) => new RegExp(p));
const DROP_TAGS = new Set(["script", "style", "nav", "form", "svg", "button", "iframe", "select", "template", "aside"]);
const BLOCK_TAGS = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "blockquote",
  "table",
  "tr",
  "td",
  "th",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "hr",
  "pre",
  "center",
  "time",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
]);
const CAPTION_TAGS = new Set(["figcaption", "small"]);
const IMAGE_TAGS = new Set(["img", "picture", "video"]);
// A caption under a picture is short; the longest seen in the seeds is 62 characters (VOA), BBC's run to ~50.
const MAX_CAPTION_CHARS = 120;

/** True when a paragraph is a credit line, copyright footer, feed trailer or similar boilerplate. */
export function isBoilerplate(text: string): boolean {
  return BOILERPLATE.some((re) => re.test(text));
}

/** A list whose every item is just a link is a "related articles" list, not body text. */
function isLinkList($: CheerioAPI, el: Element): boolean {
  const items = $(el).children("li");
  if (items.length < 2) return false;
  return items.toArray().every((li) => {
    const text = $(li).text().trim();
    const linkText = $(li).find("a").text().trim();
    return text.length > 0 && linkText.length >= text.length * 0.8;
  });
}

/** Splits an HTML fragment or page into body paragraphs, headings and image captions, dropping boilerplate. */
export function extractTextBlocks(html: string): TextBlock[] {
  const $ = load(html, { scriptingEnabled: false });
  const blocks: TextBlock[] = [];
  let buffer = "";
  let imagePending = false;
  let captionDepth = 0;
  let headingDepth = 0;

  const flush = (): void => {
    const text = buffer.replace(/[\s\u00a0]+/g, " ").trim();
    buffer = "";
    if (!text || /^[\s\p{P}\p{S}]*$/u.test(text)) return;
    if (isBoilerplate(text)) return;
    let kind: TextBlock["kind"] = headingDepth > 0 ? "heading" : "body";
    const looksLikeCaption = text.length <= MAX_CAPTION_CHARS && !/[。！？!?]$/.test(text);
    if (captionDepth > 0 || (imagePending && looksLikeCaption)) kind = "caption";
    blocks.push({ kind, text });
    imagePending = false;
  };

  const walk = (node: AnyNode): void => {
    if (node.type === "text") {
      buffer += (node as unknown as { data: string }).data;
      return;
    }
    if (node.type !== "tag" && node.type !== "root") return;
    const el = node as Element;
    const tag = node.type === "tag" ? el.tagName.toLowerCase() : "";
    if (DROP_TAGS.has(tag)) return;
    if (el.attribs?.["aria-hidden"] === "true" || el.attribs?.["hidden"] !== undefined) return;
    if (IMAGE_TAGS.has(tag)) {
      flush();
      imagePending = true;
      return;
    }
    if (tag === "br") {
      flush();
      return;
    }
    if ((tag === "ul" || tag === "ol") && isLinkList($, el)) return;
    const isCaption = CAPTION_TAGS.has(tag) || tag === "figure";
    const isHeading = /^h[1-6]$/.test(tag);
    const isBlock = BLOCK_TAGS.has(tag) || isCaption;
    if (isBlock) flush();
    if (isCaption) captionDepth++;
    if (isHeading) headingDepth++;
    for (const child of el.children ?? []) walk(child);
    if (isBlock) flush();
    if (isCaption) captionDepth--;
    if (isHeading) headingDepth--;
  };

  walk($.root()[0] as AnyNode);
  flush();
  return blocks;
}
