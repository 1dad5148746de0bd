import { z } from "zod";
import { NODE_LABELS } from "./graph.ts";

/** Outcome of reading one input file. */
export const FILE_STATUSES = ["ok", "skipped", "failed"] as const;

/** One entry of report.json: a file and what happened to it. */
export const FileReport = z.object({
  file: z.string(),
  status: z.enum(FILE_STATUSES),
  reason: z.string().optional(),
  /** What was repaired to read the file: the encoding when not UTF-8, NUL bytes removed, a cut-off last character. */
  notes: z.array(z.string()).optional(),
  article: z.string().optional(),
  counts: z.partialRecord(z.enum(NODE_LABELS), z.number().int().nonnegative()).optional(),
});
export type FileReport = z.infer<typeof FileReport>;

/** report.json: one entry per input file plus totals per label. */
export const RunReport = z.object({
  generatedBy: z.string(),
  files: z.array(FileReport),
  totals: z.partialRecord(z.enum(NODE_LABELS), z.number().int().nonnegative()),
});
export type RunReport = z.infer<typeof RunReport>;
