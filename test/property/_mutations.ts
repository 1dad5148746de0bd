/**
 * Mutated articles for the property tests: a seed article from samples/ (copied from ../shared/seeds) with a few
 * of the damages real folders hold applied to it: cut short, NUL bytes, quote marks left open or closing ones
 * lost, runs of random Chinese, Latin and markup noise, deep nesting, lost line breaks.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";

const SAMPLES = fileURLToPath(new URL("../../samples", import.meta.url));

/** The five seed articles as files hold them (Markdown with front matter, feed exports with HTML bodies). */
export const SEEDS: { name: string; content: string }[] = readdirSync(SAMPLES)
  .sort()
  .map((name) => ({ name, content: readFileSync(`${SAMPLES}/${name}`, "utf8") }));

/**
 * Property runs use a fixed seed so that `npm test` gives the same verdict every time; set QG_FC_SEED to
 * explore other inputs (fast-check prints the seed and the shrunk input of any failure).
 */
export const FC_PARAMS = { seed: Number(process.env["QG_FC_SEED"] ?? 20_241_123) };

/** One damage done to a text; `at` is a fraction of the length, so it fits any seed. */
export type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "nest"; at: number; depth: number; tag: string }
  | { kind: "drop-closing-quotes" }
  | { kind: "drop-line-breaks" };

const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
const ascii = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCodePoint(c));
const token = fc.constantFrom(
  "“",
  "”",
  "「",
  "」",
  "『",
  "』",
  '"',
  "《",
  "》",
  "（",
  "）",
  "。",
  "，",
  "：",
  "！",
  "？",
  "\n",
  "\n\n",
  "\u0000",
  "\uFEFF",
  "\uFFFD",
  "<p>",
  "</p>",
  "<div>",
  "</div>",
  "<br>",
  "<",
  ">",
  "<!--",
  "<script>",
  "---\n",
  "](",
  "[",
  "说",
  "表示",
  "布林肯",
  "美国国务卿",
  "会谈",
  "1月10日",
  "日内瓦",
);

/** A run of noise: Chinese characters, printable ASCII, and the tokens readers and extractors react to. */
export const noise = fc.array(fc.oneof(cjk, ascii, token), { maxLength: 60 }).map((parts) => parts.join(""));

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

/** Any one mutation. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fraction }),
  fc.record({ kind: fc.constant("insert" as const), at: fraction, text: noise }),
  fc.record({ kind: fc.constant("delete" as const), at: fraction, length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({
    kind: fc.constant("nest" as const),
    at: fraction,
    depth: fc.integer({ min: 1, max: 3000 }),
    tag: fc.constantFrom("div", "span", "b", "p", "li", "table", "blockquote"),
  }),
  fc.record({ kind: fc.constant("drop-closing-quotes" as const) }),
  fc.record({ kind: fc.constant("drop-line-breaks" as const) }),
);

/** Applies a mutation to a text. */
export function mutate(text: string, m: Mutation): string {
  const at = "at" in m ? Math.floor(m.at * text.length) : 0;
  switch (m.kind) {
    case "truncate":
      return text.slice(0, at);
    case "insert":
      return text.slice(0, at) + m.text + text.slice(at);
    case "delete":
      return text.slice(0, at) + text.slice(at + m.length);
    case "nest":
      return `${text.slice(0, at)}${`<${m.tag}>`.repeat(m.depth)}${text.slice(at)}${`</${m.tag}>`.repeat(m.depth)}`;
    case "drop-closing-quotes":
      return text.replace(/[”」』]/g, "");
    case "drop-line-breaks":
      return text.replace(/\n/g, "");
  }
}

/** A seed article with one to four mutations applied, and the file name it is read under. */
export const mutatedArticle = fc
  .record({
    seed: fc.integer({ min: 0, max: SEEDS.length - 1 }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
    extension: fc.constantFrom(".txt", ".md", ".html"),
  })
  .map(({ seed, mutations, extension }) => ({
    file: SEEDS[seed]!.name.replace(/\.txt$/, extension),
    content: mutations.reduce(mutate, SEEDS[seed]!.content),
    mutations,
  }));
