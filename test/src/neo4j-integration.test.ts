import neo4j, { type Driver, type Record as Neo4jRecord } from "neo4j-driver";
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ViewQuery } from "../../schema/api.ts";
import { GraphExport, NODE_LABELS } from "../../schema/graph.ts";
import { RELATIONSHIP_ENDS } from "../../schema/neo4j.ts";
import { BuildDirSource } from "../../src/build-dir-source.ts";
import { buildGraph } from "../../src/build.ts";
import { connectNeo4j, neo4jSettings, type Neo4jSettings } from "../../src/neo4j/connection.ts";
import { loadIntoNeo4j } from "../../src/neo4j/load.ts";
import { Neo4jSource } from "../../src/neo4j-source.ts";
import { readReadme, readmeCypherQueries } from "./_neo4j.ts";
import { expectSameAnswers } from "./_sources.ts";

// Runs against a real Neo4j 5 whenever NEO4J_URI is set (e.g. `docker compose up neo4j` and
// NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=… npm test); never against a mock. It replaces whatever quotegraph
// graph the database (NEO4J_DATABASE, else the default) holds.
const HAS_NEO4J = !!process.env["NEO4J_URI"];
if (!HAS_NEO4J)
  console.warn(
    "neo4j integration tests skipped: set NEO4J_URI (and NEO4J_PASSWORD) to run them against a real Neo4j 5 server",
  );

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const QUOTEGRAPH_NODES = `(${NODE_LABELS.map((l) => `n:${l}`).join(" OR ")})`;

