import fc from "fast-check";
import { load } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { describe, expect, it } from "vitest";
import { capHtmlDepth, MAX_HTML_DEPTH } from "../../ingest/reading/cap-html-depth.ts";
import { MAX_TEXT_CHARS, readArticle } from "../../ingest/reading/read-article.ts";
import { decodeArticleBytes } from "../../src/decode-text.ts";
import { FC_PARAMS, mutatedArticle, noise, SEEDS } from "./_mutations.ts";

// A generous bound on one call, far above what reading takes (a seed: ~5 ms; 100,000 nested elements: ~1 s), so
// that only a real blow-up (quadratic parsing of deep nesting took minutes) fails it, even on a loaded machine.
const READ_BUDGET_MS = 10_000;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

// eslint-disable-next-line no-control-regex -- the decoder promises text without these
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

describe("readArticle (property)", () => {
  it("never throws on a mutated seed, and an article it reads is well formed", () => {
    fc.assert(
      fc.property(mutatedArticle, ({ file, content }) => {
        const { value: r, ms } = timed(() => readArticle(file, content));
        expect(ms).toBeLessThan(READ_BUDGET_MS);
        if (!r.ok) {
          expect(r.issues.length).toBeGreaterThan(0);
          expect(r.issues.every((i) => i.length > 0 && !i.includes("\n"))).toBe(true);
          return;
        }
        const a = r.value;
        expect(a.id).toMatch(/^a_[0-9a-f]{16}$/);
        expect(a.text).toBe(a.paragraphs.map((p) => p.text).join("\n"));
        expect(a.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
        expect(a.text).toMatch(/\p{Script=Han}/u);
        for (const p of a.paragraphs) {
          expect(p.text.length).toBeGreaterThan(0);
          expect(a.text.slice(p.start, p.start + p.text.length)).toBe(p.text);
        }
      }),
      { ...FC_PARAMS, numRuns: 60 },
    );
  });

  it("never throws on noise alone, whatever the file name says", () => {
    fc.assert(
      fc.property(noise, fc.constantFrom("a.txt", "a.md", "a.html"), (content, file) => {
        const r = readArticle(file, content);
        expect(r.ok || r.issues.length > 0).toBe(true);
      }),
      { ...FC_PARAMS, numRuns: 200 },
    );
  });
});

describe("decodeArticleBytes (property)", () => {
  it("never throws on arbitrary bytes; text it returns holds no control characters", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const r = decodeArticleBytes(bytes);
        if (r.ok) expect(r.text).not.toMatch(CONTROL);
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
      { ...FC_PARAMS, numRuns: 300 },
    );
  });

  it("reads a seed damaged byte by byte (cut anywhere, bytes overwritten) as UTF-8, or refuses it with a reason", () => {
    const damage = fc.record({
      seed: fc.integer({ min: 0, max: SEEDS.length - 1 }),
      cut: fc.double({ min: 0, max: 1, noNaN: true }),
      writes: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), {
        maxLength: 8,
      }),
    });
    fc.assert(
      fc.property(damage, ({ seed, cut, writes }) => {
        const bytes = Buffer.from(SEEDS[seed]!.content, "utf8");
        const damaged = bytes.subarray(0, Math.max(1, Math.floor(cut * bytes.length)));
        for (const [at, value] of writes) damaged[Math.floor(at * (damaged.length - 1))] = value;
        const { value: r, ms } = timed(() => decodeArticleBytes(damaged));
        expect(ms).toBeLessThan(READ_BUDGET_MS);
        if (!r.ok) {
          expect(r.reason.length).toBeGreaterThan(0);
          return;
        }
        expect(r.text).not.toMatch(CONTROL);
        // a few damaged bytes never turn a UTF-8 article into GB18030 or Big5 mojibake
        if (damaged.length > 2000) expect(r.encoding).toBe("utf-8");
      }),
      { ...FC_PARAMS, numRuns: 100 },
    );
  });
});

/** Text outside tags: what capHtmlDepth must never change. */
const textOutsideTags = (html: string): string => html.replace(/<\/?[A-Za-z][^<>]*>/g, "");

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

describe("capHtmlDepth (property)", () => {
  const tagSoup = fc
    .array(
      fc.oneof(
        fc.constantFrom("<div>", "</div>", "<span>", "</span>", "<p>", "</p>", "<li>", "<ul>", "</ul>", "<br>"),
        fc.constantFrom("<table>", "<td>", "</table>", "<svg>", "<path/>", "</svg>", "<b>", "</b>", "<i>", "</i>"),
        fc.constantFrom("<!--", "-->", "<script>", "</script>", "<", ">", "</x>", "<a href='>'>"),
        noise,
      ),
      { maxLength: 2000 },
    )
    .map((parts) => parts.join(""));

  it("removes tags only, never text, and bounds the nesting of what cheerio parses", () => {
    fc.assert(
      fc.property(tagSoup, fc.integer({ min: 4, max: 64 }), (html, limit) => {
        const { value: capped, ms } = timed(() => capHtmlDepth(html, limit).html);
        expect(ms).toBeLessThan(READ_BUDGET_MS);
        expect(textOutsideTags(capped)).toBe(textOutsideTags(html));
      }),
      { ...FC_PARAMS, numRuns: 150 },
    );
  });

  it("keeps a document of any nesting under MAX_HTML_DEPTH once parsed", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("div", "span", "section", "b", "font", "x-y"), { minLength: 600, maxLength: 3000 }),
        (tags) => {
          const html = `<body>${tags.map((t) => `<${t}>`).join("")}文字${tags.map((t) => `</${t}>`).join("")}`;
          const $ = load(capHtmlDepth(html).html, { scriptingEnabled: false });
          expect(domDepth($.root()[0] as AnyNode)).toBeLessThanOrEqual(MAX_HTML_DEPTH + 10);
        },
      ),
      { ...FC_PARAMS, numRuns: 10 },
    );
  });
});
