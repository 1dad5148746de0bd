import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphExport, NODE_LABELS } from "../../schema/graph.ts";
import { NODE_PROPERTIES, RELATIONSHIP_ENDS, RELATIONSHIP_PROPERTIES } from "../../schema/neo4j.ts";
import { buildGraph } from "../../src/build.ts";
import { ARRAY_DELIMITER, exportCsv, nodeFileName, relationshipFileName } from "../../src/neo4j/export-csv.ts";
import { exportCypher } from "../../src/neo4j/export-cypher.ts";
import { toProperties } from "../../src/neo4j/rows.ts";

// The exports of the five bundled sample articles (built here), and of a copy whose strings were made hostile.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let dir: string;
let graph: GraphExport;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "qg-export-"));
  await buildGraph({ inputs: [join(ROOT, "samples")], outDir: join(dir, "sample"), layout: false });
  graph = GraphExport.parse(JSON.parse(await readFile(join(dir, "sample", "graph.json"), "utf8")));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A CSV reader with the import tool's rules: `"` quotes, `""` inside quotes is one quote, fields may span lines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      quoted = true;
      wasQuoted = true;
    } else if (c === "," || c === "\n") {
      row.push(wasQuoted || field !== "" ? field : "\u0000absent");
      field = "";
      wasQuoted = false;
      if (c === "\n") {
        rows.push(row);
        row = [];
      }
    } else field += c;
  }
  return rows;
}

// The field types `neo4j-admin database import` documents ("Import header format", Neo4j Operations Manual).
const DOCUMENTED_TYPES =
  /^(int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)(\[\])?$/;