describe.skipIf(!HAS_NEO4J)("quotegraph against a real Neo4j (NEO4J_URI)", () => {
  let dir: string;
  let settings: Neo4jSettings;
  let driver: Driver;
  let seeds: GraphExport;
  let rebuilt: GraphExport;

  const run = async (cypher: string, params: Record<string, unknown> = {}): Promise<Neo4jRecord[]> =>
    (await driver.executeQuery(cypher, params, settings.database ? { database: settings.database } : {})).records;

  /** The whole quotegraph graph in the database, canonical: every node and relationship with its properties. */
  const snapshot = async (): Promise<string> => {
    const nodes = await run(
      `MATCH (n) WHERE ${QUOTEGRAPH_NODES} RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.key`,
    );
    const rels = await run(
      `MATCH (a)-[r]->(b) WHERE a.key IS NOT NULL AND b.key IS NOT NULL
       RETURN type(r) AS type, a.key AS a, b.key AS b, properties(r) AS props ORDER BY a, type, b`,
    );
    return JSON.stringify([nodes.map((r) => r.toObject()), rels.map((r) => r.toObject())]);
  };

  /** Checks that the database holds exactly the nodes and relationships of a graph.json, stamped with its build. */
  const expectDatabaseEquals = async (graph: GraphExport, buildId: string): Promise<void> => {
    const keys = await run(
      `MATCH (n) WHERE ${QUOTEGRAPH_NODES} RETURN n.key AS key, labels(n) AS labels, n.buildId AS b`,
    );
    expect(keys.map((r) => `${(r.get("labels") as string[])[0]} ${r.get("key")}`).sort()).toEqual(
      graph.nodes.map((n) => `${n.attributes.label} ${n.key}`).sort(),
    );
    expect(new Set(keys.map((r) => r.get("b")))).toEqual(new Set([buildId]));
    const rels = await run(
      `MATCH (a)-[r]->(b) WHERE a.key IS NOT NULL AND b.key IS NOT NULL RETURN type(r) AS t, a.key AS a, b.key AS b, r.buildId AS s`,
    );
    expect(rels.map((r) => `${r.get("t")} ${r.get("a")} ${r.get("b")}`).sort()).toEqual(
      graph.edges.map((e) => `${e.attributes.type} ${e.source} ${e.target}`).sort(),
    );
    expect(new Set(rels.map((r) => r.get("s")))).toEqual(new Set([buildId]));
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "qg-neo4j-"));
    settings = await neo4jSettings();
    driver = await connectNeo4j(settings, { waitSeconds: 120 });
    await buildGraph({ inputs: [join(ROOT, "samples")], outDir: join(dir, "seeds"), layout: false });
    // the rebuild merges 贝尔萨诺夫 into 翁蒂科夫 (person:贝尔萨诺夫 goes away) and splits 舍曼 from 谢尔曼
    await buildGraph({
      inputs: [join(ROOT, "samples")],
      outDir: join(dir, "rebuilt"),
      layout: false,
      decisions: {
        same: [{ name: "翁蒂科夫", variants: ["安德烈·翁蒂科夫", "翁蒂科夫", "贝尔萨诺夫"] }],
        notSame: [["谢尔曼", "舍曼"]],
      },
    });
    const read = async (d: string) => GraphExport.parse(JSON.parse(await readFile(join(dir, d, "graph.json"), "utf8")));
    seeds = await read("seeds");
    rebuilt = await read("rebuilt");
  }, 300_000);

  afterAll(async () => {
    await driver?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("loads the seeds: every node and relationship, typed properties, stamped with the build", async () => {
    const started = Date.now();
    const s = await loadIntoNeo4j({ dataDir: join(dir, "seeds"), batchSize: 50 });
    const ms = Date.now() - started;
    console.info(
      `neo4j load of the seeds: ${seeds.edges.length} relationships, ${seeds.nodes.length} nodes in ${ms} ms ` +
        `(${Math.round((ms / seeds.edges.length) * 10_000)} ms per 10,000 relationships, constraints included)`,
    );
    for (const label of NODE_LABELS)
      expect(s.nodes[label], label).toBe(seeds.nodes.filter((n) => n.attributes.label === label).length);
    expect(s.relationships).toBe(seeds.edges.length);
    await expectDatabaseEquals(seeds, s.buildId);
    for (const { type, from, to } of RELATIONSHIP_ENDS) {
      const [count] = await run(`MATCH (:${from})-[r:${type}]->(:${to}) RETURN count(r) AS c`);
      const labelOf = new Map(seeds.nodes.map((n) => [n.key, n.attributes.label]));
      const expected = seeds.edges.filter(
        (e) => e.attributes.type === type && labelOf.get(e.source) === from && labelOf.get(e.target) === to,
      ).length;
      expect(Number(count!.get("c")), `${from}-${type}->${to}`).toBe(expected);
    }
    const [sherman] = await run(
      `MATCH (p:Person {key: 'person:wendy-sherman'}) RETURN p.mentions AS mentions, p.aliases AS aliases, p.evidence AS evidence`,
    );
    const node = seeds.nodes.find((n) => n.key === "person:wendy-sherman")!.attributes;
    if (node.label !== "Person") throw new Error("person:wendy-sherman is no person");
    expect(neo4j.isInt(sherman!.get("mentions"))).toBe(true);
    expect(Number(sherman!.get("mentions"))).toBe(node.mentions);
    expect(sherman!.get("aliases")).toEqual(node.aliases);
    expect(JSON.parse(sherman!.get("evidence") as string)).toEqual(node.evidence);
    const [quote] = await run(`MATCH (q:Quote) RETURN q.confidence AS c LIMIT 1`);
    expect(typeof quote!.get("c")).toBe("number");
  });

  it("loading the same build again changes nothing", async () => {
    const before = await snapshot();
    const s = await loadIntoNeo4j({ dataDir: join(dir, "seeds"), batchSize: 7 });
    expect([s.nodesCreated, s.relationshipsCreated, s.propertiesSet, s.nodesDeleted, s.relationshipsDeleted]).toEqual([
      0, 0, 0, 0, 0,
    ]);
    expect(await snapshot()).toBe(before);
  });

  it("a load that fails half-way deletes nothing, and running it again finishes the job", async () => {
    // a graph.json cut off after its nodes: the load writes some batches, then stops on the broken file
    const json = await readFile(join(dir, "rebuilt", "graph.json"), "utf8");
    const cut = json.indexOf('"edges":[') + 2000;
    await mkdir(join(dir, "broken"), { recursive: true });
    await writeFile(join(dir, "broken", "graph.json"), json.slice(0, cut));
    await expect(loadIntoNeo4j({ dataDir: join(dir, "broken"), batchSize: 10 })).rejects.toThrow(/ends in the middle/);
    const keys = new Set((await run(`MATCH (n) WHERE ${QUOTEGRAPH_NODES} RETURN n.key AS k`)).map((r) => r.get("k")));
    for (const n of seeds.nodes) expect(keys.has(n.key), n.key).toBe(true);
  });

  it("loading a rebuilt graph removes the nodes and relationships the rebuild no longer has", async () => {
    const gone = seeds.nodes.filter((n) => !rebuilt.nodes.some((m) => m.key === n.key)).map((n) => n.key);
    expect(gone).toContain("person:贝尔萨诺夫");
    const s = await loadIntoNeo4j({ dataDir: join(dir, "rebuilt"), batchSize: 20 });
    expect(s.nodesDeleted).toBeGreaterThanOrEqual(gone.length);
    await expectDatabaseEquals(rebuilt, s.buildId);
    const [merged] = await run(`MATCH (p:Person {key: 'person:安德烈-翁蒂科夫'}) RETURN p.aliases AS aliases`);
    expect(merged!.get("aliases")).toContain("贝尔萨诺夫");
  });

  it("refuses a wrong password with one line that does not hold it", async () => {
    const wrong = `${settings.password}-wrong`;
    const attempt = connectNeo4j({ ...settings, password: wrong }, { waitSeconds: 10 });
    await expect(attempt).rejects.toThrow(/refused user ".*": wrong user name or password/);
    await attempt.catch((error: Error) => expect(error.message).not.toContain(wrong));
  });

  it("answers every README query on the seeds", async () => {
    const s = await loadIntoNeo4j({ dataDir: join(dir, "seeds"), batchSize: 1000 });
    await expectDatabaseEquals(seeds, s.buildId);
    await run("CALL db.awaitIndexes(300)");
    const empty: string[] = [];
    for (const q of readmeCypherQueries(readReadme())) {
      const records = await run(q.query);
      if (records.length === 0) empty.push(`README line ${q.line}: ${q.title}`);
    }
    expect(empty).toEqual([]);
  });
  it("serves the loaded seeds from Neo4j exactly as from their build folder", async () => {
    const s = await loadIntoNeo4j({ dataDir: join(dir, "seeds"), batchSize: 1000 });
    const lines: string[] = [];
    const fromNeo4j = await Neo4jSource.open({ layoutCacheDir: null, onProgress: (m) => lines.push(m) });
    const fromDir = await BuildDirSource.open(join(dir, "seeds"));
    try {
      expect(fromNeo4j.version).toBe(s.buildId);
      // the calls the viewer makes first, as the issue names them, then every other kind of answer
      expect(await fromNeo4j.info()).toEqual(await fromDir.info());
      expect(await fromNeo4j.facets({})).toEqual(await fromDir.facets({}));
      expect(await fromNeo4j.view(ViewQuery.parse({}))).toEqual(await fromDir.view(ViewQuery.parse({})));
      const hits = await fromDir.search("普京", 10);
      expect(hits.length).toBeGreaterThan(0);
      expect(await fromNeo4j.search("普京", 10)).toEqual(hits);
      for (const key of ["person:wendy-sherman", hits[0]!.key, "a_2e67fd569684f10c"])
        expect(await fromNeo4j.details(key, { offset: 0, limit: 50 }), key).toEqual(
          await fromDir.details(key, { offset: 0, limit: 50 }),
        );
      await expectSameAnswers(fromNeo4j, fromDir);
      expect(await fromNeo4j.report({ offset: 0, limit: 10 })).toBeNull();
    } finally {
      await fromNeo4j.close();
      await fromDir.close();
    }
  });

  it("swaps in a newly loaded build once its load has finished, never half of one", async () => {
    const seedsLoad = await loadIntoNeo4j({ dataDir: join(dir, "seeds"), batchSize: 1000 });
    const lines: string[] = [];
    const source = await Neo4jSource.open({ layoutCacheDir: null, onProgress: (m) => lines.push(m) });
    try {
      expect(source.version).toBe(seedsLoad.buildId);
      expect(await source.reloadIfNewBuild()).toBe(false);
      // half a load of the rebuild: Neo4j holds parts of two builds, and the seeds stay served
      const json = await readFile(join(dir, "rebuilt", "graph.json"), "utf8");
      await mkdir(join(dir, "half"), { recursive: true });
      await writeFile(join(dir, "half", "graph.json"), json.slice(0, json.indexOf('"edges":[') + 2000));
      await expect(loadIntoNeo4j({ dataDir: join(dir, "half"), batchSize: 10 })).rejects.toThrow(/ends in the middle/);
      expect(await source.reloadIfNewBuild()).toBe(false);
      expect(source.version).toBe(seedsLoad.buildId);
      expect(lines.join("\n")).toMatch(/holds parts of 2 builds .*; serving build [0-9a-f]{16} until one finishes/);
      // a server started now says so and serves what is there, under a version of its own
      const mixedLines: string[] = [];
      const mixed = await Neo4jSource.open({ layoutCacheDir: null, onProgress: (m) => mixedLines.push(m) });
      expect(mixedLines.join("\n")).toMatch(/holds parts of 2 builds .*: a load is under way or stopped half-way/);
      expect(mixed.version).toMatch(/^[0-9a-f]{16}$/);
      expect(mixed.version).not.toBe(seedsLoad.buildId);
      await mixed.close();
      // the finished load of the rebuild is read and swapped in whole
      const rebuiltLoad = await loadIntoNeo4j({ dataDir: join(dir, "rebuilt"), batchSize: 1000 });
      expect(await source.reloadIfNewBuild()).toBe(true);
      expect(source.version).toBe(rebuiltLoad.buildId);
      const fromDir = await BuildDirSource.open(join(dir, "rebuilt"));
      await expectSameAnswers(source, fromDir);
      await fromDir.close();
      expect(await source.details("person:贝尔萨诺夫", { offset: 0, limit: 5 })).toBeUndefined();
    } finally {
      await source.close();
    }
  });

  it("serve --neo4j refuses a wrong password in one line that does not hold it", () => {
    const wrong = `${settings.password}-wrong`;
    const r = spawnSync(process.execPath, [join(ROOT, "bin/quotegraph.mjs"), "serve", "--neo4j", "--port", "0"], {
      encoding: "utf8",
      env: { ...process.env, NEO4J_PASSWORD: wrong, NEO4J_WAIT: "10" },
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^quotegraph: Neo4j at .* refused user/)]);
    expect(r.stderr + r.stdout).not.toContain(wrong);
  });
});
