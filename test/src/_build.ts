import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSample, samplePath } from "../_helpers.ts";

/** The five bundled sample articles (the seeds). */
export const SAMPLE_FILES = [
  "000_1b058232582fb4b0.txt",
  "001_4866b69960fbeb87.txt",
  "002_214997b71d6f798a.txt",
  "003_3192b83e715a3e93.txt",
  "004_3607576f4f8a95e7.txt",
];

/** A fresh temporary folder. */
export const tempDir = (prefix: string): Promise<string> => mkdtemp(join(tmpdir(), `qg-${prefix}-`));

/** Copies some sample articles into `dir` (made if needed), under their own names or the names given. */
export async function copySamples(dir: string, names: string[] = SAMPLE_FILES, as: string[] = names): Promise<void> {
  await mkdir(dir, { recursive: true });
  await Promise.all(names.map((name, i) => copyFile(samplePath(name), join(dir, as[i]!))));
}

/**
 * A new article of its own, as plain text: the title and the first paragraphs of a sample (seed 004, VOA Chinese,
 * 2022-01-12), which no other input holds in this form.
 */
export async function writeNewArticle(path: string, paragraphs = 3): Promise<void> {
  const article = readSample("004_3607576f4f8a95e7.txt");
  const body = article.paragraphs.filter((p) => p.kind === "body").slice(0, paragraphs);
  await writeFile(path, [article.title, ...body.map((p) => p.text)].join("\n\n"));
}

/** The bytes of every output of a build folder, by name. */
export async function readOutputs(dir: string): Promise<Record<string, string>> {
  const names = ["graph.json", "graph.gexf", "report.json", "candidates.json"];
  const texts = await Promise.all(names.map((n) => readFile(join(dir, n), "utf8")));
  return Object.fromEntries(names.map((n, i) => [n, texts[i]!]));
}