describe("CSV export for neo4j-admin database import", () => {
  let out: string;
  let summary: Awaited<ReturnType<typeof exportCsv>>;
  beforeAll(async () => {
    out = join(dir, "csv");
    summary = await exportCsv({ dataDir: join(dir, "sample"), out, batchSize: 7 });
  });

  it("writes one file per label and one per relationship type between two labels", async () => {
    const files = (await readdir(out)).sort();
    expect(files).toEqual(
      [
        ...NODE_LABELS.map(nodeFileName),
        ...RELATIONSHIP_ENDS.map((e) => relationshipFileName(e.type, e.from, e.to)),
        "constraints.cypher",
        "import.sh",
      ].sort(),
    );
  });

  it("heads every file with the documented header syntax, ID spaces defined before they are referenced", async () => {
    const idSpaces = new Set<string>();
    for (const label of NODE_LABELS) {
      const [header] = parseCsv(await readFile(join(out, nodeFileName(label)), "utf8"));
      const [id, labelColumn, ...properties] = header!;
      // `<name>:ID(<ID space>)` stores the id as the property <name> and puts it in the label's ID space
      expect(id).toBe(`key:ID(${label})`);
      expect(labelColumn).toBe(":LABEL");
      for (const p of properties) expect(p.split(":")[1], p).toMatch(DOCUMENTED_TYPES);
      idSpaces.add(label);
    }
    for (const { type, from, to } of RELATIONSHIP_ENDS) {
      const [header] = parseCsv(await readFile(join(out, relationshipFileName(type, from, to)), "utf8"));
      const [start, end, typeColumn, ...properties] = header!;
      const startSpace = /^:START_ID\((\w+)\)$/.exec(start!)?.[1];
      const endSpace = /^:END_ID\((\w+)\)$/.exec(end!)?.[1];
      expect([startSpace, endSpace, typeColumn]).toEqual([from, to, ":TYPE"]);
      expect(idSpaces.has(startSpace!) && idSpaces.has(endSpace!)).toBe(true);
      for (const p of properties) expect(p.split(":")[1], p).toMatch(DOCUMENTED_TYPES);
    }
  });

  it("holds every node and relationship of graph.json, each property reading back as the loader writes it", async () => {
    let rows = 0;
    for (const label of NODE_LABELS) {
      const [header, ...data] = parseCsv(await readFile(join(out, nodeFileName(label)), "utf8"));
      const names = header!.map((h) => h.split(":")[0]!);
      for (const fields of data) {
        rows++;
        const node = graph.nodes.find((n) => n.key === fields[0])!;
        expect(node.attributes.label).toBe(fields[1]);
        const expected = toProperties({ ...node.attributes, key: node.key }, NODE_PROPERTIES[label], summary.buildId);
        const read: Record<string, unknown> = { key: fields[0] };
        header!.forEach((h, i) => {
          const value = fields[i]!;
          if (i < 2 || value === "\u0000absent") return;
          const type = h.split(":")[1];
          read[names[i]!] =
            type === "string[]"
              ? value.split(ARRAY_DELIMITER)
              : type === "long" || type === "double"
                ? Number(value)
                : value;
        });
        expect(read).toEqual(expected);
      }
    }
    expect(rows).toBe(graph.nodes.length);
    let relationships = 0;
    for (const { type, from, to } of RELATIONSHIP_ENDS) {
      const [, ...data] = parseCsv(await readFile(join(out, relationshipFileName(type, from, to)), "utf8"));
      for (const fields of data) {
        expect(fields[2]).toBe(type);
        expect(graph.edges.some((e) => e.source === fields[0] && e.target === fields[1])).toBe(true);
        expect(fields).toHaveLength(3 + RELATIONSHIP_PROPERTIES.length);
      }
      relationships += data.length;
    }
    expect(relationships).toBe(graph.edges.length);
  });

  it("gives the exact import command with every file, the ID type and the array delimiter", () => {
    const command = summary.importCommand;
    expect(command).toMatch(/^neo4j-admin database import full /);
    expect(command).toContain("--id-type=string");
    expect(command).toContain("--array-delimiter=U+001F");
    for (const f of summary.files.filter((f) => basename(f).startsWith("nodes-")))
      expect(command).toContain(`--nodes=${f}`);
    for (const f of summary.files.filter((f) => basename(f).startsWith("relationships-")))
      expect(command).toContain(`--relationships=${f}`);
    expect(command).toMatch(/ neo4j$/);
    expect(command).not.toContain("--multiline-fields");
  });

  it("writes the paths as neo4j-admin sees them when the folder is mounted elsewhere (--import-path)", async () => {
    const s = await exportCsv({
      dataDir: join(dir, "sample"),
      out: join(dir, "csv-mounted"),
      batchSize: 100,
      importPath: "/import",
    });
    expect(s.importCommand).toContain("--nodes=/import/nodes-Person.csv");
    expect(s.importCommand).toContain("--relationships=/import/relationships-SAID-Person-Quote.csv");
    expect(s.importCommand).not.toContain(dir);
    expect(s.schemaCommand).toMatch(/-f \/import\/constraints\.cypher$/);
  });

  it("keeps quotes, commas, semicolons and line breaks inside fields, and says when the import needs multiline mode", async () => {
    const hostile = structuredClone(graph);
    const person = hostile.nodes.find((n) => n.attributes.label === "Person")!;
    if (person.attributes.label !== "Person") throw new Error("no person");
    person.attributes.name = 'Wendy "W." Sherman, Jr.\nline two';
    person.attributes.aliases = ["谢尔曼;舍曼", `a${ARRAY_DELIMITER}b`, '"quoted"'];
    await mkdir(join(dir, "hostile"), { recursive: true });
    await writeFile(join(dir, "hostile", "graph.json"), JSON.stringify(hostile));
    const s = await exportCsv({ dataDir: join(dir, "hostile"), out: join(dir, "hostile-csv"), batchSize: 100 });
    expect(s.importCommand).toContain("--multiline-fields=true");
    const [header, ...data] = parseCsv(await readFile(join(dir, "hostile-csv", nodeFileName("Person")), "utf8"));
    const row = data.find((r) => r[0] === person.key)!;
    expect(row[header!.indexOf("name:string")]).toBe(person.attributes.name);
    // the delimiter itself cannot survive inside an element: it becomes a space
    expect(row[header!.indexOf("aliases:string[]")]!.split(ARRAY_DELIMITER)).toEqual([
      "谢尔曼;舍曼",
      "a b",
      '"quoted"',
    ]);
  });
});

