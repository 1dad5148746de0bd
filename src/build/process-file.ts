import type { Article } from "../../schema/article.ts";
import { extractArticle } from "../../ingest/extract-article.ts";
import { readArticle } from "../../ingest/reading/read-article.ts";
import { readInputFile, readInputFileSync, type DecodedFile } from "../read-inputs.ts";
import { contentKey, hashFile } from "./content-key.ts";
import { serializeExtraction } from "./article-record.ts";
import type { ArticleStageTimes, FileOutcome } from "./process-file-types.ts";

/** A file read and parsed into an article, ready for extraction, or what stopped it on the way. */
export type ParsedFile = { article: Article; key: string } | { outcome: FileOutcome };

/** Reads a file's bytes and decodes them; never rejects (a failure is a decoded file that is not ok). */
export function readFileText(file: string): Promise<DecodedFile> {
  return readInputFile(file).catch((error: unknown): DecodedFile => ({
    ok: false,
    reason: `reading failed: ${(error as Error).message}`,
  }));
}

/** Reads an ordinary file synchronously (see readInputFileSync); undefined for anything else. */
export function readFileTextSync(file: string): DecodedFile | undefined {
  try {
    return readInputFileSync(file);
  } catch {
    return undefined;
  }
}

/** The message of anything thrown, for a report line. */
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The first per-article stage on a decoded file: the format reader (front matter, Markdown, HTML through cheerio)
 * makes the article. Never throws: a failure is an outcome naming the stage.
 */
export function parseFile(file: string, decoded: DecodedFile, times: ArticleStageTimes): ParsedFile {
  if (!decoded.ok) {
    const key = hashFile(file);
    return { outcome: { status: "failed", reason: decoded.reason, ...(key === undefined ? {} : { key }) } };
  }
  const key = contentKey(file, decoded.bytes);
  const started = performance.now();
  try {
    const read = readArticle(file, decoded.text);
    if (!read.ok) return { outcome: { status: "failed", reason: read.issues.join("; "), key } };
    return { article: read.value, key };
  } catch (error) {
    // a bug or a pathological input in one stage must not cost the rest of the batch; the report names the file
    return { outcome: { status: "failed", reason: `reading failed: ${messageOf(error)}`, key } };
  } finally {
    times.parse += performance.now() - started;
  }
}

/** The second per-article stage: extraction (opencc, jieba, the rules) and the cache record. Never throws. */
export function extractFile(article: Article, key: string, times: ArticleStageTimes): FileOutcome {
  let stage = "extraction";
  let t = performance.now();
  try {
    const extraction = extractArticle(article);
    const now = performance.now();
    times.extract += now - t;
    t = now;
    stage = "serialization";
    const record = serializeExtraction(extraction);
    times.serialize += performance.now() - t;
    return { status: "ok", key, id: article.id, record };
  } catch (error) {
    return { status: "failed", reason: `${stage} failed: ${messageOf(error)}`, key, id: article.id };
  }
}

/**
 * Reads one file and runs the per-article stages on it, in this thread. `claim` is asked with the article id
 * before extraction and answers false when an earlier file holds the same text. Never throws.
 */
export async function processArticleFile(
  file: string,
  claim: (id: string) => boolean,
  times: ArticleStageTimes,
): Promise<FileOutcome> {
  const started = performance.now();
  const decoded = readFileTextSync(file) ?? (await readFileText(file));
  times.read += performance.now() - started;
  const parsed = parseFile(file, decoded, times);
  if ("outcome" in parsed) return parsed.outcome;
  if (!claim(parsed.article.id)) return { status: "duplicate", key: parsed.key, id: parsed.article.id };
  return extractFile(parsed.article, parsed.key, times);
}
