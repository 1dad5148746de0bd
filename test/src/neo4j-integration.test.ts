import neo4j from "neo4j-driver";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/build.ts";
import { loadIntoNeo4j, neo4jSettings } from "../../src/neo4j/load.ts";
import { COOKBOOK } from "../../src/neo4j/statements.ts";

// Runs against a real Neo4j whenever NEO4J_URI is set (docker compose up neo4j); never against a mock.
const HAS_NEO4J = !!process.env["NEO4J_URI"];
if (!HAS_NEO4J)
  console.warn("neo4j integration tests skipped: set NEO4J_URI (and NEO4J_PASSWORD) to run them against a real server");

describe.skipIf(!HAS_NEO4J)("loadIntoNeo4j against a real server", () => {
  it("loads the sample graph idempotently and answers the cookbook queries", async () => {
    const out = await mkdtemp(join(tmpdir(), "qg-neo-"));
    await buildGraph({
      inputs: [fileURLToPath(new URL("../../samples", import.meta.url))],
      outDir: out,
      layout: false,
    });
    const first = await loadIntoNeo4j({ dataDir: out, batchSize: 50 });
    const second = await loadIntoNeo4j({ dataDir: out, batchSize: 7 });
    expect(second).toEqual(first);
    const s = neo4jSettings();
    const driver = neo4j.driver(s.uri, neo4j.auth.basic(s.user, s.password));
    try {
      const res = await driver.executeQuery(COOKBOOK.quotesBySpeaker, { name: "Julianne Smith" });
      expect(res.records.length).toBeGreaterThan(0);
    } finally {
      await driver.close();
    }
  });
});

describe("neo4jSettings", () => {
  it("names the missing variable instead of connecting anywhere", () => {
    expect(() => neo4jSettings({})).toThrow(/NEO4J_URI is not set/);
  });
});
