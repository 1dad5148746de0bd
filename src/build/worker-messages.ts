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

/**
 * What a worker starts with: shared memory of two 32-bit integers, a counter the worker bumps whenever it starts
 * or stops working on a file, and the index of that file (IDLE while it waits). The build reads it to find a
 * thread that stays on one file past the time budget, without a message per step.
 */
export interface WorkerData {
  busy: SharedArrayBuffer;
}

/** The file index a waiting worker writes. */
export const IDLE = -1;
