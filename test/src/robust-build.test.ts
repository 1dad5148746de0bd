import { execFile, execFileSync } from "node:child_process";
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { GraphExport } from "../../schema/graph.ts";
import { RunReport, type FileReport } from "../../schema/report.ts";
import { encodeLegacy } from "../_legacy-encodings.ts";

const CLI = fileURLToPath(new URL("../../bin/quotegraph.mjs", import.meta.url));
// the five seed articles bundled in samples/ (copied from ../shared/seeds)
const SAMPLES = fileURLToPath(new URL("../../samples", import.meta.url));
// As root every file is readable: the build then runs as `nobody`, so that files without permission stay unread.
const AS_ROOT = process.getuid?.() === 0;

/** Runs the CLI and returns its exit code and stderr instead of throwing on a non-zero exit. */
function quotegraph(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, NO_COLOR: "1" }, ...(AS_ROOT ? { uid: 65534, gid: 65534 } : {}), timeout: 120_000 },
      (error, _stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stderr }),
    );
  });
}

const SENTENCE = "美国国务卿布林肯表示，会谈不会取得突破。";
const seedText = async (name: string): Promise<string> => readFile(join(SAMPLES, name), "utf8");

/** What each bad file must come out as: its status and a pattern its reason matches. */
type Expected = [status: FileReport["status"], reason?: RegExp];

