import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile, mkdir, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { GraphExport } from "../../schema/graph.ts";
import { RunReport } from "../../schema/report.ts";

const run = promisify(execFile);
const CLI = fileURLToPath(new URL("../../bin/quotegraph.mjs", import.meta.url));
const SAMPLES = fileURLToPath(new URL("../../samples", import.meta.url));

/** Runs the CLI and returns its exit code and output instead of throwing on a non-zero exit. */
async function quotegraph(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: "1" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("quotegraph build", () => {
  it("builds the bundled sample into graph.json, graph.gexf and report.json following the export contract", async () => {
    const out = await mkdtemp(join(tmpdir(), "qg-"));
    const r = await quotegraph("build", SAMPLES, "--out", out);
    expect(r.code).toBe(0);
    const graph = GraphExport.parse(JSON.parse(await readFile(join(out, "graph.json"), "utf8")));
    const labels = new Set(graph.nodes.map((n) => n.attributes.label));
    expect([...labels].sort()).toEqual(["Article", "Meeting", "Org", "Person", "Quote"]);
    const sherman = graph.nodes.find((n) => n.attributes.label === "Person" && n.attributes.name === "Wendy Sherman");
    expect(sherman?.attributes.label === "Person" && sherman.attributes.aliases).toEqual(
      expect.arrayContaining(["谢尔曼", "舍曼"]),
    );
    const report = RunReport.parse(JSON.parse(await readFile(join(out, "report.json"), "utf8")));
    expect(report.files.map((f) => f.status)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    expect(await readFile(join(out, "graph.gexf"), "utf8")).toMatch(/^<\?xml[\s\S]*<gexf/);
  });

  it("writes byte-identical output for identical input", async () => {
    const a = await mkdtemp(join(tmpdir(), "qg-"));
    const b = await mkdtemp(join(tmpdir(), "qg-"));
    await quotegraph("build", SAMPLES, "--out", a);
    await quotegraph("build", SAMPLES, "--out", b);
    expect(await readFile(join(a, "graph.json"), "utf8")).toBe(await readFile(join(b, "graph.json"), "utf8"));
  });

  it("reports bad files by name and reason, builds the rest, and exits 1", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qg-in-"));
    await mkdir(join(dir, "in"));
    await copyFile(join(SAMPLES, "004_3607576f4f8a95e7.txt"), join(dir, "in", "good.txt"));
    await writeFile(join(dir, "in", "empty.txt"), "");
    await writeFile(join(dir, "in", "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
    await writeFile(join(dir, "in", "bad.md"), "---\ntitle: [unclosed\n---\n正文");
    await writeFile(join(dir, "in", "broken.html"), "<html><body><p>美国国务卿布林肯表示，<b>会谈不会取得突破</p>");
    const out = join(dir, "out");
    const r = await quotegraph("build", join(dir, "in"), "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const report = RunReport.parse(JSON.parse(await readFile(join(out, "report.json"), "utf8")));
    const byName = Object.fromEntries(report.files.map((f) => [f.file.split("/").pop(), f]));
    expect(byName["good.txt"]!.status).toBe("ok");
    expect(byName["broken.html"]!.status).toBe("ok");
    expect(byName["empty.txt"]).toMatchObject({ status: "failed", reason: expect.stringMatching(/empty/) });
    expect(byName["binary.txt"]).toMatchObject({ status: "failed", reason: expect.stringMatching(/binary/) });
    expect(byName["bad.md"]).toMatchObject({ status: "failed", reason: expect.stringMatching(/front matter/) });
    const graph = GraphExport.parse(JSON.parse(await readFile(join(out, "graph.json"), "utf8")));
    expect(graph.nodes.filter((n) => n.attributes.label === "Article")).toHaveLength(2);
  });

  it("reads GB18030-encoded articles", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qg-gb-"));
    // "美国国务卿布林肯表示，会谈不会取得突破。" encoded in GB18030
    const gb = Buffer.from("c3c0b9fab9facef1c7e4b2bcc1d6bfcfb1edcabea3acbbe1ccb8b2bbbbe1c8a1b5c3cdbbc6c6a1a3", "hex");
    await writeFile(join(dir, "gb.txt"), Buffer.concat([Buffer.from("title\n", "ascii"), gb]));
    const r = await quotegraph("build", dir, "--out", join(dir, "out"), "--no-layout");
    expect(r.code).toBe(0);
    const graph = JSON.parse(await readFile(join(dir, "out", "graph.json"), "utf8")) as {
      nodes: { attributes: { name?: string } }[];
    };
    expect(graph.nodes.some((n) => n.attributes.name === "Antony Blinken")).toBe(true);
  });

  it("reports a file over the size limit and still builds the rest", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qg-big-"));
    await copyFile(join(SAMPLES, "002_214997b71d6f798a.txt"), join(dir, "good.txt"));
    await writeFile(join(dir, "huge.txt"), Buffer.alloc(21 * 1024 * 1024, 0x41));
    const r = await quotegraph("build", dir, "--out", join(dir, "out"), "--no-layout");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/huge\.txt: the file is 21\.0 MiB; the limit is 20 MiB/);
    const report = RunReport.parse(JSON.parse(await readFile(join(dir, "out", "report.json"), "utf8")));
    expect(report.files.filter((f) => f.status === "ok")).toHaveLength(1);
  });

  it("exits 2 with a one-line message on a usage error", async () => {
    const r = await quotegraph("build", SAMPLES);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out/);
  });

  it("says which input is missing, and still fails cleanly", async () => {
    const out = await mkdtemp(join(tmpdir(), "qg-"));
    const r = await quotegraph("build", "/nonexistent/folder", "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nonexistent\/folder: no such file or folder/);
  });
});

describe("quotegraph aliases", () => {
  it("lists uncertain candidates and records an accepted one in the alias file, which the next build follows", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qg-alias-"));
    await mkdir(join(dir, "in"));
    // two made-up transliterations that sound alike, with no role in common: a candidate, not a merge
    await writeFile(join(dir, "in", "a.txt"), "标题\n美国副国务卿斯诺曼表示，会谈很艰难。");
    await writeFile(join(dir, "in", "b.txt"), "标题\n著名学者施诺曼说，局势很紧张。");
    const aliases = join(dir, "aliases.json");
    const out = join(dir, "out");
    expect((await quotegraph("build", join(dir, "in"), "--out", out, "--aliases", aliases, "--no-layout")).code).toBe(
      0,
    );
    const listed = await quotegraph("aliases", "--data", out, "--aliases", aliases);
    expect(listed.stdout).toMatch(/0\s+1\.00\s+\S+ ~ \S+/);
    const accepted = await quotegraph("aliases", "--data", out, "--aliases", aliases, "--accept", "0");
    expect(accepted.code).toBe(0);
    expect(JSON.parse(await readFile(aliases, "utf8")).same).toHaveLength(1);
    await quotegraph("build", join(dir, "in"), "--out", out, "--aliases", aliases, "--no-layout");
    const graph = GraphExport.parse(JSON.parse(await readFile(join(out, "graph.json"), "utf8")));
    expect(graph.nodes.filter((n) => n.attributes.label === "Person")).toHaveLength(1);
  });

  it("rejects a malformed alias file with a one-line message naming it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qg-alias-"));
    await writeFile(join(dir, "aliases.json"), '{"same": [{"variants": 3}]}');
    const r = await quotegraph("build", SAMPLES, "--out", join(dir, "out"), "--aliases", join(dir, "aliases.json"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Alias file .*aliases\.json: invalid `same\.0\.name`/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
