import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { DirectedGraph } from "graphology";
import type { FileReport, RunReport } from "../schema/report.ts";
import { RunReport as RunReportSchema } from "../schema/report.ts";
import type { ArticleExtraction } from "../ingest/extract-article.ts";
import type { AliasDecisions, MergeCandidate } from "../ingest/entities/resolve-aliases.ts";
import { ArticleCache, CACHE_DIR } from "./build/article-cache.ts";
import { ArticleStages, hashFiles } from "./build/article-stages.ts";
import { AtomicFile, removeStaleTemps } from "./build/atomic-file.ts";
import { codeVersion } from "./build/code-version.ts";
import { collectGarbage } from "./build/collect-garbage.ts";
import { orderInputFiles } from "./build/input-order.ts";
import {
  forgetManifest,
  hashInputs,
  manifestPath,
  outputsIntact,
  readManifest,
  writeManifest,
} from "./build/manifest.ts";
import type { ArticleStageTimes } from "./build/process-file-types.ts";
import { collectInputFiles } from "./read-inputs.ts";
import { NODE_LABELS } from "../schema/graph.ts";
import { graphGexfChunks, graphJsonChunks, prettyJsonArrayChunks } from "./export-graph.ts";
import { layoutGraph } from "./layout.ts";

/** Options of `quotegraph build`. */
export interface BuildOptions {
  inputs: string[];
  outDir: string;
  decisions?: AliasDecisions;
  layout?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Extract every article again, ignoring the cache and the previous build. */
  force?: boolean;
  /** Worker threads for the per-article stages (default: one per core); 0 runs them in this thread. */
  workers?: number;
  /** Time budget of one file in a worker, in milliseconds (default 60 s). */
  fileTimeoutMs?: number;
  /** SAID edges below this attribution confidence are left out (default 0: all). */
  minConfidence?: number;
}

/** What a build produced, and how. */
export interface BuildResult {
  report: RunReport;
  candidates: MergeCandidate[];
  failed: number;
  /** True when the previous build had the same inputs, code and settings, and its outputs were kept as they were. */
  upToDate: boolean;
  stats: BuildStats;
}

/** Where a build spent its time (milliseconds) and how many articles came from the cache. */
export interface BuildStats {
  files: number;
  extracted: number;
  cached: number;
  /** Wall time of each step of the build, in order. */
  steps: Record<string, number>;
  /** Peak resident memory of the process (with its workers) so far, at the end of each step, in MB. */
  rssMb: Record<string, number>;
  /** Time of each per-article stage summed over the worker threads. */
  articleStages: ArticleStageTimes;
}

const OUTPUTS = ["graph.json", "graph.gexf", "report.json", "candidates.json"] as const;
/** Default time budget of one file: a 20 MB page takes well under this; a hang is stopped by it. */
export const DEFAULT_FILE_TIMEOUT_MS = 60_000;

