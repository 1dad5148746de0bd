import { copyFile, mkdir } from "node:fs/promises";
import { basename, join, posix, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { NODE_LABELS, type NodeLabel } from "../../schema/graph.ts";
import {
  NODE_PROPERTIES,
  RELATIONSHIP_ENDS,
  RELATIONSHIP_PROPERTIES,
  type Neo4jProperty,
  type Neo4jPropertyType,
} from "../../schema/neo4j.ts";
import type { ExportOptions, ExportSummary } from "./export-cypher.ts";
import { openBuildGraph, readGraph } from "./read-graph.ts";
import { toBatches, type PropertyValue } from "./rows.ts";
import { StreamFile } from "./stream-file.ts";

/**
 * The bulk export for `neo4j-admin database import full`: one CSV file per label and one per relationship type
 * between two labels, each with the header syntax the import tool documents (Neo4j Operations Manual, "Import
 * header format"): `key:ID(Person)` puts the node in the Person ID space and stores the id as its `key` property,
 * `:LABEL`, `:START_ID(Person)`, `:END_ID(Quote)`, `:TYPE`, and typed properties (`mentions:long`,
 * `aliases:string[]`).
 */

/**
 * Separates the elements of list properties. The tool's default `;` can occur inside a name or title; U+001F (the
 * ASCII unit separator) never occurs in article text, and is passed as `--array-delimiter=U+001F`.
 */
export const ARRAY_DELIMITER = "\u001f";
const ARRAY_DELIMITER_OPTION = "U+001F";

/** The import tool's name for each Neo4j property type (JSON text is a string). */
const CSV_TYPES: Record<Neo4jPropertyType, string> = {
  string: "string",
  "string[]": "string[]",
  long: "long",
  double: "double",
  boolean: "boolean",
  json: "string",
};

/** The file name of one label's nodes. */
export function nodeFileName(label: NodeLabel): string {
  return `nodes-${label}.csv`;
}

/** The file name of one relationship type between two labels. */
export function relationshipFileName(type: string, from: NodeLabel, to: NodeLabel): string {
  return `relationships-${type}-${from}-${to}.csv`;
}

/** The header row of a node file: the key is the id (in the label's ID space), then the label, then properties. */
export function nodeHeader(label: NodeLabel): string[] {
  const properties = NODE_PROPERTIES[label].filter((p) => p.name !== "key");
  return [`key:ID(${label})`, ":LABEL", ...properties.map((p) => `${p.name}:${CSV_TYPES[p.type]}`)];
}

/** The header row of a relationship file: both ends in their labels' ID spaces, the type, then properties. */
export function relationshipHeader(from: NodeLabel, to: NodeLabel): string[] {
  return [
    `:START_ID(${from})`,
    `:END_ID(${to})`,
    ":TYPE",
    ...RELATIONSHIP_PROPERTIES.map((p) => `${p.name}:${CSV_TYPES[p.type]}`),
  ];
}

/**
 * One CSV field, RFC 4180 style as the import tool reads it: text in double quotes with inner quotes doubled (the
 * tool takes no backslash escapes), an absent value as an empty unquoted field (no property), lists joined by
 * {@link ARRAY_DELIMITER}.
 */
export function csvField(value: PropertyValue | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = Array.isArray(value)
    ? value.map((v) => v.replaceAll(ARRAY_DELIMITER, " ")).join(ARRAY_DELIMITER)
    : value;
  return `"${text.replaceAll('"', '""')}"`;
}

function csvLine(fields: string[]): string {
  return `${fields.join(",")}\n`;
}

function propertyFields(props: Record<string, PropertyValue>, properties: Neo4jProperty[]): string[] {
  return properties.map((p) => csvField(props[p.name]));
}

/** A word safe to paste into a POSIX shell. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Options of `quotegraph export --format csv`. */
export interface CsvExportOptions extends ExportOptions {
  /** the output folder as neo4j-admin sees it (a container's mount point); default: the folder's absolute path */
  importPath?: string;
}

/** What the CSV export wrote, and the commands that import it. */
export interface CsvExportSummary extends ExportSummary {
  files: string[];
  /** `neo4j-admin database import full …`, with this export's absolute paths */
  importCommand: string;
  /** creates the constraints and indexes once the imported database is up */
  schemaCommand: string;
}

/**
 * Writes the CSV files, `constraints.cypher` and `import.sh` (the two commands) into `options.out`, streaming: only
 * the node keys (to check that every relationship's ends exist) and one batch stay in memory.
 */
export async function exportCsv(options: CsvExportOptions): Promise<CsvExportSummary> {
  const graph = await openBuildGraph(options.dataDir);
  const dir = resolve(options.out);
  await mkdir(dir, { recursive: true });
  const nodeFiles = new Map(NODE_LABELS.map((l) => [l, new StreamFile(join(dir, nodeFileName(l)))]));
  const relationshipFiles = new Map(
    RELATIONSHIP_ENDS.map((e) => [
      `${e.type} ${e.from} ${e.to}`,
      new StreamFile(join(dir, relationshipFileName(e.type, e.from, e.to))),
    ]),
  );
  const all = [...nodeFiles.values(), ...relationshipFiles.values()];
  const summary = { buildId: graph.buildId, nodes: 0, relationships: 0, skipped: 0, statements: 0 };
  const onIssue = (message: string): void => {
    summary.skipped++;
    options.onIssue?.(message);
  };
  let multiline = false;
  const lines = (rows: string[][]): string => {
    const text = rows.map(csvLine).join("");
    // a line break inside a quoted field needs the import tool's slower --multiline-fields mode
    if (!multiline && (text.includes("\r") || text.split("\n").length - 1 > rows.length)) multiline = true;
    return text;
  };
  try {
    for (const label of NODE_LABELS) await nodeFiles.get(label)!.write(csvLine(nodeHeader(label)));
    for (const e of RELATIONSHIP_ENDS)
      await relationshipFiles.get(`${e.type} ${e.from} ${e.to}`)!.write(csvLine(relationshipHeader(e.from, e.to)));
    const batches = toBatches(readGraph(graph.path, onIssue), {
      batchSize: options.batchSize,
      buildId: graph.buildId,
      onIssue,
    });
    for await (const batch of batches) {
      if (batch.kind === "nodes") {
        const properties = NODE_PROPERTIES[batch.label].filter((p) => p.name !== "key");
        const rows = batch.rows.map((row) => [
          csvField(row.key),
          batch.label,
          ...propertyFields(row.props, properties),
        ]);
        await nodeFiles.get(batch.label)!.write(lines(rows));
        summary.nodes += batch.rows.length;
      } else {
        const rows = batch.rows.map((row) => [
          csvField(row.source),
          csvField(row.target),
          batch.type,
          ...propertyFields(row.props, RELATIONSHIP_PROPERTIES),
        ]);
        await relationshipFiles.get(`${batch.type} ${batch.from} ${batch.to}`)!.write(lines(rows));
        summary.relationships += batch.rows.length;
      }
    }
    for (const file of all) await file.commit();
  } catch (error) {
    for (const file of all) await file.abort();
    throw error;
  }
  const constraints = join(dir, "constraints.cypher");
  await copyFile(fileURLToPath(new URL("../../schema/constraints.cypher", import.meta.url)), constraints);
  // the paths as neo4j-admin will see them: in a container the folder is mounted somewhere else
  const seen = (path: string): string =>
    shellQuote(options.importPath ? posix.join(options.importPath, basename(path)) : path);
  const importCommand = [
    "neo4j-admin database import full",
    "--id-type=string",
    `--array-delimiter=${ARRAY_DELIMITER_OPTION}`,
    ...(multiline ? ["--multiline-fields=true"] : []),
    ...[...nodeFiles.values()].map((f) => `--nodes=${seen(f.path)}`),
    ...[...relationshipFiles.values()].map((f) => `--relationships=${seen(f.path)}`),
    "neo4j",
  ].join(" \\\n  ");
  const schemaCommand = `cypher-shell -u neo4j -p "$NEO4J_PASSWORD" -f ${seen(constraints)}`;
  const script = new StreamFile(join(dir, "import.sh"));
  await script.write(
    `#!/bin/sh\n# Imports build ${graph.buildId} into a stopped Neo4j 5 whose database "neo4j" does not exist yet\n` +
      `# (add --overwrite-destination to replace an existing one). Once Neo4j is started again, create the\n` +
      `# constraints and indexes:\n#   ${schemaCommand}\nset -e\n${importCommand}\n`,
  );
  await script.commit();
  return {
    ...summary,
    files: all.map((f) => f.path),
    importCommand,
    schemaCommand,
  };
}
