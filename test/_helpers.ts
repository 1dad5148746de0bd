import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Article } from "../schema/article.ts";
import { readArticle } from "../ingest/reading/read-article.ts";

/** Path of a bundled sample article (the seeds, copied from ../shared/seeds). */
export const samplePath = (name: string): string => fileURLToPath(new URL(`../samples/${name}`, import.meta.url));

/** Reads a sample article or fails the test. */
export function readSample(name: string): Article {
  const file = samplePath(name);
  const result = readArticle(file, readFileSync(file, "utf8"));
  if (!result.ok) throw new Error(`cannot read ${name}: ${result.issues.join("; ")}`);
  return result.value;
}

/** A one-paragraph article made from a sentence quoted from a real article (the caller names the source). */
export function sentenceArticle(text: string, published = "2022-01-12"): Article {
  const result = readArticle("sentence.txt", `title\n${text}`);
  if (!result.ok) throw new Error(result.issues.join("; "));
  return { ...result.value, published };
}
