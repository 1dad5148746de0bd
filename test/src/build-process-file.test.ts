import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentKey } from "../../src/build/content-key.ts";
import { extractFile, parseFile, processArticleFile } from "../../src/build/process-file.ts";
import { noStageTimes } from "../../src/build/process-file-types.ts";
import { readSample, samplePath } from "../_helpers.ts";
import { tempDir } from "./_build.ts";

describe("the per-article stages of one file", () => {
  it("read, parse and extract a sample, keyed by its content", async () => {
    const times = noStageTimes();
    const outcome = await processArticleFile(samplePath("002_214997b71d6f798a.txt"), () => true, times);
    expect(outcome).toMatchObject({ status: "ok", id: readSample("002_214997b71d6f798a.txt").id });
    expect(times.extract).toBeGreaterThan(0);
  });

  it("stop at the claim when an earlier file holds the article", async () => {
    const outcome = await processArticleFile(samplePath("002_214997b71d6f798a.txt"), () => false, noStageTimes());
    expect(outcome.status).toBe("duplicate");
  });

  it("give the same bytes under the same extension one key, and another extension another", () => {
    const bytes = Buffer.from("标题\n正文。");
    expect(contentKey("/a/x.txt", bytes)).toBe(contentKey("/b/y.TXT", bytes));
    expect(contentKey("/a/x.txt", bytes)).not.toBe(contentKey("/a/x.html", bytes));
  });

  it("report a file the reader refuses with its reason and its content key", async () => {
    const dir = await tempDir("stage");
    const file = join(dir, "latin.txt");
    await writeFile(file, "title\nNo Chinese in this article at all.");
    const outcome = await processArticleFile(file, () => true, noStageTimes());
    expect(outcome).toMatchObject({ status: "failed", reason: "no Chinese text in the article body" });
    expect(outcome.status === "failed" && outcome.key).toMatch(/^[0-9a-f]{64}$/);
  });

  it("catch a stage that throws and name the stage, the article and its key in the outcome", () => {
    // an article whose text is missing stands for a bug in an extraction stage: the stage throws on it
    const broken = { ...readSample("002_214997b71d6f798a.txt"), text: undefined as unknown as string };
    const outcome = extractFile(broken, "k".repeat(64), noStageTimes());
    expect(outcome).toMatchObject({ status: "failed", id: broken.id, key: "k".repeat(64) });
    expect(outcome.status === "failed" && outcome.reason).toMatch(/^extraction failed: /);
  });

  it("turn a file that cannot be decoded into a failure, not an exception", () => {
    const parsed = parseFile("/nowhere/x.txt", { ok: false, reason: "binary data" }, noStageTimes());
    expect(parsed).toEqual({ outcome: { status: "failed", reason: "binary data" } });
  });
});
