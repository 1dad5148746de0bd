import { spawnSync } from "node:child_process";
import { chmod, mkdir, rm, stat, symlink } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { chooseServeSource, type ServeSourceFlags } from "../../src/neo4j/commands.ts";
import { Neo4jSource, privateLayoutDir } from "../../src/neo4j-source.ts";
import { tempDir } from "./_build.ts";

// `quotegraph serve` from Neo4j without a server: which source the flags choose, and the one-line failures. What a
// live server answers (the same API as the build folder, a new build swapped in) is in neo4j-integration.test.ts.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SECRET = "s3cret-Do-Not-Print";

/** A local port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("chooseServeSource", () => {
  const URI = { NEO4J_URI: "bolt://env:7687" };
  it.each<[string, ServeSourceFlags, Record<string, string>, unknown]>([
    ["--data", { data: "d" }, {}, { data: "d" }],
    ["--data, even with NEO4J_URI set", { data: "d" }, URI, { data: "d" }],
    ["NEO4J_URI without --data", {}, URI, { neo4j: { connection: {}, waitSeconds: 60 } }],
    [
      "--uri without --data",
      { uri: "bolt://x:1" },
      {},
      { neo4j: { connection: { uri: "bolt://x:1" }, waitSeconds: 60 } },
    ],
    [
      "--neo4j, NEO4J_WAIT",
      { neo4j: true },
      { ...URI, NEO4J_WAIT: "5" },
      { neo4j: { connection: {}, waitSeconds: 5 } },
    ],
    [
      "--neo4j with connection flags",
      { neo4j: true, user: "u", database: "db", passwordFile: "pw", wait: 0 },
      {},
      { neo4j: { connection: { user: "u", database: "db", passwordFile: "pw" }, waitSeconds: 0 } },
    ],
  ])("reads from %s", (_case, flags, env, expected) => {
    expect(chooseServeSource(flags, env)).toEqual(expected);
  });

  it.each<[string, ServeSourceFlags, RegExp]>([
    ["neither --data nor NEO4J_URI", {}, /give --data <dir> \(a build folder\), or --neo4j with NEO4J_URI or --uri/],
    ["--data with --neo4j", { data: "d", neo4j: true }, /--data and --neo4j exclude each other/],
    ["--data with --uri", { data: "d", uri: "bolt://x:1" }, /go with --neo4j, not --data/],
  ])("refuses %s as a usage error", (_case, flags, message) => {
    expect(() => chooseServeSource(flags, {})).toThrow(
      expect.objectContaining({ exitCode: 2, message: expect.stringMatching(message) }),
    );
  });
});

describe("Neo4jSource.open without a server", () => {
  it("gives up with one line naming the server", async () => {
    const port = await closedPort();
    const attempt = Neo4jSource.open({ connection: { uri: `bolt://127.0.0.1:${port}` }, waitSeconds: 0 });
    await expect(attempt).rejects.toThrow(new RegExp(`^Cannot reach Neo4j at bolt://127\\.0\\.0\\.1:${port}: `));
  });
});

describe("quotegraph serve from Neo4j without a server", () => {
  const cli = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [join(ROOT, "bin/quotegraph.mjs"), "serve", "--port", "0", ...args], {
      encoding: "utf8",
      cwd: ROOT,
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", ...env },
      timeout: 60_000,
    });

  it("says to give --data or NEO4J_URI when neither is, in one line, exit 2", () => {
    const r = cli([], {});
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "quotegraph: serve: give --data <dir> (a build folder), or --neo4j with NEO4J_URI or --uri set.\n",
    );
  });

  it.each([
    ["--neo4j and --uri", (port: number) => ["--neo4j", "--uri", `bolt://127.0.0.1:${port}`, "--wait", "0"], {}],
    ["NEO4J_URI alone", () => [], { NEO4J_WAIT: "0" }],
  ])("prints one line when Neo4j is unreachable (%s), never the password, exit 1", async (_case, args, env) => {
    const port = await closedPort();
    const r = cli(args(port), { NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: SECRET, ...env });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^quotegraph: Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/),
    ]);
    expect(r.stderr + r.stdout).not.toContain(SECRET);
  });
});

describe("privateLayoutDir", () => {
  const settings = (database?: string) => ({
    uri: `neo4j://neo4j:${SECRET}@db.example:7687`,
    user: "neo4j",
    password: SECRET,
    ...(database ? { database } : {}),
  });

  it("makes a folder only this user can enter, one per database, named without the credentials", async () => {
    const root = join(await tempDir("layout"), "quotegraph-me");
    try {
      const a = await privateLayoutDir(settings(), () => {}, root);
      const b = await privateLayoutDir(settings("other"), () => {}, root);
      expect(a).toMatch(/layout-[0-9a-f]{12}$/);
      expect(b).not.toBe(a);
      expect(await privateLayoutDir(settings(), () => {}, root)).toBe(a);
      expect(a).not.toContain(SECRET);
      expect((await stat(root)).mode & 0o777).toBe(0o700);
      expect((await stat(a!)).mode & 0o777).toBe(0o700);
    } finally {
      await rm(join(root, ".."), { recursive: true, force: true });
    }
  });

  it.each([
    ["others can write to", async (root: string) => mkdir(root).then(() => chmod(root, 0o777))],
    [
      "a link to",
      async (root: string) => mkdir(`${root}-real`, { mode: 0o700 }).then(() => symlink(`${root}-real`, root)),
    ],
  ])("caches nothing in a folder %s, and says so", async (_case, make) => {
    const root = join(await tempDir("layout"), "quotegraph-me");
    try {
      await make(root);
      const lines: string[] = [];
      expect(await privateLayoutDir(settings(), (m) => lines.push(m), root)).toBeUndefined();
      expect(lines).toEqual([expect.stringMatching(/^the layout is not cached \(.* is not this user's alone\)/)]);
    } finally {
      await rm(join(root, ".."), { recursive: true, force: true });
    }
  });
});
