import { readFileSync } from "node:fs";
import { load } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { describe, expect, it } from "vitest";
import { capHtmlDepth, MAX_HTML_DEPTH } from "../../../ingest/reading/cap-html-depth.ts";
import { extractTextBlocks, textOf } from "../../../ingest/reading/html-body.ts";
import { MAX_TEXT_CHARS, readArticle } from "../../../ingest/reading/read-article.ts";
import { samplePath } from "../../_helpers.ts";

// seed 001 (BBC, feed export with an HTML body) and seed 000 (Guancha, YAML front matter), bundled in samples/
const BBC = readFileSync(samplePath("001_4866b69960fbeb87.txt"), "utf8");
const GUANCHA = readFileSync(samplePath("000_1b058232582fb4b0.txt"), "utf8");
const SENTENCE = "美国国务卿布林肯表示，会谈不会取得突破。";

/** The deepest element nesting of a parsed document, measured without recursion. */
function domDepth(root: AnyNode): number {
  let deepest = 0;
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of (node as Element).children ?? []) stack.push([child, depth + 1]);
  }
  return deepest;
}

const nested = (n: number, tag = "div"): string =>
  `<html><body><article><p>${SENTENCE}</p>${`<${tag}>`.repeat(n)}最深处的文字${`</${tag}>`.repeat(n)}</article></body></html>`;

describe("capHtmlDepth", () => {
  it("leaves an ordinary page untouched", () => {
    const page = BBC.slice(BBC.indexOf("<main"));
    expect(capHtmlDepth(page).html).toBe(page);
  });

  it.each([
    ["nested <div>s, closed", nested(20_000)],
    ["nested <div>s, never closed", `<body><p>${SENTENCE}</p>${"<div>".repeat(20_000)}最深处的文字`],
    ["nested <span>s inside <b>", `<body><b>${"<span><i>".repeat(10_000)}最深处的文字</b>`],
  ])("caps %s at MAX_HTML_DEPTH and keeps the text", (_name, html) => {
    const capped = capHtmlDepth(html).html;
    const $ = load(capped, { scriptingEnabled: false });
    expect(domDepth($.root()[0] as AnyNode)).toBeLessThanOrEqual(MAX_HTML_DEPTH + 10);
    expect(textOf($.root()[0] as AnyNode)).toContain("最深处的文字");
  });

  it.each([
    ["an unclosed comment", `<p>${SENTENCE}</p><!--${"<div>".repeat(5000)}`],
    ["an unclosed script", `<p>${SENTENCE}</p><script>${"<div>".repeat(5000)}`],
    ["tags that never close their bracket", `<p>${SENTENCE}</p>${"<a".repeat(200_000)}`],
    ["end tags of elements never opened", `<p>${SENTENCE}</p>${"<div>".repeat(600)}${"</span>".repeat(100_000)}`],
  ])("scans %s in linear time without losing the text before it", (_name, html) => {
    expect(capHtmlDepth(html).html).toContain(SENTENCE);
  });
});

