import { describe, expect, it } from "vitest";
import { detectFormat, readArticle } from "../../../ingest/reading/read-article.ts";
import { readSample } from "../../_helpers.ts";

describe("readArticle", () => {
  it("reads Markdown with YAML front matter (seed 000, Guancha)", () => {
    const a = readSample("000_1b058232582fb4b0.txt");
    expect(a.format).toBe("markdown");
    expect(a.title).toContain("三连谈");
    expect(a.published).toBe("2022-01-14");
    expect(a.outlet).toBe("观察者网");
    expect(a.paragraphs[0]).toMatchObject({ kind: "title", text: a.title });
    expect(a.paragraphs.find((p) => p.kind === "body")!.text).toMatch(/^【文\/观察者网 熊超然】/);
  });

  it("reads the feed export with epoch-ms date, title and url (seed 001, BBC)", () => {
    const a = readSample("001_4866b69960fbeb87.txt");
    expect(a.format).toBe("feed");
    expect(a.published).toBe("2022-01-10");
    expect(a.url).toBe("https://www.bbc.com/zhongwen/simp/world-59939889");
    expect(a.title).toBe("美俄乌克兰危机会谈：双方各不相让 哈萨克斯坦又添新变数");
  });

  it("keeps image captions apart from body paragraphs (seed 004, VOA)", () => {
    const a = readSample("004_3607576f4f8a95e7.txt");
    const captions = a.paragraphs.filter((p) => p.kind === "caption").map((p) => p.text);
    expect(captions.some((c) => c.includes("从左二起"))).toBe(true);
    expect(a.paragraphs.filter((p) => p.kind === "body").some((p) => p.text.includes("从左二起"))).toBe(false);
  });

  it("keeps copyright footers, RSS trailers and related-article lists apart as asides (seed 002, DW; seed 001, BBC)", () => {
    const bodyOf = (a: ReturnType<typeof readSample>) =>
      a.paragraphs
        .filter((p) => p.kind !== "aside")
        .map((p) => p.text)
        .join("\n");
    const asidesOf = (a: ReturnType<typeof readSample>) =>
      a.paragraphs
        .filter((p) => p.kind === "aside")
        .map((p) => p.text)
        .join("\n");
    const dw = readSample("002_214997b71d6f798a.txt");
    expect(bodyOf(dw)).not.toContain("获取更多RSS");
    expect(bodyOf(dw)).not.toContain("版权声明");
    expect(asidesOf(dw)).toContain("版权声明");
    const bbc = readSample("001_4866b69960fbeb87.txt");
    expect(bodyOf(bbc)).not.toContain("古巴导弹危机重演？美俄在乌克兰的对峙加剧");
    expect(asidesOf(bbc)).toContain("古巴导弹危机重演？美俄在乌克兰的对峙加剧");
  });

  it("gives one id to one article whatever its title and asides", () => {
    const one = readArticle("a.txt", "标题一\n美国国务卿布林肯表示，会谈不会取得突破。");
    const two = readArticle("b.txt", "另一个标题\n美国国务卿布林肯表示，会谈不会取得突破。");
    expect(one.ok && two.ok && one.value.id === two.value.id).toBe(true);
  });

  it("gives paragraphs offsets into the article text", () => {
    const a = readSample("002_214997b71d6f798a.txt");
    for (const p of a.paragraphs) expect(a.text.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });

  it("gives the same id to the same text under two file names", () => {
    const one = readArticle("a.txt", "标题\n美国国务卿布林肯表示，会谈不会取得突破。");
    const two = readArticle("b/c.txt", "标题\n美国国务卿布林肯表示，会谈不会取得突破。");
    expect(one.ok && two.ok && one.value.id === two.value.id).toBe(true);
  });

  it("reads a full news web page: main text, title and date from meta tags", () => {
    const html = `<!DOCTYPE html><html><head><meta property="og:title" content="班森特獲提名" /><meta property="og:site_name" content="零新聞" />
      <meta property="article:published_time" content="2024-11-23T11:34:03+08:00" /></head><body><nav><a href="/">首頁</a></nav>
      <article><h1>班森特獲提名</h1><div itemprop="articleBody"><p>川普今天提名班森特擔任財政部長。</p></div></article><footer>零新聞</footer></body></html>`;
    const r = readArticle("CNA-x.html", html);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.format).toBe("html-page");
    expect(r.value.published).toBe("2024-11-23");
    expect(r.value.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ["title", "班森特獲提名"],
      ["body", "川普今天提名班森特擔任財政部長。"],
    ]);
  });

  it("names the source outlet of an archive's copy from its path (pen-2411: /pen/2411/dw/…/DW-….html)", () => {
    const page = (url: string) =>
      `<html><head><meta property="og:site_name" content="零新聞 2024.11" /><meta property="og:url" content="${url}" />
      </head><body><article><p>川普今天提名班森特擔任財政部長。</p></article></body></html>`;
    const copy = readArticle("x.html", page("https://agora0.github.io/pen/2411/dw/2024/11/01/DW-%E6%AC%A7.html"));
    expect(copy.ok && copy.value.outlet).toBe("Deutsche Welle");
    const plain = readArticle("y.html", page("https://example.org/news/2024/story.html"));
    expect(plain.ok && plain.value.outlet).toBe("零新聞 2024.11");
  });

  it.each([
    ["an empty file", "empty.txt", "   \n", /empty/],
    ["bad YAML front matter", "bad.md", "---\ntitle: [unclosed\n---\n正文", /front matter/],
    ["a body with no Chinese text", "latin.txt", "hello\nworld", /no Chinese text/],
  ])("reports %s with a reason", (_name, file, content, reason) => {
    const r = readArticle(file, content);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.join(" ")).toMatch(reason);
  });

  it("detects each input format", () => {
    expect(detectFormat("x.txt", "<!--1641827586000-->\n[t](https://x)\n------\n<p>a</p>")).toBe("feed");
    expect(detectFormat("x.txt", "\n---\ntitle: a\n---\nbody")).toBe("markdown");
    expect(detectFormat("x.html", "<html></html>")).toBe("html-page");
    expect(detectFormat("x.txt", "plain")).toBe("text");
  });
});