/** Reads every input, extracts, resolves, lays out and writes graph.json, graph.gexf, report.json, candidates.json. */
export async function buildGraph(options: BuildOptions): Promise<BuildResult> {
  const steps: Record<string, number> = {};
  const rssMb: Record<string, number> = {};
  let clock = performance.now();
  const lap = (step: string): void => {
    const now = performance.now();
    steps[step] = (steps[step] ?? 0) + now - clock;
    // the peak so far (it only grows): the step where it reaches its final value is the one that needs the memory
    rssMb[step] = Math.round(process.resourceUsage().maxRSS / 1024);
    clock = now;
  };
  const { outDir } = options;
  const version = await codeVersion();
  const previous = options.force ? undefined : await readManifest(outDir);
  const stages = new ArticleStages({
    workers: options.workers ?? Math.min(availableParallelism(), 8),
    fixedWorkers: options.workers !== undefined,
    fileTimeoutMs: options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
    onProgress: options.onProgress,
  });
  // without a previous build of this code every file is extracted: a worker loads while the inputs are listed
  if (previous?.version !== version) stages.warmUp();
  const collected = await collectInputFiles(options.inputs);
  const files = orderInputFiles(collected.files);
  const missing = orderInputFiles(collected.missing);
  const settings = hashSettings(options, missing);
  lap("collect");

  // the same code, settings and number of files as the last build: if the contents match too, its output stands
  let keys: (string | undefined)[] | undefined;
  if (previous?.version === version && previous.settings === settings && previous.files === files.length) {
    keys = await hashFiles(files);
    lap("hash");
    if (previous.inputs === hashInputs(files, keys) && (await outputsIntact(outDir, previous))) {
      await stages.close();
      return await previousResult(outDir, files.length, { steps, rssMb }, stages.times);
    }
  }
  // files were added or removed since the last build: some will need extracting, and a worker takes a second to
  // load, so it loads while the cache is read and the files are hashed
  if (previous?.files !== files.length) stages.warmUp();
  const cache = options.force ? ArticleCache.empty(outDir) : await ArticleCache.open(outDir, version);
  const writer = await cache.startNext(version);
  try {
    await stages.start(files, cache, writer, keys);
    lap("hash");
    await stages.finish();
    lap("articles");
  } catch (error) {
    await writer.discard();
    await stages.close();
    throw error;
  }

  const { reports, extractions, byArticle } = collectResults(files, missing, stages);
  // loaded here: an up-to-date build never needs the cross-article stages
  const { assembleEachArticle } = await import("./build/assemble.ts");
  // the extractions' messages and JSON are garbage now: collected before the assembly allocates the graph
  collectGarbage();
  const { graph, candidates, failures } = assembleEachArticle(extractions, options.decisions, {
    minConfidence: options.minConfidence ?? 0,
  });
  // the extractions are in the graph now: let them go before the layout and the exports (350 MB on the archive)
  extractions.length = 0;
  stages.dropResults();
  collectGarbage();
  for (const [id, reason] of failures) {
    const entry = byArticle.get(id)!.report;
    entry.status = "failed";
    entry.reason = reason;
    delete entry.article;
  }
  lap("assemble");
  if (options.layout !== false) await layoutGraph(graph);
  lap("layout");
  const report = finishReport(graph, reports);

  const outputs = await writeOutputs(outDir, graph, report, candidates);
  lap("export");
  try {
    // A cached record that broke the graph assembly must not be reused: the next build extracts everything again.
    if ([...failures.keys()].some((id) => byArticle.get(id)?.cached)) {
      await writer.discard();
      await cache.remove();
    } else await writer.commit();
    await forgetManifest(outDir);
    for (const file of outputs) await file.commit();
  } catch (error) {
    await Promise.all([...outputs.map((f) => f.discard()), writer.discard()]);
    throw error;
  }
  // a file that timed out or crashed its worker may read fine next time, and an article the graph assembly could
  // not take is extracted again: such a build is never "up to date"
  if (!stages.transientFailures && !failures.size) {
    const inputs = hashInputs(files, stages.keys);
    await writeManifest(outDir, { version, settings, inputs, files: files.length }, [...OUTPUTS]);
  }
  await removeStaleTemps([...OUTPUTS.map((name) => join(outDir, name)), cache.file, manifestPath(outDir)]);
  lap("write");
  return {
    report,
    candidates,
    failed: report.files.filter((r) => r.status === "failed").length,
    upToDate: false,
    stats: {
      files: files.length,
      extracted: stages.extracted,
      cached: stages.cached,
      steps,
      rssMb,
      articleStages: stages.times,
    },
  };
}

/**
 * Writes graph.json, graph.gexf, report.json and candidates.json to temporary files beside their places, closed and
 * synced, ready to be renamed in (`commit`) once everything else is written too.
 */
async function writeOutputs(
  outDir: string,
  graph: DirectedGraph,
  report: RunReport,
  candidates: MergeCandidate[],
): Promise<AtomicFile[]> {
  const outputs = await Promise.all(OUTPUTS.map((name) => AtomicFile.create(join(outDir, name))));
  // closing a file syncs it to disk (70 ms for the 50 MB graph.json of 5,000 articles): it runs while the next
  // file is written
  const closing: Promise<void>[] = [];
  try {
    const [json, gexf, reportFile, candidatesFile] = outputs as [AtomicFile, AtomicFile, AtomicFile, AtomicFile];
    await json.writeAll(graphJsonChunks(graph));
    closing.push(json.close());
    await gexf.writeAll(graphGexfChunks(graph));
    closing.push(gexf.close());
    await reportFile.write(JSON.stringify(report, null, 2));
    closing.push(reportFile.close());
    await candidatesFile.writeAll(prettyJsonArrayChunks(candidates));
    closing.push(candidatesFile.close());
    await Promise.all(closing);
    return outputs;
  } catch (error) {
    await Promise.allSettled(closing);
    await Promise.all(outputs.map((f) => f.discard()));
    throw error;
  }
}

