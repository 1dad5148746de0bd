// What the per-article stages report, kept apart from process-file.ts so that the build loads the readers and
// extractors only when it extracts something.

/** Milliseconds spent in each per-article stage, summed over the files one thread processed. */
export interface ArticleStageTimes {
  /** Reading and decoding the file. */
  read: number;
  /** The format reader: front matter, Markdown and HTML to paragraphs (cheerio). */
  parse: number;
  /** extractArticle: simplified copy, mentions, chains, quotes, meetings (opencc, jieba). */
  extract: number;
  /** Turning the extraction into its cache record. */
  serialize: number;
}

/** Fresh, zeroed stage times. */
export const noStageTimes = (): ArticleStageTimes => ({ read: 0, parse: 0, extract: 0, serialize: 0 });

/** What became of one file in the per-article stages. */
export type FileOutcome =
  /** Extracted: `record` is the serialized extraction (see article-record.ts), `key` its content key. */
  | { status: "ok"; key: string; id: string; record: string }
  /** Read, but an earlier file (in the build's order) holds the same article text. */
  | { status: "duplicate"; key: string; id: string }
  /**
   * Unreadable or failed in some stage; `key` when its bytes could be read, `id` when the article was read before
   * the failure. `transient` when the file overran its time budget or took its worker down: it may build next time.
   */
  | { status: "failed"; reason: string; key?: string; id?: string; transient?: boolean };