describe("readArticle on bad input", () => {
  it("reads a page nested 100,000 levels deep (it overflowed the stack before), keeping the innermost text", () => {
    const r = readArticle("deep.html", nested(100_000));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.text).toContain("最深处的文字");
  });

  it("walks an HTML fragment 100,000 elements deep without recursion", () => {
    const blocks = extractTextBlocks(`<p>${SENTENCE}</p>${"<span>".repeat(100_000)}最深处的文字`);
    expect(blocks.map((b) => b.text).join("\n")).toContain("最深处的文字");
  });

  it("reads a feed export cut off at any point inside its HTML body, or says why not", () => {
    const bodyStart = BBC.indexOf("<main");
    for (let cut = bodyStart; cut < BBC.length; cut += 997) {
      const r = readArticle("cut.txt", BBC.slice(0, cut));
      if (r.ok) expect(BBC).toContain(r.value.paragraphs.at(-1)!.text.slice(0, 8));
      else expect(r.issues.join(" ")).toMatch(/empty|Chinese/);
    }
  });

  it.each([
    [
      "in the head",
      `<!DOCTYPE html><html><head><title>美俄会谈</title><meta property="og:title" content="美俄`,
      /no article text|empty/,
    ],
    ["inside a tag", `<!DOCTYPE html><html><body><article><p>${SENTENCE}</p><p class="x`, /^$/],
    ["inside a comment", `<!DOCTYPE html><html><body><article><p>${SENTENCE}</p><!-- 注释`, /^$/],
    ["inside a script", `<!DOCTYPE html><html><body><article><p>${SENTENCE}</p><script>var a = "`, /^$/],
  ])("reads a web page truncated %s, or says why not", (_name, html, reason) => {
    const r = readArticle("truncated.html", html);
    if (r.ok) expect(r.value.text).toContain(SENTENCE);
    else expect(r.issues.join(" ")).toMatch(reason);
  });

  it.each([
    ["an unclosed flow sequence", "---\ntitle: [unclosed\n---\n正文"],
    ["a tab for indentation", "---\ntitle: 标题\n\tauthor: x\n---\n正文"],
    ["a list instead of a mapping", "---\n- a\n- b\n---\n正文"],
    ["a scalar instead of a mapping", "---\n美国国务卿\n---\n正文"],
    ["duplicate keys", "---\ntitle: a\ntitle: b\n---\n正文"],
    ["an unclosed quoted string", '---\ntitle: "美俄会谈\n---\n正文'],
    ["10,000 nested brackets", `---\ntitle: ${"[".repeat(10_000)}\n---\n正文`],
    [
      "an alias bomb",
      "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n" +
        "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n正文",
    ],
  ])("reports bad YAML front matter (%s) with a reason", (_name, content) => {
    const r = readArticle("bad.md", content);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.join(" ")).toMatch(/front matter/);
  });

  it("refuses front matter beyond 32 KiB without parsing it (100,000 keys took the parser 5 minutes)", () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: v`).join("\n");
    const r = readArticle("keys.md", `---\n${keys}\n---\n${SENTENCE}`);
    expect(!r.ok && r.issues.join(" ")).toMatch(/^front matter of \d+ KiB; the limit is 32 KiB$/);
  });

  it("reads a feed export whose link is not a URL, without an outlet", () => {
    const r = readArticle("feed.txt", `<!--1641827586000-->\n[美俄会谈](not a url)\n------\n<p>${SENTENCE}</p>`);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.outlet).toBeUndefined();
  });

  it("reports a text without Chinese and one beyond the length budget", () => {
    const latin = readArticle("latin.html", "<html><body><article><p>Blinken said talks would fail.</p></article>");
    expect(!latin.ok && latin.issues.join(" ")).toMatch(/no Chinese text/);
    const long = readArticle("long.txt", `标题\n${SENTENCE.repeat(Math.ceil(MAX_TEXT_CHARS / SENTENCE.length) + 1)}`);
    expect(!long.ok && long.issues.join(" ")).toMatch(/the limit is 200,000/);
  });

  it("cuts a title of a megabyte to one line", () => {
    const r = readArticle(
      "t.html",
      `<html><head><meta property="og:title" content="${"长".repeat(1 << 20)}"></head><body><p>${SENTENCE}</p>`,
    );
    expect(r.ok && r.value.title.length).toBeLessThanOrEqual(300);
  });

  it("strips Markdown from a line of 50,000 unmatched brackets (quadratic before)", () => {
    const r = readArticle(
      "brackets.md",
      `---\ntitle: t\n---\n${SENTENCE}${"[".repeat(50_000)}\n\n${"![".repeat(30_000)}`,
    );
    expect(r.ok && r.value.text).toContain(SENTENCE);
  });

  it("reads an article whose quote marks never close", () => {
    const r = readArticle("quotes.md", GUANCHA.replace(/[”」』]/g, ""));
    expect(r.ok).toBe(true);
  });

  it.each([
    ["lone surrogates", `标题\n${SENTENCE}\uD800\uDFFF\uDC00`],
    ["NUL characters", `标题\n${SENTENCE}\u0000\u0000`],
    ["only punctuation and spaces", "。，、；：？！\n\n  \t"],
    ["a BOM and nothing else", "\uFEFF"],
    ["an HTML page without a body", "<!DOCTYPE html><html><head><title>美俄会谈</title></head></html>"],
  ])("never throws on %s", (_name, content) => {
    const r = readArticle("x.html", content);
    if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
  });

  it("reads the same article under two file names as one article (one id)", () => {
    const a = readArticle("a/guancha.md", GUANCHA);
    const b = readArticle("b/copy-of-guancha.txt", GUANCHA);
    expect(a.ok && b.ok && a.value.id === b.value.id).toBe(true);
  });
});
