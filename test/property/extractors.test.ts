import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assembleGraph } from "../../ingest/graph/assemble-graph.ts";
import { extractArticle, type ArticleExtraction } from "../../ingest/extract-article.ts";
import { readArticle } from "../../ingest/reading/read-article.ts";
import { exportGraphJson } from "../../src/export-graph.ts";
import { FC_PARAMS, mutatedArticle, SEEDS } from "./_mutations.ts";

/** Checks what every extraction promises, whatever the article: spans inside the text, speakers among its entities. */
function expectWellFormed(x: ArticleExtraction): void {
  const { text } = x.article;
  const inside = ([start, end]: [number, number]): void => {
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThanOrEqual(start);
    expect(end).toBeLessThanOrEqual(text.length);
  };
  const ids = new Set(x.entities.map((e) => e.id));
  expect(ids.size).toBe(x.entities.length);
  for (const e of x.entities) {
    expect(e.forms.length).toBeGreaterThan(0);
    for (const m of e.mentions) inside([m.start, m.end]);
  }
  for (const q of x.quotes) {
    inside([q.start, q.end]);
    expect(text.slice(q.start, q.end)).toBe(q.text);
    // a quote has one speaker, an entity of its own article, or none
    if (q.speaker !== undefined) expect(ids).toContain(q.speaker);
    expect(q.confidence).toBeGreaterThan(0);
    expect(q.confidence).toBeLessThanOrEqual(1);
  }
  for (const m of x.meetings) {
    for (const span of m.spans) inside(span);
    for (const a of m.attendees) {
      expect(ids).toContain(a.entity);
      inside(a.span);
    }
  }
}

/** Reads a mutated article and extracts it, or undefined when it cannot be read (the reader's tests cover why). */
function extractMutated({ file, content }: { file: string; content: string }): ArticleExtraction | undefined {
  const read = readArticle(file, content);
  return read.ok ? extractArticle(read.value) : undefined;
}

describe("extractArticle (property)", () => {
  it("never throws on a mutated seed; spans lie inside the text and every quote has one speaker or none", () => {
    fc.assert(
      fc.property(mutatedArticle, (input) => {
        const x = extractMutated(input);
        if (x) expectWellFormed(x);
      }),
      { ...FC_PARAMS, numRuns: 15 },
    );
  });
});

describe("assembleGraph (property)", () => {
  // the five seeds and up to eight mutated copies, extracted once; the property picks articles from them
  const pool = [
    ...SEEDS.map((s) => ({ file: s.name, content: s.content })),
    ...fc.sample(mutatedArticle, { ...FC_PARAMS, numRuns: 8 }),
  ]
    .map(extractMutated)
    .filter((x): x is ArticleExtraction => x !== undefined)
    // a build folds articles with the same text (same id) before assembling: so does the pool
    .filter((x, i, all) => all.findIndex((y) => y.article.id === x.article.id) === i);

  it("never throws on any selection of articles; evidence lies inside its article; SAID goes from an entity to a quote", () => {
    const texts = new Map(pool.map((x) => [x.article.id, x.article.text]));
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: 1 }), (picked) => {
        const { graph } = assembleGraph(picked);
        graph.forEachNode((_key, attrs) => {
          for (const ev of (attrs["evidence"] ?? []) as { article: string; spans: [number, number][] }[]) {
            const text = texts.get(ev.article);
            expect(text).toBeDefined();
            for (const [start, end] of ev.spans) expect(0 <= start && start <= end && end <= text!.length).toBe(true);
          }
        });
        graph.forEachEdge((_key, attrs, source, target) => {
          if (attrs["type"] !== "SAID") return;
          expect(["Person", "Org"]).toContain(graph.getNodeAttribute(source, "label"));
          expect(graph.getNodeAttribute(target, "label")).toBe("Quote");
        });
        graph.forEachNode((key, attrs) => {
          if (attrs["label"] === "Quote")
            expect(graph.outEdges(key).some((e) => graph.getEdgeAttribute(e, "type") === "QUOTED_IN")).toBe(true);
        });
        // the resolver does not depend on the order the articles come in
        expect(exportGraphJson(assembleGraph([...picked].reverse()).graph)).toBe(exportGraphJson(graph));
      }),
      { ...FC_PARAMS, numRuns: 10 },
    );
  });
});
