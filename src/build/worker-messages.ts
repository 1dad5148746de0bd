import type { ArticleStageTimes, FileOutcome } from "./process-file-types.ts";

/** Messages the build sends to an article worker. */
export type ToWorker =
  /** Process one file; `index` is its place in the build's order. */
  | { type: "file"; index: number; file: string }
  /** The answer to a claim: go on extracting, or stop (an earlier file holds the same text). */
  | { type: "claimed"; index: number; go: boolean };

/** Messages an article worker sends to the build. */
export type FromWorker =
  | { type: "ready" }
  /** The file at `index` reads as article `id`: may this worker extract it? */
  | { type: "claim"; index: number; id: string }
  | { type: "done"; index: number; outcome: FileOutcome; times: ArticleStageTimes };
