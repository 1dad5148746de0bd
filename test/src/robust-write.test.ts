import { spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { GraphExport } from "../../schema/graph.ts";
import { RunReport } from "../../schema/report.ts";
import { UserError } from "../../src/user-error.ts";
import { writeFileAtomic, writeFilesAtomic } from "../../src/write-atomic.ts";

const CLI = fileURLToPath(new URL("../../bin/quotegraph.mjs", import.meta.url));
const SLOW_WRITES = fileURLToPath(new URL("./_slow-writes.mjs", import.meta.url));
// the five seed articles bundled in samples/ (copied from ../shared/seeds)
const SAMPLES = fileURLToPath(new URL("../../samples", import.meta.url));

const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), "qg-write-"));
const temps = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((f) => f.endsWith(".tmp"));

describe("writeFileAtomic", () => {
  it("replaces a file whole and leaves no temporary file", async () => {
    const dir = await tempDir();
    const file = join(dir, "sub", "graph.json");
    await writeFileAtomic(file, "old");
    await writeFileAtomic(file, "new");
    expect(await readFile(file, "utf8")).toBe("new");
    expect(await temps(join(dir, "sub"))).toEqual([]);
  });

  it("removes the temporary files a killed process left, and keeps those of a running one", async () => {
    const dir = await tempDir();
    const file = join(dir, "report.json");
    // pid 2^22 + 1 is above Linux's pid_max: no process has it
    await writeFile(join(dir, "report.json.4194305.0badcafe.tmp"), "half");
    await writeFile(join(dir, "report.json.4194305.tmp"), "half"); // an older writer's name
    await writeFile(join(dir, `report.json.${process.ppid}.0badcafe.tmp`), "being written");
    await writeFileAtomic(file, "{}");
    expect(await temps(dir)).toEqual([`report.json.${process.ppid}.0badcafe.tmp`]);
  });

  it("fails with one line naming the file when it cannot write, and removes its temporary file", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "graph.json", "in-the-way"), { recursive: true }); // a folder where the file should go
    const error = await writeFileAtomic(join(dir, "graph.json"), "{}").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/^cannot write .*graph\.json: E(ISDIR|NOTEMPTY|EXIST)/);
    expect(await temps(dir)).toEqual([]);
  });

  it("fails with one line when the folder cannot be made", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "out"), "a file, not a folder");
    await expect(writeFileAtomic(join(dir, "out", "graph.json"), "{}")).rejects.toThrow(
      /^cannot create the folder .*out: (EEXIST|ENOTDIR)/,
    );
  });

  it("writes several files and renames them together", async () => {
    const dir = await tempDir();
    await writeFilesAtomic([
      [join(dir, "a.json"), "1"],
      [join(dir, "b.json"), new Uint8Array([0x32])],
    ]);
    expect([await readFile(join(dir, "a.json"), "utf8"), await readFile(join(dir, "b.json"), "utf8")]).toEqual([
      "1",
      "2",
    ]);
  });
});

describe("a build killed while it writes", () => {
  it("leaves the previous export whole and parseable, and the next build cleans up after it", async () => {
    const dir = await tempDir();
    const input = join(dir, "in");
    const out = join(dir, "out");
    await mkdir(input);
    const seeds = (await readdir(SAMPLES)).sort();
    for (const seed of seeds.slice(0, 3)) await copyFile(join(SAMPLES, seed), join(input, seed));
    const build = (extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}) =>
      spawn(process.execPath, [...extraArgs, CLI, "build", input, "--out", out, "--no-layout"], {
        env: { ...process.env, ...env },
        stdio: ["ignore", "ignore", "pipe"],
      });
    const exitOf = (child: ReturnType<typeof build>) =>
      new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
        child.on("exit", (code, signal) => done({ code, signal })),
      );

    expect((await exitOf(build())).code).toBe(0);
    const names = ["graph.json", "graph.gexf", "report.json", "candidates.json"];
    const before = await Promise.all(names.map((n) => readFile(join(out, n), "utf8")));

    // two more articles, so the next build has a new export to write; every write now waits half a second, and
    // the build is killed as soon as its first temporary file appears beside the export
    for (const seed of seeds.slice(3)) await copyFile(join(SAMPLES, seed), join(input, seed));
    const killed = build(["--import", SLOW_WRITES], { QG_SLOW_WRITE_MS: "500" });
    const exited = exitOf(killed);
    let sawTemp = false;
    for (let waited = 0; waited < 45_000 && !sawTemp; waited += 20) {
      sawTemp = (await temps(out)).length > 0;
      if (!sawTemp) await sleep(20);
    }
    killed.kill("SIGKILL");
    expect(sawTemp).toBe(true);
    expect((await exited).signal).toBe("SIGKILL");

    const after = await Promise.all(names.map((n) => readFile(join(out, n), "utf8")));
    expect(after).toEqual(before);
    GraphExport.parse(JSON.parse(after[0]!));
    expect(RunReport.parse(JSON.parse(after[2]!)).files).toHaveLength(3);

    expect((await exitOf(build())).code).toBe(0);
    expect(await temps(out)).toEqual([]);
    expect(RunReport.parse(JSON.parse(await readFile(join(out, "report.json"), "utf8"))).files).toHaveLength(5);
  });
});