/** Writes the folder of bad files, each made here from a seed or from scratch, and says what each must give. */
async function writeBadFiles(dir: string): Promise<Record<string, Expected>> {
  const guancha = await seedText("000_1b058232582fb4b0.txt");
  const bbc = await seedText("001_4866b69960fbeb87.txt");
  const dw = await seedText("002_214997b71d6f798a.txt");
  const voa = await seedText("004_3607576f4f8a95e7.txt");
  const traditional = OpenCC.Converter({ from: "cn", to: "tw" })("俄罗斯外交部发言人扎哈罗娃表示，会谈取得了进展。");
  const files: Record<string, [Uint8Array | string, Expected]> = {
    "empty.txt": ["", ["failed", /empty/]],
    "blank.md": ["  \n\n\t\n", ["failed", /empty/]],
    "image.html": [Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), ["failed", /binary data: a PNG image/]],
    "document.txt": [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1"), ["failed", /binary data: a PDF/]],
    "noise.md": [Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), ["failed", /binary/]],
    "nul-only.txt": [Buffer.alloc(512), ["failed", /only NUL bytes/]],
    "nul-inside.txt": [`标题\n${SENTENCE}\u0000\u0000${SENTENCE}`, ["ok"]],
    "gbk.txt": [encodeLegacy(`标题\n中国外交部发言人赵立坚说，中方反对任何单边制裁。`, "gbk"), ["ok"]],
    "big5.html": [
      encodeLegacy(`<html><head><meta charset="big5"></head><body><article><p>${traditional}</p></article>`, "big5"),
      ["ok"],
    ],
    "klingon.html": [
      Buffer.concat([Buffer.from('<meta charset="x-klingon">'), Buffer.from([0xfe, 0x30, 0xff, 0x80, 0x81, 0x90])]),
      ["failed", /declares the encoding "x-klingon"/],
    ],
    "latin.txt": ["Title\nBlinken said the talks would not bring a breakthrough.", ["failed", /no Chinese text/]],
    "bad-yaml.md": ["---\ntitle: [unclosed\n---\n" + SENTENCE, ["failed", /bad YAML front matter/]],
    "not-a-mapping.md": ["---\n- a\n- b\n---\n" + SENTENCE, ["failed", /front matter is not a YAML mapping/]],
    "truncated-body.html": [`<!DOCTYPE html><html><body><article><p>${SENTENCE}</p><p class="x`, ["ok"]],
    "truncated-head.html": ["<!DOCTYPE html><html><head><title>美俄会谈", ["failed", /no article text|empty/]],
    "unclosed-quotes.txt": [guancha.replace(/[”」』]/g, ""), ["ok"]],
    "quote-to-the-end.txt": [`标题\n美国国务卿布林肯说：“${bbc.replace(/<[^>]*>|[”」』\n]/g, "")}`, ["ok"]],
    "deep.html": [
      `<html><body><article><p>${SENTENCE}</p>${"<div>".repeat(100_000)}最深处${"</div>".repeat(100_000)}</article>`,
      ["ok"],
    ],
    "too-long.txt": [`标题\n${SENTENCE.repeat(12_000)}`, ["failed", /the limit is 200,000/]],
    "copy-of-dw.txt": [dw, ["skipped", /same article text as .*002_214997b71d6f798a\.txt/]],
    "crlf-copy-of-voa.md": [voa.replace(/\n/g, "\r\n"), ["skipped", /same article text as/]],
  };
  const expected: Record<string, Expected> = {};
  for (const [name, [content, outcome]] of Object.entries(files)) {
    await writeFile(join(dir, name), content);
    expected[name] = outcome;
  }
  await writeFile(join(dir, "huge.txt"), "");
  await truncate(join(dir, "huge.txt"), 21 * 1024 * 1024); // sparse: nothing is written to disk
  expected["huge.txt"] = ["failed", /the file is 21\.0 MiB; the limit is 20 MiB/];
  await symlink("..", join(dir, "up"));
  expected["up"] = ["failed", /symbolic link loop/];
  await symlink("nowhere.md", join(dir, "broken.md"));
  expected["broken.md"] = ["failed", /broken symbolic link/];
  execFileSync("mkfifo", [join(dir, "pipe.txt")]);
  expected["pipe.txt"] = ["failed", /not a regular file \(a named pipe\)/];
  await mkdir(join(dir, "locked"));
  await writeFile(join(dir, "locked", "inside.txt"), `标题\n${SENTENCE}`);
  await chmod(join(dir, "locked"), 0o000);
  expected["locked"] = ["failed", /cannot read the folder \(EACCES/];
  await writeFile(join(dir, "secret.txt"), `标题\n${SENTENCE}`, { mode: 0o000 });
  expected["secret.txt"] = ["failed", /cannot read the file \(EACCES/];
  return expected;
}

describe("a build of the five seeds beside a folder of bad files", () => {
  it("reports every bad file with its reason, keeps every person and quote of the seeds, and exits 1", async () => {
    const root = await mkdtemp(join(tmpdir(), "qg-bad-"));
    await chmod(root, 0o755); // readable by `nobody` too
    const seeds = join(root, "seeds");
    // the build takes files in path order, so the copies under unreadable/ come after the seeds they copy
    const bad = join(root, "unreadable");
    await mkdir(seeds);
    await mkdir(bad);
    for (const name of await readdir(SAMPLES)) await copyFile(join(SAMPLES, name), join(seeds, name));
    const expected = await writeBadFiles(bad);
    for (const dir of [root, join(root, "seeds"), bad]) await chmod(dir, 0o777);

    const clean = await quotegraph(["build", seeds, "--out", join(root, "clean"), "--no-layout"]);
    expect(clean.code).toBe(0);
    const mixed = await quotegraph(["build", seeds, bad, "--out", join(root, "mixed"), "--no-layout"]);

    expect(mixed.code).toBe(1);
    expect(mixed.stderr).not.toMatch(/\n\s+at |Error:|node:internal/); // no stack trace
    const report = RunReport.parse(JSON.parse(await readFile(join(root, "mixed", "report.json"), "utf8")));
    const byName = new Map(report.files.map((f) => [f.file.slice(f.file.lastIndexOf("/") + 1), f]));
    for (const [name, [status, reason]] of Object.entries(expected)) {
      const entry = byName.get(name);
      expect({ name, status: entry?.status }).toEqual({ name, status });
      if (reason) expect(entry?.reason, name).toMatch(reason);
      // each failure also gets one line on stderr naming the file and the reason
      if (status === "failed") {
        const lines = mixed.stderr.split("\n").filter((l) => l.includes(`/${name}`));
        expect(
          lines.filter((l) => reason!.test(l)),
          name,
        ).toHaveLength(1);
      }
    }
    // the files of the loop are not read again through it, nor the locked folder's file through anything
    expect(report.files.filter((f) => f.file.includes("/up/"))).toEqual([]);
    expect(byName.has("inside.txt")).toBe(false);

    const graphOf = async (dir: string) =>
      GraphExport.parse(JSON.parse(await readFile(join(root, dir, "graph.json"), "utf8"))).nodes.map(
        (n) => n.attributes,
      );
    const before = await graphOf("clean");
    const after = await graphOf("mixed");
    const names = new Set(after.flatMap((a) => (a.label === "Person" ? [a.name, ...a.aliases] : [])));
    for (const person of before) if (person.label === "Person") expect(names, person.name).toContain(person.name);
    const quotes = new Set(after.flatMap((a) => (a.label === "Quote" ? [a.text] : [])));
    for (const quote of before) if (quote.label === "Quote") expect(quotes).toContain(quote.text);
    // the seeds, plus the readable bad files that are not copies of a seed: one Article each
    const readable = Object.values(expected).filter(([status]) => status === "ok").length;
    expect(after.filter((a) => a.label === "Article")).toHaveLength(5 + readable);
  });
});