/**
 * The settings besides the inputs that shape the outputs: alias decisions, layout, the speaker threshold, inputs
 * that do not exist.
 */
function hashSettings(options: BuildOptions, missing: string[]): string {
  const text = JSON.stringify([
    options.decisions ?? null,
    options.layout !== false,
    options.minConfidence ?? 0,
    missing,
  ]);
  return createHash("sha256").update(text).digest("hex");
}

/**
 * The report entry of every file, in the build's order, and the articles to assemble. The first file (in order)
 * that reads as an article holds it; later files with the same text are skipped as duplicates, exactly as if the
 * files had been read one after the other.
 */
function collectResults(
  files: string[],
  missing: string[],
  stages: ArticleStages,
): {
  reports: FileReport[];
  extractions: ArticleExtraction[];
  byArticle: Map<string, { report: FileReport; cached: boolean }>;
} {
  const reports: FileReport[] = missing.map((file) => ({ file, status: "failed", reason: "no such file or folder" }));
  const extractions: ArticleExtraction[] = [];
  const byArticle = new Map<string, { report: FileReport; cached: boolean }>();
  const holder = new Map<string, string>();
  files.forEach((file, i) => {
    const result = stages.results[i];
    if (!result) throw new Error(`Build: no result for ${file}. Expecting one per input file.`);
    const first = result.id === undefined ? undefined : holder.get(result.id);
    if (first !== undefined) {
      reports.push({ file, status: "skipped", reason: `same article text as ${first}`, article: result.id! });
      return;
    }
    if (result.id !== undefined) holder.set(result.id, file);
    if (result.status === "failed") {
      reports.push({ file, status: "failed", reason: result.reason });
      return;
    }
    if (result.status === "duplicate")
      throw new Error(`Build: ${file} was skipped as a duplicate of no earlier file. Expecting its holder first.`);
    const report: FileReport = { file, status: "ok", article: result.id };
    reports.push(report);
    byArticle.set(result.id, { report, cached: result.cached });
    extractions.push(result.extraction);
  });
  return { reports, extractions, byArticle };
}

/** Adds node counts per article and totals per label to the report. */
function finishReport(graph: DirectedGraph, reports: FileReport[]): RunReport {
  const countsByArticle = new Map<string, Record<string, number>>();
  graph.forEachEdge((_e, attrs, source, target) => {
    if (attrs["type"] !== "MENTIONED_IN" && attrs["type"] !== "QUOTED_IN") return;
    const label = graph.getNodeAttribute(source, "label") as string;
    const counts = countsByArticle.get(target) ?? {};
    counts[label] = (counts[label] ?? 0) + 1;
    countsByArticle.set(target, counts);
  });
  for (const r of reports) if (r.article) r.counts = countsByArticle.get(r.article) ?? {};
  const totals: RunReport["totals"] = {};
  graph.forEachNode((_k, a) => {
    const label = a["label"] as (typeof NODE_LABELS)[number];
    totals[label] = (totals[label] ?? 0) + 1;
  });
  return { generatedBy: "quotegraph build", files: reports, totals };
}

/** The result of the previous build, whose outputs are still in place. */
async function previousResult(
  outDir: string,
  files: number,
  { steps, rssMb }: Pick<BuildStats, "steps" | "rssMb">,
  articleStages: ArticleStageTimes,
): Promise<BuildResult> {
  const report = RunReportSchema.parse(JSON.parse(await readFile(join(outDir, "report.json"), "utf8")));
  const candidates = JSON.parse(await readFile(join(outDir, "candidates.json"), "utf8")) as MergeCandidate[];
  return {
    report,
    candidates,
    failed: report.files.filter((r) => r.status === "failed").length,
    upToDate: true,
    stats: { files, extracted: 0, cached: files, steps, rssMb, articleStages },
  };
}

export { CACHE_DIR };
