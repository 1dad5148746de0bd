import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { copySamples, tempDir, SAMPLE_FILES } from "./_build.ts";

const run = promisify(execFile);
const CLI = fileURLToPath(new URL("../../bin/quotegraph.mjs", import.meta.url));

/** Runs the CLI and returns its exit code and output instead of throwing on a non-zero exit. */
async function quotegraph(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run(process.execPath, [CLI, ...args]);
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe("quotegraph build flags", () => {
  it("prints where the time went, then says when an unchanged build keeps its output", async () => {
    const dir = await tempDir("cli");
    await copySamples(join(dir, "in"), SAMPLE_FILES.slice(0, 2));
    const out = join(dir, "out");
    const first = await quotegraph("build", join(dir, "in"), "--out", out, "--workers", "0", "--timings");
    expect(first.code).toBe(0);
    const timings = JSON.parse(/^timings (.*)$/m.exec(first.stderr)![1]!) as { extracted: number; steps: object };
    expect(timings.extracted).toBe(2);
    expect(Object.keys(timings.steps)).toEqual(expect.arrayContaining(["collect", "articles", "assemble", "export"]));
    const again = await quotegraph("build", join(dir, "in"), "--out", out, "--workers", "0");
    expect(again.stderr).toMatch(/unchanged since the last build/);
    const forced = await quotegraph("build", join(dir, "in"), "--out", out, "--workers", "0", "--force", "--timings");
    expect(forced.stderr).not.toMatch(/unchanged since the last build/);
    expect(JSON.parse(/^timings (.*)$/m.exec(forced.stderr)![1]!)).toMatchObject({ extracted: 2 });
  });

  it.each([
    ["--workers", "-1"],
    ["--workers", "two"],
    ["--file-timeout", "0"],
    ["--min-confidence", "1.5"],
    ["--min-confidence", "sure"],
  ])("rejects %s %s with a usage error", async (flag, value) => {
    const dir = await tempDir("cli");
    const r = await quotegraph("build", dir, "--out", join(dir, "out"), flag, value);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Expecting/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
