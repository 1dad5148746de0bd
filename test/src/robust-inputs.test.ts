import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import {
  collectInputFiles,
  MAX_FILE_BYTES,
  readInputFile,
  readInputFileSync,
  type DecodedFile,
} from "../../src/read-inputs.ts";
import { readSample, samplePath } from "../_helpers.ts";
import { encodeLegacy } from "../_legacy-encodings.ts";

// The body text of seed 000 (Guancha, simplified script) and the same text in traditional script (opencc), as
// written by a Hong Kong or Taiwan outlet; characters outside GBK or Big5 (a few symbols) are left out.
const SIMPLIFIED = readSample("000_1b058232582fb4b0.txt").text;
const TRADITIONAL = OpenCC.Converter({ from: "cn", to: "tw" })(SIMPLIFIED);

function encodable(text: string, encoding: "gbk" | "big5"): string {
  return [...text]
    .filter((ch) => {
      try {
        encodeLegacy(ch, encoding);
        return true;
      } catch {
        return false;
      }
    })
    .join("");
}

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "qg-robust-"));
}

/** Writes bytes to a new file and reads it back with readInputFile, checking that the synchronous reader agrees. */
async function readBack(name: string, bytes: Uint8Array): Promise<DecodedFile> {
  const file = join(await tempDir(), name);
  await writeFile(file, bytes);
  const read = await readInputFile(file);
  // the synchronous reader leaves only an empty file to readInputFile among these
  expect(readInputFileSync(file)).toEqual(bytes.length ? read : undefined);
  return read;
}

const page = (charsetTag: string, body: string): string =>
  `<!DOCTYPE html><html><head>${charsetTag}<title>talks</title></head><body><article><p>${body}</p></article></body></html>`;

