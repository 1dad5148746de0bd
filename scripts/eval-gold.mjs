#!/usr/bin/env node
// `npm run eval`: builds the seed gold's articles and the dev gold's articles (24 pen-2411 pages, unpacked from
// ../shared/corpus/pen-2411.tar.xz) and scores both with ../shared/eval/score.mjs, printing the two tables side by
// side. `--json FILE` also writes the scores; `--keep DIR` keeps the builds (DIR/seeds, DIR/dev) for
// scripts/diagnose-gold.mjs.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = process.env.QUOTEGRAPH_SHARED ?? join(root, "..", "shared");
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

/** Builds the inputs into `out` with the CLI and scores the result against a gold file; returns score.mjs's JSON. */
export function buildAndScore(gold, inputs, out) {
  const build = spawnSync(
    process.execPath,
    [join(root, "bin", "quotegraph.mjs"), "build", ...inputs, "--out", out, "--no-layout"],
    {
      encoding: "utf8",
    },
  );
  if (!existsSync(join(out, "graph.json"))) throw new Error(`build of ${gold} failed:\n${build.stderr}`);
  const json = execFileSync(
    process.execPath,
    [join(shared, "eval", "score.mjs"), "--gold", gold, "--graph", join(out, "graph.json"), "--json"],
    {
      encoding: "utf8",
    },
  );
  return JSON.parse(json);
}

/** Unpacks the dev gold's articles from the pen-2411 archive into `dir`; returns the folder to build. */
export function unpackDevArticles(dir) {
  const gold = JSON.parse(readFileSync(join(shared, "gold", "pen-dev.gold.json"), "utf8"));
  mkdirSync(dir, { recursive: true });
  const list = join(dir, "files.txt");
  writeFileSync(list, gold.docs.map((d) => d.file).join("\n") + "\n");
  mkdirSync(join(dir, "in"), { recursive: true });
  execFileSync("tar", ["-xJf", join(shared, "corpus", "pen-2411.tar.xz"), "-C", join(dir, "in"), "-T", list]);
  return join(dir, "in");
}

/** The rows of a score table: name and value (a share from 0 to 1, or a count). */
export function scoreRows(r) {
  return [
    ["persons: detection F1", r.persons.detect.f1],
    ["persons: alias clustering F1", r.persons.coref.f1],
    ["orgs: detection F1", r.orgs.detect.f1],
    ["orgs: alias clustering F1", r.orgs.coref.f1],
    ["direct quotes: extraction F1", r.directQuotes.extract.f1],
    ["direct quotes: speaker accuracy", r.directQuotes.speakerAccuracy],
    ["direct quotes: wrong speaker", r.directQuotes.speakerWrong],
    ["indirect quotes: extraction F1", r.indirectQuotes.extract.f1],
    ["indirect quotes: speaker accuracy", r.indirectQuotes.speakerAccuracy],
    ["indirect quotes: wrong speaker", r.indirectQuotes.speakerWrong],
    ["meetings: detection F1", r.meetings.detect.f1],
    ["meetings: duplicated", r.meetings.detect.duplicated],
    ["meetings: attendees F1", r.meetings.attendees.f1],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const keep = option("--keep");
  const work = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), "quotegraph-eval-"));
  mkdirSync(work, { recursive: true });
  try {
    const seeds = buildAndScore(join(shared, "gold", "seeds.gold.json"), [join(root, "samples")], join(work, "seeds"));
    const dev = buildAndScore(
      join(shared, "gold", "pen-dev.gold.json"),
      [unpackDevArticles(join(work, "dev-in"))],
      join(work, "dev"),
    );
    const fmt = (v, name) => (name.includes("duplicated") ? String(v) : (100 * v).toFixed(1)).padStart(7);
    const devRows = scoreRows(dev);
    console.log(`${"".padEnd(34)}${"seeds".padStart(7)}${"dev".padStart(7)}`);
    for (const [i, [name, value]] of scoreRows(seeds).entries())
      console.log(`${name.padEnd(34)}${fmt(value, name)}${fmt(devRows[i][1], name)}`);
    console.log(`\narticles matched: seeds ${seeds.articlesMatched}, dev ${dev.articlesMatched}`);
    const out = option("--json");
    if (out) writeFileSync(out, JSON.stringify({ seeds, dev }, null, 2));
    if (keep) console.log(`builds kept in ${work}/seeds and ${work}/dev`);
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}
