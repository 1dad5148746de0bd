#!/usr/bin/env node
// `npm run bench [-- <folder>] [--limit N] [--add N] [--verify] [--workers N]`
//
// Builds a corpus and prints wall time, files/s, MB/s, peak memory, the time of each stage, and the floor measured
// in the same run on the same files: reading, text extraction (cheerio), opencc and jieba on one core, with the
// ratio build/floor. Then re-runs the build on unchanged inputs, and (with --limit) adds the next --add files
// (default 100) and builds again: both reuse the cache of the first build. Without a folder it unpacks the Citizen
// News archive (../shared/corpus/hkcnews-articles.tar.xz, 49,121 files) into the system's temporary folder once.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const VALUED = new Set(["--limit", "--add", "--workers"]);
const limit = option("--limit") === undefined ? undefined : Number(option("--limit"));
const add = Number(option("--add", "100"));
const workers = option("--workers");
const verify = args.includes("--verify");
const folderArg = args.find((a, i) => !a.startsWith("--") && !VALUED.has(args[i - 1] ?? ""));
if ((limit !== undefined && !(limit > 0)) || !(add >= 0)) {
  console.error("bench: --limit and --add take a number of files");
  process.exit(2);
}

/** The corpus folder: the one given, or the Citizen News archive unpacked once into the temporary folder. */
function corpusFolder() {
  if (folderArg) return resolve(folderArg);
  const unpacked = join(tmpdir(), "quotegraph-bench");
  const folder = join(unpacked, "articles");
  if (!existsSync(join(unpacked, ".complete"))) {
    const archive = join(root, "..", "shared", "corpus", "hkcnews-articles.tar.xz");
    if (!existsSync(archive)) {
      console.error(`bench: no folder given and no ${archive} to unpack`);
      process.exit(2);
    }
    console.error(`unpacking ${archive} …`);
    rmSync(unpacked, { recursive: true, force: true });
    mkdirSync(unpacked, { recursive: true });
    execFileSync("tar", ["-xJf", archive, "-C", unpacked]);
    writeFileSync(join(unpacked, ".complete"), "");
  }
  return folder;
}

/** Article files under a folder, in the build's order (path components compared by code units). */
function listArticles(dir) {
  const out = [];
  const walk = (d) => {
    const names = readdirSync(d).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      if (name.startsWith(".")) continue;
      const full = join(d, name);
      const info = statSync(full);
      if (info.isDirectory()) walk(full);
      else if (/\.(txt|md|markdown|html?|xhtml)$/i.test(name)) out.push({ file: full, bytes: info.size });
    }
  };
  walk(dir);
  return out;
}

/** Copies files into `into`, keeping their paths below `from`. */
function copyInto(files, from, into) {
  for (const { file } of files) {
    const target = join(into, relative(from, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}

/** Runs a command, returning its wall time in seconds and its output. */
function run(command, commandArgs) {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, commandArgs, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolvePromise({ code, seconds, stdout, stderr });
    });
  });
}

/** One `quotegraph build` with --timings: wall time, the build's own stats, its summary line. */
async function build(input, out, extra = []) {
  const flags = ["--timings", ...(workers === undefined ? [] : ["--workers", workers]), ...extra];
  const r = await run(process.execPath, [join(root, "bin/quotegraph.mjs"), "build", input, "--out", out, ...flags]);
  const line = r.stderr.split("\n").find((l) => l.startsWith("timings "));
  if (!line || r.code === 2 || r.code === null) {
    console.error(r.stderr);
    throw new Error(`bench: the build of ${input} failed (exit ${r.code})`);
  }
  const summary = r.stderr.split("\n").find((l) => l.startsWith("built ")) ?? "";
  return { seconds: r.seconds, stats: JSON.parse(line.slice("timings ".length)), summary };
}

const fmt = (n, digits = 1) => n.toFixed(digits);
const ms = (n) => `${fmt(n / 1000)} s`;
const load = () =>
  loadavg()
    .map((l) => fmt(l, 2))
    .join(" ");

const corpus = corpusFolder();
const all = listArticles(corpus);
const work = mkdtempSync(join(tmpdir(), "qg-bench-"));
let input = corpus;
let files = all;
let added = [];
if (limit !== undefined) {
  files = all.slice(0, limit);
  added = all.slice(limit, limit + add);
  input = join(work, "in");
  copyInto(files, corpus, input);
}
const megabytes = files.reduce((n, f) => n + f.bytes, 0) / 1048576;
const list = join(work, "files.txt");
writeFileSync(
  list,
  files.map((f) => (limit === undefined ? f.file : join(input, relative(corpus, f.file)))).join("\n"),
);
const out = join(work, "out");

