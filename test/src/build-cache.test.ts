import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildGraph, CACHE_DIR } from "../../src/build.ts";
import { ArticleCache } from "../../src/build/article-cache.ts";
import { codeVersion } from "../../src/build/code-version.ts";
import { copySamples, readOutputs, tempDir, writeNewArticle, SAMPLE_FILES } from "./_build.ts";

// Builds run in this thread (workers: 0) unless the test is about workers: the cache does not depend on them.
const build = (inputs: string[], outDir: string, extra: Partial<Parameters<typeof buildGraph>[0]> = {}) =>
  buildGraph({ inputs, outDir, layout: false, workers: 0, ...extra });

const cacheFile = (out: string): string => join(out, CACHE_DIR, "articles.ndjson");

describe("the article cache", () => {
  it("reuses everything on an unchanged re-run, and keeps the outputs as they were", async () => {
    const dir = await tempDir("cache");
    await copySamples(join(dir, "in"));
    const out = join(dir, "out");
    const first = await build([join(dir, "in")], out);
    expect(first.stats.extracted).toBe(5);
    const before = await readOutputs(out);
    const again = await build([join(dir, "in")], out);
    expect(again.upToDate).toBe(true);
    expect(again.stats.extracted).toBe(0);
    expect(again.report).toEqual(first.report);
    expect(await readOutputs(out)).toEqual(before);
  });

  it("extracts only an added article, and writes what a clean build writes", async () => {
    const dir = await tempDir("cache");
    const input = join(dir, "in");
    await copySamples(input);
    const out = join(dir, "out");
    await build([input], out);
    await writeNewArticle(join(input, "new.txt"));
    const added = await build([input], out);
    expect(added.upToDate).toBe(false);
    expect(added.stats).toMatchObject({ extracted: 1, cached: 5 });
    await build([input], join(dir, "clean"), { force: true });
    expect(await readOutputs(out)).toEqual(await readOutputs(join(dir, "clean")));
  });

  it("runs the cross-article stages again, from the cache, when only a setting changed", async () => {
    const dir = await tempDir("cache");
    await copySamples(join(dir, "in"));
    const out = join(dir, "out");
    await build([join(dir, "in")], out);
    const laidOut = await build([join(dir, "in")], out, { layout: true });
    expect(laidOut.upToDate).toBe(false);
    expect(laidOut.stats).toMatchObject({ extracted: 0, cached: 5 });
    const graph = JSON.parse(await readFile(join(out, "graph.json"), "utf8")) as { nodes: { attributes: object }[] };
    expect(graph.nodes.every((n) => "x" in n.attributes && "y" in n.attributes)).toBe(true);
  });

  it("extracts everything again with force, and when the cache was written by other code", async () => {
    const dir = await tempDir("cache");
    await copySamples(join(dir, "in"));
    const out = join(dir, "out");
    await build([join(dir, "in")], out);
    const before = await readOutputs(out);
    expect((await build([join(dir, "in")], out, { force: true })).stats.extracted).toBe(5);
    // another version of the extraction code or lexicons wrote this cache: none of it may be trusted
    const lines = (await readFile(cacheFile(out), "utf8")).split("\n");
    lines[0] = JSON.stringify({ quotegraphCache: 1, version: "written-by-other-code" });
    await writeFile(cacheFile(out), lines.join("\n"));
    await rm(join(out, CACHE_DIR, "manifest.json"));
    expect((await build([join(dir, "in")], out)).stats.extracted).toBe(5);
    expect(await readOutputs(out)).toEqual(before);
  });

  it("extracts again an article whose cached line was cut short", async () => {
    const dir = await tempDir("cache");
    await copySamples(join(dir, "in"));
    const out = join(dir, "out");
    await build([join(dir, "in")], out);
    const before = await readOutputs(out);
    const lines = (await readFile(cacheFile(out), "utf8")).split("\n");
    lines[2] = lines[2]!.slice(0, 200);
    await writeFile(cacheFile(out), lines.join("\n"));
    await rm(join(out, CACHE_DIR, "manifest.json"));
    const rebuilt = await build([join(dir, "in")], out);
    expect(rebuilt.stats).toMatchObject({ extracted: 1, cached: 4 });
    expect(await readOutputs(out)).toEqual(before);
  });

  it("keeps files that fail, and copies that are skipped, in the cache: a re-run reads neither again", async () => {
    const dir = await tempDir("cache");
    const input = join(dir, "in");
    await copySamples(input, [SAMPLE_FILES[0]!, SAMPLE_FILES[0]!], ["a.txt", "b.txt"]);
    await writeFile(join(input, "latin.txt"), "title\nNo Chinese in this article at all.");
    const out = join(dir, "out");
    const first = await build([input], out);
    expect(first.report.files.map((f) => f.status)).toEqual(["ok", "skipped", "failed"]);
    const again = await build([input], out);
    expect(again.upToDate).toBe(true);
    await rm(join(out, CACHE_DIR, "manifest.json"));
    const third = await build([input], out);
    expect(third.stats.extracted).toBe(0);
    expect(third.report).toEqual(first.report);
  });

  it("leaves no temporary file behind", async () => {
    const dir = await tempDir("cache");
    await copySamples(join(dir, "in"), SAMPLE_FILES.slice(0, 2));
    const out = join(dir, "out");
    await build([join(dir, "in")], out);
    await writeNewArticle(join(dir, "in", "new.txt"));
    await build([join(dir, "in")], out);
    const names = [...(await readdir(out)), ...(await readdir(join(out, CACHE_DIR)))];
    expect(names.filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});

describe("reading the article cache", () => {
  it("waits for each line's promise before the next line (the next cache's writes hold the reading back)", async () => {
    const dir = await tempDir("cache");
    await copySamples(join(dir, "in"));
    const out = join(dir, "out");
    await build([join(dir, "in")], out);
    const cache = await ArticleCache.open(out, await codeVersion());
    const keys = (await readFile(cacheFile(out), "utf8"))
      .split("\n")
      .slice(1)
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { k: string }).k);
    let busy = false;
    let overlapped = false;
    let seen = 0;
    await cache.forEachLine(new Set(keys), async () => {
      if (busy) overlapped = true;
      busy = true;
      await new Promise((resolve) => setTimeout(resolve, 5));
      busy = false;
      seen++;
    });
    expect(seen).toBe(keys.length);
    expect(overlapped).toBe(false);
  });
});
