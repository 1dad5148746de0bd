import { spawn } from "node:child_process";
import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildGraph, CACHE_DIR } from "../../src/build.ts";
import { readSample } from "../_helpers.ts";
import { copySamples, readOutputs, tempDir, writeNewArticle, SAMPLE_FILES } from "./_build.ts";

const CLI = fileURLToPath(new URL("../../bin/quotegraph.mjs", import.meta.url));

describe("the build with worker threads", () => {
  it("writes the same bytes as the build in one thread", async () => {
    const dir = await tempDir("workers");
    await copySamples(join(dir, "in"));
    await writeNewArticle(join(dir, "in", "new.txt"));
    await buildGraph({ inputs: [join(dir, "in")], outDir: join(dir, "threads"), workers: 2 });
    await buildGraph({ inputs: [join(dir, "in")], outDir: join(dir, "main"), workers: 0 });
    expect(await readOutputs(join(dir, "threads"))).toEqual(await readOutputs(join(dir, "main")));
  });

  it("writes the same bytes whatever order the inputs are listed in, keeping the same copy of a duplicate", async () => {
    const dir = await tempDir("order");
    await copySamples(join(dir, "b"), SAMPLE_FILES.slice(0, 3));
    await copySamples(join(dir, "a"), [SAMPLE_FILES[3]!, SAMPLE_FILES[0]!], ["x.txt", "copy-of-000.txt"]);
    const one = await buildGraph({ inputs: [join(dir, "b"), join(dir, "a")], outDir: join(dir, "one"), workers: 2 });
    const two = await buildGraph({
      inputs: [join(dir, "a", "x.txt"), join(dir, "b"), join(dir, "a")],
      outDir: join(dir, "two"),
      workers: 1,
    });
    expect(await readOutputs(join(dir, "one"))).toEqual(await readOutputs(join(dir, "two")));
    const skipped = one.report.files.filter((f) => f.status === "skipped");
    expect(skipped.map((f) => [f.file, f.reason])).toEqual([
      [join(dir, "b", SAMPLE_FILES[0]!), `same article text as ${join(dir, "a", "copy-of-000.txt")}`],
    ]);
    expect(two.report.files.map((f) => f.file)).toEqual(one.report.files.map((f) => f.file));
  });

  it("reports a file that overruns its time budget, replaces its worker and builds the rest", async () => {
    // the endless file comes first: the files handed to the same worker after it are handed out again
    const dir = await tempDir("budget");
    await copySamples(join(dir, "in"), SAMPLE_FILES.slice(0, 2));
    // seed 004's paragraphs, each copy numbered, up to just under the 200,000-character limit of an article:
    // extraction takes about 20 s (it grows faster than the text), far over the 2 s budget, while a sample
    // article takes a tenth of a second
    const article = readSample("004_3607576f4f8a95e7.txt");
    const body = article.paragraphs.map((p) => p.text).join("\n\n");
    const copies = Math.floor(190_000 / (body.length + 8));
    const text = Array.from({ length: copies }, (_, i) => `第${i}节\n\n${body}`).join("\n\n");
    await writeFile(join(dir, "in", "000-endless.txt"), `${article.title}\n\n${text}`);
    const out = join(dir, "out");
    const result = await buildGraph({ inputs: [join(dir, "in")], outDir: out, workers: 1, fileTimeoutMs: 2000 });
    const byName = Object.fromEntries(result.report.files.map((f) => [f.file.split("/").pop(), f]));
    expect(byName["000-endless.txt"]).toMatchObject({ status: "failed", reason: expect.stringMatching(/time budget/) });
    expect(byName[SAMPLE_FILES[0]!]!.status).toBe("ok");
    expect(byName[SAMPLE_FILES[1]!]!.status).toBe("ok");
    // a time-out may not happen next time: the build is not taken as up to date, and the failure is not cached
    expect(await readFile(join(out, CACHE_DIR, "articles.ndjson"), "utf8")).not.toMatch(/time budget/);
    await expect(readdir(join(out, CACHE_DIR))).resolves.not.toContain("manifest.json");
  }, 60_000);

  it("leaves the previous export and cache whole when a build is killed", async () => {
    const dir = await tempDir("kill");
    await copySamples(join(dir, "in"), SAMPLE_FILES.slice(0, 2));
    const out = join(dir, "out");
    await buildGraph({ inputs: [join(dir, "in")], outDir: out, workers: 0 });
    const before = await readOutputs(out);
    const cacheBefore = await readFile(join(out, CACHE_DIR, "articles.ndjson"), "utf8");
    await copySamples(join(dir, "in"), SAMPLE_FILES.slice(2));
    // the next build starts writing its temporary files; it is killed as soon as the first one shows
    const child = spawn(process.execPath, [CLI, "build", join(dir, "in"), "--out", out], { stdio: "ignore" });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    for (;;) {
      const names = [...(await readdir(out)), ...(await readdir(join(out, CACHE_DIR)).catch(() => []))];
      if (names.some((n) => n.endsWith(".tmp"))) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    child.kill("SIGKILL");
    await exited;
    expect(await readOutputs(out)).toEqual(before);
    expect(await readFile(join(out, CACHE_DIR, "articles.ndjson"), "utf8")).toBe(cacheBefore);
    // and the next build completes from there
    const next = await buildGraph({ inputs: [join(dir, "in")], outDir: out, workers: 0 });
    expect(next.report.files.filter((f) => f.status === "ok")).toHaveLength(5);
    const names = [...(await readdir(out)), ...(await readdir(join(out, CACHE_DIR)))];
    expect(names.filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("reports an article the cross-article stages cannot take, builds the rest, and drops the cache", async () => {
    const dir = await tempDir("assemble");
    await copySamples(join(dir, "in"), SAMPLE_FILES.slice(0, 3));
    const out = join(dir, "out");
    await buildGraph({ inputs: [join(dir, "in")], outDir: out, workers: 0 });
    // a cached extraction that parses but that the alias resolver cannot take (forms that are no list)
    const cache = join(out, CACHE_DIR, "articles.ndjson");
    const lines = (await readFile(cache, "utf8")).split("\n");
    const broken = lines.findIndex((l) => l.includes('"keys":["'));
    lines[broken] = lines[broken]!.replace('"keys":["', '"keys":5,"was":["');
    await writeFile(cache, lines.join("\n"));
    await rm(join(out, CACHE_DIR, "manifest.json"));
    const result = await buildGraph({ inputs: [join(dir, "in")], outDir: out, workers: 0 });
    const failed = result.report.files.filter((f) => f.status === "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]!.reason).toMatch(/^graph assembly failed: /);
    expect(result.report.files.filter((f) => f.status === "ok")).toHaveLength(2);
    // the cache that held the bad record is gone: the next build extracts everything and builds all three
    const next = await buildGraph({ inputs: [join(dir, "in")], outDir: out, workers: 0 });
    expect(next.stats.extracted).toBe(3);
    expect(next.report.files.filter((f) => f.status === "ok")).toHaveLength(3);
  });
});