console.log(`machine         ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${fmt(totalmem() / 2 ** 30, 0)} GB`);
console.log(`corpus          ${files.length} files, ${fmt(megabytes)} MB (${corpus})`);
console.log(`load average    ${load()} (at the start)`);

// read every file once, so that the floor and the build both find them in the page cache
execFileSync("sh", ["-c", `xargs -d '\\n' cat < '${list}' > /dev/null`]);

const floorRun = await run(process.execPath, ["--import", "tsx", join(root, "scripts/bench-floor.ts"), list]);
if (floorRun.code !== 0) {
  console.error(floorRun.stderr);
  process.exit(1);
}
const floor = JSON.parse(floorRun.stdout.trim().split("\n").pop());

const first = await build(input, out);
const again = await build(input, out);
let plus;
if (added.length) {
  copyInto(added, corpus, input);
  plus = await build(input, out);
}
let identical;
if (plus && verify) {
  const clean = join(work, "clean");
  await build(input, clean, ["--force"]);
  identical = ["graph.json", "graph.gexf", "report.json", "candidates.json"].every(
    (name) => spawnSync("cmp", ["-s", join(out, name), join(clean, name)]).status === 0,
  );
}

const s = first.stats;
const stepsOf = (stats) =>
  Object.entries(stats.steps)
    .map(([k, v]) => `${k} ${ms(v)}${stats.rssMb?.[k] ? ` (${stats.rssMb[k]} MB)` : ""}`)
    .join(", ");
console.log(first.summary);
console.log("");
console.log(
  `first build     ${fmt(first.seconds)} s wall, ${fmt(files.length / first.seconds, 0)} files/s, ${fmt(megabytes / first.seconds)} MB/s, peak RSS ${s.peakRssMb} MB`,
);
console.log(`  steps         ${stepsOf(s)}`);
console.log(
  `  per article   ${Object.entries(s.articleStages)
    .map(([k, v]) => `${k} ${ms(v)}`)
    .join(", ")} (summed over threads)`,
);
console.log(
  `floor (1 core)  ${fmt(floorRun.seconds)} s wall (${Object.entries(floor.times)
    .map(([k, v]) => `${k} ${ms(v)}`)
    .join(", ")}), peak RSS ${floor.peakRssMb} MB`,
);
console.log(`build / floor   ${fmt(first.seconds / floorRun.seconds, 2)}`);
// CPU time does not depend on what else runs on the machine: the per-article part spreads over the cores, the
// cross-article steps (assemble, layout, export) run on one
const cross = ["assemble", "layout", "export", "write"].reduce((n, k) => n + (s.steps[k] ?? 0), 0) / 1000;
const cores = Math.min(cpus().length, workers === undefined ? cpus().length : Math.max(1, Number(workers)));
const freeCores = (s.cpuMs / 1000 - cross) / cores + cross;
console.log(
  `CPU time        build ${fmt(s.cpuMs / 1000)} s, floor ${fmt(floor.cpuMs / 1000)} s: on ${cores} free cores the build would take about ${fmt(freeCores)} s = ${fmt(freeCores / (floor.cpuMs / 1000), 2)} × the floor's CPU time`,
);
console.log(
  `unchanged       ${fmt(again.seconds)} s = ${fmt((100 * again.seconds) / first.seconds, 0)}% of the first build${again.summary ? "" : " (no summary)"}, peak RSS ${again.stats.peakRssMb} MB`,
);
console.log(`  steps         ${stepsOf(again.stats)}`);
if (plus)
  console.log(
    `+${added.length} files      ${fmt(plus.seconds)} s = ${fmt((100 * plus.seconds) / first.seconds, 0)}% of the first build (${plus.stats.extracted} extracted, ${plus.stats.cached} from the cache), peak RSS ${plus.stats.peakRssMb} MB`,
  );
if (plus) console.log(`  steps         ${stepsOf(plus.stats)}`);
if (identical !== undefined)
  console.log(
    `+${added.length} output      ${identical ? "byte-identical to a clean build" : "DIFFERS from a clean build"}`,
  );
console.log(`load average    ${load()} (at the end)`);
rmSync(work, { recursive: true, force: true });
