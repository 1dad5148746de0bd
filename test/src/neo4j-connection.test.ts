import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Neo4jError } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../src/build.ts";
import {
  classifyConnectionError,
  connectNeo4j,
  displayUri,
  neo4jSettings,
  reasonOf,
} from "../../src/neo4j/connection.ts";

// Connection handling without a server: settings, error sorting, and the real driver against a port nobody listens
// on. What a live server answers (wrong password, loads) is in neo4j-integration.test.ts.

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

describe("neo4jSettings", () => {
  it("names the missing URI instead of connecting anywhere", async () => {
    await expect(neo4jSettings({}, {})).rejects.toThrow(/NEO4J_URI is not set and no --uri given/);
  });

  it("takes flags over NEO4J_* variables, with neo4j as the default user", async () => {
    const env = { NEO4J_URI: "bolt://env:7687", NEO4J_PASSWORD: "p", NEO4J_DATABASE: "envdb" };
    expect(await neo4jSettings({}, env)).toEqual({
      uri: "bolt://env:7687",
      user: "neo4j",
      password: "p",
      database: "envdb",
    });
    expect(
      await neo4jSettings({ uri: "bolt://flag:7687", user: "u", database: "db" }, { ...env, NEO4J_USER: "e" }),
    ).toEqual({
      uri: "bolt://flag:7687",
      user: "u",
      password: "p",
      database: "db",
    });
  });

  it("reads the password from --password-file, and names the file it cannot read", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qg-pw-"));
    await writeFile(join(dir, "pw"), `${SECRET}\n`);
    expect((await neo4jSettings({ passwordFile: join(dir, "pw") }, { NEO4J_URI: "bolt://x" })).password).toBe(SECRET);
    await expect(neo4jSettings({ passwordFile: join(dir, "none") }, { NEO4J_URI: "bolt://x" })).rejects.toThrow(
      /--password-file .*none: ENOENT/,
    );
    await rm(dir, { recursive: true });
  });
});

describe("connection errors", () => {
  it("shows a URI without the credentials it may carry", () => {
    expect(displayUri(`neo4j://neo4j:${SECRET}@db.example:7687`)).toBe("neo4j://db.example:7687");
    expect(displayUri("not a uri")).not.toContain("not a uri");
  });

  it.each([
    ["Neo.ClientError.Security.Unauthorized", "auth"],
    ["Neo.ClientError.Security.AuthenticationRateLimit", "auth"],
    ["Neo.ClientError.Database.DatabaseNotFound", "database"],
    ["ServiceUnavailable", "unavailable"],
    ["Neo.TransientError.General.DatabaseUnavailable", "unavailable"],
    ["Neo.ClientError.Statement.SyntaxError", "other"],
  ])("sorts %s as %s", (code, problem) => {
    expect(classifyConnectionError(new Neo4jError("failed", code, "50N42", "error"))).toBe(problem);
  });

  it("keeps the socket error of the driver's long message", () => {
    const message =
      "Failed to connect to server. Please ensure that your database is listening on the correct host and port.\nCaused by: connect ECONNREFUSED 127.0.0.1:7687";
    expect(reasonOf(new Error(message))).toBe("connect ECONNREFUSED 127.0.0.1:7687");
  });

  it("waits with growing pauses, then gives up with one line naming the server", async () => {
    const port = await closedPort();
    const waits: string[] = [];
    const started = Date.now();
    const attempt = connectNeo4j(
      { uri: `bolt://127.0.0.1:${port}`, user: "neo4j", password: SECRET },
      { waitSeconds: 2, onWait: (m) => waits.push(m) },
    );
    await expect(attempt).rejects.toThrow(
      new RegExp(`^Cannot reach Neo4j at bolt://127\\.0\\.0\\.1:${port} after waiting \\d+ s: .*ECONNREFUSED`),
    );
    expect(waits.length).toBeGreaterThanOrEqual(2);
    expect(waits[0]).toMatch(/retrying in 0\.5 s/);
    expect(waits[1]).toMatch(/retrying in 1 s/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    await attempt.catch((error: Error) => expect(error.message).not.toContain(SECRET));
  });

  it("refuses an address that is not a Neo4j URI", async () => {
    await expect(
      connectNeo4j({ uri: "http://127.0.0.1:7474", user: "neo4j", password: "" }, { waitSeconds: 0 }),
    ).rejects.toThrow(/is not a Neo4j address/);
  });
});

describe("quotegraph load and build --neo4j without a server", () => {
  let dir: string;
  let port: number;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "qg-load-"));
    await buildGraph({ inputs: [join(ROOT, "samples")], outDir: join(dir, "sample"), layout: false });
    port = await closedPort();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const cli = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [join(ROOT, "bin/quotegraph.mjs"), ...args], {
      encoding: "utf8",
      cwd: ROOT,
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", ...env },
    });

  it("says NEO4J_URI is missing, exit 2", () => {
    const r = cli(["load", "--data", join(dir, "sample")], {});
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("quotegraph: NEO4J_URI is not set and no --uri given (for example bolt://127.0.0.1:7687).\n");
  });

  it("prints one line when Neo4j is unreachable, never the password, exit 1", () => {
    const r = cli(["load", "--data", join(dir, "sample"), "--uri", `bolt://127.0.0.1:${port}`, "--wait", "0"], {
      NEO4J_PASSWORD: SECRET,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^quotegraph: Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:\d+: /),
    ]);
    expect(r.stderr + r.stdout).not.toContain(SECRET);
  });

  it("checks graph.json before connecting", () => {
    const r = cli(["load", "--data", join(dir, "nowhere"), "--uri", `bolt://127.0.0.1:${port}`], {});
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/No graph\.json in/);
  });

  it("build --neo4j keeps the build when the load fails, and exits 3", () => {
    const out = join(dir, "built");
    const r = cli(["build", join(ROOT, "samples"), "--out", out, "--no-layout", "--neo4j"], {
      NEO4J_URI: `bolt://127.0.0.1:${port}`,
      NEO4J_PASSWORD: SECRET,
      NEO4J_WAIT: "0",
    });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/built .*graph\.json/);
    expect(r.stderr).toMatch(/quotegraph: Cannot reach Neo4j/);
    expect(r.stderr).not.toContain(SECRET);
    expect(spawnSync("test", ["-s", join(out, "graph.json")]).status).toBe(0);
  }, 120_000);
});
