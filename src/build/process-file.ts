import { extractArticle } from "../../ingest/extract-article.ts";
import { readArticle } from "../../ingest/read-article.ts";
import { readInputFile } from "../read-inputs.ts";
import { contentKey, hashFile } from "./content-key.ts";
import { serializeExtraction } from "./article-record.ts";
import type { ArticleStageTimes, FileOutcome } from "./process-file-types.ts";

/**
 * Reads one file and runs the per-article stages on it. `claim` is asked with the article id before extraction and
 * answers false when an earlier file holds the same text. Never throws: a failure of any stage is an outcome.
 */
export async function processArticleFile(
  file: string,
  claim: (id: string) => boolean | Promise<boolean>,
  times: ArticleStageTimes,
): Promise<FileOutcome> {
  let t = performance.now();
  const lap = (stage: keyof ArticleStageTimes): void => {
    const now = performance.now();
    times[stage] += now - t;
    t = now;
  };
  let id: string | undefined;
  let key: string | undefined;
  let stage = "reading";
  const failed = (reason: string): FileOutcome => ({
    status: "failed",
    reason,
    ...(key === undefined ? {} : { key }),
    ...(id === undefined ? {} : { id }),
  });
  try {
    const decoded = await readInputFile(file);
    if (!decoded.ok) {
      key = hashFile(file);
      lap("read");
      return failed(decoded.reason);
    }
    const bytesKey = contentKey(file, decoded.bytes);
    key = bytesKey;
    lap("read");
    const read = readArticle(file, decoded.text);
    lap("parse");
    if (!read.ok) return failed(read.issues.join("; "));
    id = read.value.id;
    if (!(await claim(id))) return { status: "duplicate", key: bytesKey, id };
    t = performance.now();
    stage = "extraction";
    const extraction = extractArticle(read.value);
    lap("extract");
    stage = "serialization";
    const record = serializeExtraction(extraction);
    lap("serialize");
    return { status: "ok", key: bytesKey, id, record };
  } catch (error) {
    // a bug or a pathological input in one stage must not cost the rest of the batch; the report names the file
    return failed(`${stage} failed: ${(error as Error).message ?? String(error)}`);
  }
}
