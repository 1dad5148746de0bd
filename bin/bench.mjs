#!/usr/bin/env node
// `npm run bench [-- <folder>] [--limit N]`: builds a corpus folder (default: pen-2411 from ../shared/corpus,
// unpacked to the system temp folder on first use) without layout and prints throughput and peak memory.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readdirSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const limitAt = args.indexOf("--limit");
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : undefined;
let folder = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--limit");

if (!folder) {
  const unpacked = join(tmpdir(), "quotegraph-corpus");
  folder = join(unpacked, "pen-2411");
  if (!existsSync(folder)) {
    const archive = join(root, "..", "shared", "corpus", "pen-2411.tar.xz");
    if (!existsSync(archive)) {
      console.error(`bench: no folder given and no ${archive} to unpack`);
      process.exit(2);
    }
    mkdirSync(unpacked, { recursive: true });
    console.error(`unpacking ${archive} …`);
    execFileSync("tar", ["-xJf", archive, "-C", unpacked]);
  }
}

/** The first `n` article files of a folder tree, linked into a fresh folder. */
function sample(dir, n) {
  const out = mkdtempSync(join(tmpdir(), "qg-bench-in-"));
  let count = 0;
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      if (count >= n) return;
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(txt|md|html?)$/i.test(name)) symlinkSync(full, join(out, `${count++}-${name}`));
    }
  };
  walk(dir);
  return out;
}

const input = limit ? sample(folder, limit) : folder;
const out = mkdtempSync(join(tmpdir(), "qg-bench-out-"));
const started = process.hrtime.bigint();
const command = [process.execPath, join(root, "bin/quotegraph.mjs"), "build", input, "--out", out, "--no-layout"];
// GNU time reports peak memory; without it the build still runs and memory is reported as n/a
const run = existsSync("/usr/bin/time")
  ? spawnSync("/usr/bin/time", ["-v", ...command], { encoding: "utf8" })
  : spawnSync(command[0], command.slice(1), { encoding: "utf8" });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const summary = run.stderr.split("\n").find((l) => l.startsWith("built ")) ?? "";
const articles = Number(/from (\d+) articles/.exec(summary)?.[1] ?? 0);
const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? 0);
console.log(summary);
console.log(`articles        ${articles}`);
console.log(`wall time       ${seconds.toFixed(1)} s`);
console.log(`throughput      ${(articles / seconds).toFixed(0)} articles/s`);
console.log(`peak memory     ${peakKb ? (peakKb / 1024).toFixed(0) + " MiB" : "n/a (no /usr/bin/time)"}`);
console.log(`49,121 articles ≈ ${(49121 / (articles / seconds) / 60).toFixed(1)} min at this rate`);