describe("readInputFile: encodings", () => {
  const gbText = encodable(SIMPLIFIED, "gbk");
  const big5Text = encodable(TRADITIONAL, "big5");

  it.each([
    ["GBK, undeclared", "gbk.txt", () => encodeLegacy(gbText, "gbk"), gbText, "gb18030"],
    ["Big5, undeclared", "big5.txt", () => encodeLegacy(big5Text, "big5"), big5Text, "big5"],
    [
      "Big5 declared by <meta charset>",
      "big5.html",
      () => encodeLegacy(page('<meta charset="big5">', big5Text), "big5"),
      big5Text,
      "big5",
    ],
    [
      "GB2312 declared by <meta http-equiv>",
      "gb.html",
      () => encodeLegacy(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', gbText), "gbk"),
      gbText,
      "gbk",
    ],
    [
      "GBK declared by the XML declaration",
      "gb.xhtml",
      () => encodeLegacy(`<?xml version="1.0" encoding="GBK"?>\n${page("", gbText)}`, "gbk"),
      gbText,
      "gbk",
    ],
    ["UTF-8 with a BOM", "bom.txt", () => Buffer.from(`\uFEFF${SIMPLIFIED}`, "utf8"), SIMPLIFIED, "utf-8"],
    ["UTF-16LE with a BOM", "le.txt", () => Buffer.from(`\uFEFF${SIMPLIFIED}`, "utf16le"), SIMPLIFIED, "utf-16le"],
    [
      "UTF-16BE without a BOM",
      "be.txt",
      () => Buffer.from(`title\n${SIMPLIFIED}`, "utf16le").swap16(),
      SIMPLIFIED,
      "utf-16be",
    ],
  ])("reads %s", async (_name, file, bytes, expected, encoding) => {
    const r = await readBack(file, bytes());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.encoding).toBe(encoding);
    expect(r.text).toContain(expected.slice(0, 200));
    expect(r.text).toContain(expected.slice(-200));
  });

  it("prefers valid UTF-8 over a <meta> tag that names another charset (a page re-saved as UTF-8)", async () => {
    const r = await readBack("resaved.html", Buffer.from(page('<meta charset="gbk">', SIMPLIFIED), "utf8"));
    expect(r.ok && r.encoding).toBe("utf-8");
  });

  it("reads UTF-8 cut in the middle of a character up to that character, and says so", async () => {
    const bytes = Buffer.from(SIMPLIFIED, "utf8");
    const cut = bytes.subarray(0, bytes.indexOf(Buffer.from("。", "utf8")) + 2); // 2 of the 3 bytes of 。
    const r = await readBack("cut.txt", cut);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.encoding).toBe("utf-8");
    expect(r.notes).toContain("the file ends in the middle of a character");
    expect(SIMPLIFIED.startsWith(r.text)).toBe(true);
  });

  it("reads UTF-8 with two corrupted bytes as UTF-8, not as GB18030", async () => {
    const bytes = Buffer.from(SIMPLIFIED, "utf8");
    bytes[300] = 0xff;
    bytes[900] = 0xfe;
    const r = await readBack("corrupt.txt", bytes);
    expect(r.ok && r.encoding).toBe("utf-8");
    expect(r.ok && r.notes?.join()).toMatch(/^\d invalid UTF-8 byte sequences replaced by U\+FFFD$/);
  });

  it.each([
    [
      "Latin-1 text",
      Buffer.from("Caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9: no Chinese here at all.", "latin1"),
      /not UTF-8/,
    ],
    [
      "a charset unknown to Node",
      Buffer.concat([Buffer.from('<meta charset="x-mac-klingon">'), Buffer.from([0xfe, 0x30, 0xff, 0x80, 0x81])]),
      /declares the encoding "x-mac-klingon"/,
    ],
  ])("refuses %s with the reason", async (_name, bytes, reason) => {
    const r = await readBack("x.html", bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe("readInputFile: damaged and binary files", () => {
  const article = Buffer.from(`标题\n${SIMPLIFIED}`, "utf8");

  it.each([
    ["a PNG image", Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), /PNG image/],
    ["a PDF document", Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "latin1"), /PDF document/],
    ["random bytes", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), /binary data/],
    ["NUL bytes only", Buffer.alloc(4096), /only NUL bytes/],
    ["an empty file", Buffer.alloc(0), /the file is empty/],
  ])("refuses %s with the reason", async (_name, bytes, reason) => {
    const r = await readBack("binary.txt", bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it("removes NUL bytes inside a text and notes how many", async () => {
    const r = await readBack(
      "nul.txt",
      Buffer.concat([article.subarray(0, 601), Buffer.alloc(3), article.subarray(601)]),
    );
    expect(r.ok && r.text).toBe(article.toString("utf8"));
    expect(r.ok && r.notes).toEqual(["removed 3 NUL or other control characters"]);
  });

  it("reads a file up to the NUL bytes a crash left at its end", async () => {
    const r = await readBack("crashed.txt", Buffer.concat([article, Buffer.alloc(8192)]));
    expect(r.ok && r.text).toBe(article.toString("utf8"));
    expect(r.ok && r.notes?.[0]).toMatch(/ends in 8192 NUL bytes/);
  });

  it("refuses a file over the size budget without reading it", async () => {
    const file = join(await tempDir(), "huge.html");
    await writeFile(file, "");
    await truncate(file, MAX_FILE_BYTES + 1); // sparse: nothing is written to disk
    const r = await readInputFile(file);
    expect(r).toEqual({ ok: false, reason: "the file is 20.0 MiB; the limit is 20 MiB" });
    expect(readInputFileSync(file)).toBeUndefined();
  });

  it("leaves a folder and a missing file to readInputFile, which says why", async () => {
    const dir = await tempDir();
    expect(readInputFileSync(dir)).toBeUndefined();
    expect(readInputFileSync(join(dir, "gone.txt"))).toBeUndefined();
  });
});

describe("collectInputFiles and readInputFile: folders and links", () => {
  it("reads each of 16 files once by its real path, though a link points back up the tree (697 paths before)", async () => {
    const root = await tempDir();
    for (const sub of ["a", "a/b", "c"]) await mkdir(join(root, sub), { recursive: true });
    for (let i = 0; i < 16; i++) await writeFile(join(root, ["a", "a/b", "c"][i % 3]!, `${i}.txt`), `标题\n第${i}篇`);
    await symlink("..", join(root, "a/b/up")); // a loop
    await symlink("../c", join(root, "a/side")); // a second way into c
    await symlink("../../c/2.txt", join(root, "a/b/two.txt")); // a second name for one file
    const { files, missing } = await collectInputFiles([root, join(root, "a")]);
    expect(missing).toEqual([]);
    const articles = files.filter((f) => f.endsWith(".txt"));
    expect(articles).toHaveLength(16);
    expect(new Set(articles).size).toBe(16);
    // c/2.txt is reached first through a/b/two.txt, and listed by its real path
    expect(articles).toContain(join(root, "c/2.txt"));
    expect(files.filter((f) => !articles.includes(f))).toEqual([join(root, "a/b/up")]);
    const loop = await readInputFile(join(root, "a/b/up"));
    expect(loop.ok === false && loop.reason).toMatch(/^symbolic link loop: points to .*, a folder that contains it/);
  });

  it("lists a file reached only through a link by its real path", async () => {
    const root = await tempDir();
    const elsewhere = await tempDir();
    await writeFile(join(elsewhere, "real.md"), "标题\n正文");
    await symlink(join(elsewhere, "real.md"), join(root, "alias.md"));
    const { files } = await collectInputFiles([root]);
    expect(files).toHaveLength(1);
    expect(await readFile(files[0]!, "utf8")).toBe("标题\n正文");
    expect(files[0]!.endsWith("real.md")).toBe(true);
  });

  it("reports a broken link, a link to itself and a named pipe, each with its reason", async () => {
    const root = await tempDir();
    await symlink("nowhere.txt", join(root, "broken.txt"));
    await symlink("self", join(root, "self"));
    execFileSync("mkfifo", [join(root, "pipe.txt")]);
    const { files } = await collectInputFiles([root]);
    const reasons = Object.fromEntries(
      await Promise.all(files.map(async (f) => [f.split("/").pop(), await readInputFile(f)] as const)),
    );
    expect(reasons["broken.txt"]).toEqual({ ok: false, reason: "broken symbolic link: nowhere.txt does not exist" });
    expect(reasons["self"]).toMatchObject({ ok: false, reason: expect.stringMatching(/symbolic link loop/) });
    expect(reasons["pipe.txt"]).toEqual({ ok: false, reason: "not a regular file (a named pipe)" });
  });

  it("says an input that does not exist is missing, and an existing one is not", async () => {
    const { files, missing } = await collectInputFiles(["/nonexistent/x.txt", samplePath("000_1b058232582fb4b0.txt")]);
    expect(missing).toEqual(["/nonexistent/x.txt"]);
    expect(files).toHaveLength(1);
  });

  it.skipIf(process.getuid?.() === 0)("reports a folder and a file without read permission", async () => {
    const root = await tempDir();
    await mkdir(join(root, "locked"));
    await writeFile(join(root, "locked", "a.txt"), "标题\n正文");
    await writeFile(join(root, "secret.txt"), "标题\n正文");
    execFileSync("chmod", ["000", join(root, "locked"), join(root, "secret.txt")]);
    const { files } = await collectInputFiles([root]);
    const reasons = await Promise.all(files.map((f) => readInputFile(f)));
    expect(reasons).toEqual([
      { ok: false, reason: "cannot read the folder (EACCES: permission denied)" },
      { ok: false, reason: "cannot read the file (EACCES: permission denied)" },
    ]);
  });
});
