import { join } from "node:path";
import type { FileReport, RunReport } from "../schema/report.ts";
import { NODE_LABELS } from "../schema/graph.ts";
import { assembleGraph } from "../ingest/assemble-graph.ts";
import { extractArticle, type ArticleExtraction } from "../ingest/extract-article.ts";
import { readArticle } from "../ingest/read-article.ts";
import type { AliasDecisions, MergeCandidate } from "../ingest/resolve-aliases.ts";
import { exportGexf, exportGraphJson } from "./export-graph.ts";
import { layoutGraph } from "./layout.ts";
import { collectInputFiles, readInputFile } from "./read-inputs.ts";
import { writeFileAtomic } from "./write-atomic.ts";

/** Options of `quotegraph build`. */
export interface BuildOptions {
  inputs: string[];
  outDir: string;
  decisions?: AliasDecisions;
  layout?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

/** What a build produced. */
export interface BuildResult {
  report: RunReport;
  candidates: MergeCandidate[];
  failed: number;
}

/** Reads every input, extracts, resolves, lays out and writes graph.json, graph.gexf and report.json. */
export async function buildGraph(options: BuildOptions): Promise<BuildResult> {
  const { files, missing } = await collectInputFiles(options.inputs);
  const reports: FileReport[] = missing.map((file) => ({ file, status: "failed", reason: "no such file or folder" }));
  const extractions: ArticleExtraction[] = [];
  const seen = new Map<string, string>();
  for (const [i, file] of files.entries()) {
    options.onProgress?.(i + 1, files.length, file);
    reports.push(processFile(file, await readInputFile(file), seen, extractions));
  }
  const { graph, candidates } = assembleGraph(extractions, options.decisions);
  if (options.layout !== false) layoutGraph(graph);
  const countsByArticle = countNodesPerArticle(graph);
  for (const r of reports) if (r.article) r.counts = countsByArticle.get(r.article) ?? {};
  const totals: RunReport["totals"] = {};
  graph.forEachNode((_k, a) => {
    const label = a["label"] as (typeof NODE_LABELS)[number];
    totals[label] = (totals[label] ?? 0) + 1;
  });
  const report: RunReport = { generatedBy: "quotegraph build", files: reports, totals };
  await writeFileAtomic(join(options.outDir, "graph.json"), exportGraphJson(graph));
  await writeFileAtomic(join(options.outDir, "graph.gexf"), exportGexf(graph));
  await writeFileAtomic(join(options.outDir, "report.json"), JSON.stringify(report, null, 2));
  await writeFileAtomic(join(options.outDir, "candidates.json"), JSON.stringify(candidates, null, 2));
  return { report, candidates, failed: reports.filter((r) => r.status === "failed").length };
}

function processFile(
  file: string,
  decoded: Awaited<ReturnType<typeof readInputFile>>,
  seen: Map<string, string>,
  extractions: ArticleExtraction[],
): FileReport {
  if (!decoded.ok) return { file, status: "failed", reason: decoded.reason };
  const read = readArticle(file, decoded.text);
  if (!read.ok) return { file, status: "failed", reason: read.issues.join("; ") };
  const duplicateOf = seen.get(read.value.id);
  if (duplicateOf)
    return { file, status: "skipped", reason: `same article text as ${duplicateOf}`, article: read.value.id };
  seen.set(read.value.id, file);
  try {
    extractions.push(extractArticle(read.value));
  } catch (error) {
    // a bug in one stage must not cost the rest of the batch; the report names the file
    return { file, status: "failed", reason: `extraction failed: ${(error as Error).message}` };
  }
  return { file, status: "ok", article: read.value.id };
}

function countNodesPerArticle(graph: import("graphology").DirectedGraph): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  graph.forEachEdge((_e, attrs, source, target) => {
    if (attrs["type"] !== "MENTIONED_IN" && attrs["type"] !== "QUOTED_IN") return;
    const label = graph.getNodeAttribute(source, "label") as string;
    const counts = out.get(target) ?? {};
    counts[label] = (counts[label] ?? 0) + 1;
    out.set(target, counts);
  });
  return out;
}