describe("Cypher export", () => {
  it("writes constraints, then nodes before relationships, then the sweep, every statement closed by ;", async () => {
    const out = join(dir, "graph.cypher");
    const s = await exportCypher({ dataDir: join(dir, "sample"), out, batchSize: 25 });
    const text = await readFile(out, "utf8");
    expect(s.nodes).toBe(graph.nodes.length);
    expect(s.relationships).toBe(graph.edges.length);
    const statements = text.split(";\n").filter((x) => x.trim());
    expect(statements).toHaveLength(s.statements);
    const firstRelationship = statements.findIndex((x) => /MERGE \(a\)-\[r:/.test(x));
    const lastNode = statements.findLastIndex((x) => /MERGE \(n:/.test(x));
    expect(statements.findIndex((x) => x.includes("CREATE CONSTRAINT"))).toBeLessThan(lastNode);
    expect(lastNode).toBeLessThan(firstRelationship);
    expect(statements.at(-1)).toMatch(/DETACH DELETE n$/);
    expect(text).toContain(`buildId: '${s.buildId}'`);
  });

  it("is byte-identical for the same build, and a failed export leaves the previous file whole", async () => {
    const a = join(dir, "a.cypher");
    await exportCypher({ dataDir: join(dir, "sample"), out: a, batchSize: 10 });
    const first = await readFile(a, "utf8");
    await exportCypher({ dataDir: join(dir, "sample"), out: a, batchSize: 10 });
    expect(await readFile(a, "utf8")).toBe(first);
    const broken = join(dir, "broken");
    await mkdir(broken, { recursive: true });
    const json = await readFile(join(dir, "sample", "graph.json"), "utf8");
    await writeFile(join(broken, "graph.json"), json.slice(0, json.length / 2));
    await expect(exportCypher({ dataDir: broken, out: a, batchSize: 10 })).rejects.toThrow(/ends in the middle/);
    expect(await readFile(a, "utf8")).toBe(first);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("quotegraph export (CLI)", () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, "bin/quotegraph.mjs"), ...args], { encoding: "utf8", cwd: ROOT });

  it("prints the import command on stdout and a summary on stderr", () => {
    const r = cli("export", "--data", join(dir, "sample"), "--format", "csv", "--out", join(dir, "cli-csv"));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("neo4j-admin database import full");
    expect(r.stdout).toContain("cypher-shell");
    expect(r.stderr).toMatch(/wrote 13 CSV files/);
  });

  it("reports skipped elements one line each and exits 1, the rest exported", async () => {
    const bad = structuredClone(graph) as unknown as {
      nodes: { key: string; attributes: { label: string } }[];
      edges: unknown[];
    };
    bad.nodes[0]!.attributes.label = "Speaker";
    await mkdir(join(dir, "bad"), { recursive: true });
    await writeFile(join(dir, "bad", "graph.json"), JSON.stringify(bad));
    const r = cli("export", "--data", join(dir, "bad"), "--format", "cypher", "--out", join(dir, "bad.cypher"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/skipped: .*nodes\[0\] skipped: attributes\.label/);
    expect(r.stderr).toMatch(/skipped: .* edge .* is no node of graph\.json/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses an unknown format and a folder without graph.json with one line", () => {
    const format = cli("export", "--data", join(dir, "sample"), "--format", "xml", "--out", join(dir, "x"));
    expect(format.status).toBe(2);
    const missing = cli("export", "--data", join(dir, "nowhere"), "--format", "cypher", "--out", join(dir, "x"));
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toMatch(/No graph\.json in/);
  });
});
