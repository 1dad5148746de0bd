import { load, type CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { capHtmlDepth } from "./cap-html-depth.ts";
import boilerplate from "../lexicon/boilerplate.json" with { type: "json" };

/** A block of text found in an HTML body, before offsets are assigned. */
export interface TextBlock {
  kind: "body" | "caption" | "heading" | "aside";
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

/** The text of a node and everything inside it, walked without recursion (cheerio's .text() recurses). */
export function textOf(node: AnyNode): string {
  let text = "";
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === "text") text += (n as unknown as { data: string }).data;
    else if (n.type === "tag" || n.type === "root" || n.type === "script" || n.type === "style") {
      const children = (n as Element).children ?? [];
      for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
    }
  }
  return text;
}

/** The `<a>` elements inside a node (not inside each other), found without recursion. */
function linksIn(node: AnyNode): Element[] {
  const links: Element[] = [];
  const stack: AnyNode[] = [...((node as Element).children ?? [])];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type !== "tag") continue;
    if ((n as Element).tagName.toLowerCase() === "a") links.push(n as Element);
    else stack.push(...(n as Element).children);
  }
  return links;
}

/** A list whose every item is just a link is a "related articles" list, not body text. */
function isLinkList(el: Element): boolean {
  const items = el.children.filter((c): c is Element => c.type === "tag" && (c as Element).tagName === "li");
  if (items.length < 2) return false;
  return items.every((li) => {
    const text = textOf(li).trim();
    const linkText = linksIn(li)
      .map((a) => textOf(a))
      .join("")
      .trim();
    return text.length > 0 && linkText.length >= text.length * 0.8;
  });
}

/**
 * Splits an HTML fragment or page (or an element of a page already parsed) into body paragraphs, headings and
 * image captions, dropping boilerplate. The DOM is walked with an explicit stack, and markup nested deeper than
 * MAX_HTML_DEPTH is unwrapped before parsing, so no input overflows the call stack.
 */
export function extractTextBlocks(html: string | AnyNode): TextBlock[] {
  const root = typeof html === "string" ? parseHtml(html) : html;
  const blocks: TextBlock[] = [];
  let buffer = "";
  let imagePending = false;
  let captionDepth = 0;
  let headingDepth = 0;

  const flush = (): void => {
    const text = buffer.replace(/[\s\u00a0]+/g, " ").trim();
    buffer = "";
    if (!text || /^[\s\p{P}\p{S}]*$/u.test(text)) return;
    // credit lines, footers and link lists are kept apart: they name people and organisations, but report nothing
    if (isBoilerplate(text)) {
      blocks.push({ kind: "aside", text });
      return;
    }
    let kind: TextBlock["kind"] = headingDepth > 0 ? "heading" : "body";
    const looksLikeCaption = text.length <= MAX_CAPTION_CHARS && !/[。！？!?]$/.test(text);
    if (captionDepth > 0 || (imagePending && looksLikeCaption)) kind = "caption";
    blocks.push({ kind, text });
    imagePending = false;
  };

  // an element's closing step: what to undo once its children are done
  interface Exit {
    exit: true;
    isBlock: boolean;
    isCaption: boolean;
    isHeading: boolean;
  }
  const stack: (AnyNode | Exit)[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ("exit" in item) {
      if (item.isBlock) flush();
      if (item.isCaption) captionDepth--;
      if (item.isHeading) headingDepth--;
      continue;
    }
    const node = item;
    if (node.type === "text") {
      buffer += (node as unknown as { data: string }).data;
      continue;
    }
    if (node.type !== "tag" && node.type !== "root") continue;
    const el = node as Element;
    const tag = node.type === "tag" ? el.tagName.toLowerCase() : "";
    if (DROP_TAGS.has(tag)) continue;
    if (el.attribs?.["aria-hidden"] === "true" || el.attribs?.["hidden"] !== undefined) continue;
    if (IMAGE_TAGS.has(tag)) {
      flush();
      imagePending = true;
      continue;
    }
    if (tag === "br") {
      flush();
      continue;
    }
    if ((tag === "ul" || tag === "ol") && isLinkList(el)) {
      flush();
      for (const li of el.children) {
        const text =
          li.type === "tag"
            ? textOf(li)
                .replace(/[\s\u00a0]+/g, " ")
                .trim()
            : "";
        if (text) blocks.push({ kind: "aside", text });
      }
      continue;
    }
    const isCaption = CAPTION_TAGS.has(tag) || tag === "figure";
    const isHeading = /^h[1-6]$/.test(tag);
    const isBlock = BLOCK_TAGS.has(tag) || isCaption;
    if (isBlock) flush();
    if (isCaption) captionDepth++;
    if (isHeading) headingDepth++;
    stack.push({ exit: true, isBlock, isCaption, isHeading });
    const children = el.children ?? [];
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
  }
  flush();
  return blocks;
}

/** Parses an HTML document or fragment into a DOM, its nesting capped first (see capHtmlDepth). */
function parseHtml(html: string): AnyNode {
  return loadHtml(html).root()[0] as AnyNode;
}

/** cheerio over an HTML document whose nesting is capped at MAX_HTML_DEPTH. */
export function loadHtml(html: string): CheerioAPI {
  return load(capHtmlDepth(html).html, { scriptingEnabled: false });
}
