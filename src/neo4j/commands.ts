import { NODE_LABELS } from "../../schema/graph.ts";
import { InvalidArgumentError } from "commander";
import { UserError } from "../user-error.ts";
import type { ConnectionFlags } from "./connection.ts";

/** Options shared by `load` and `build --neo4j`. */
export interface LoadCommandOptions extends ConnectionFlags {
  batchSize: number;
  /** seconds to wait for Neo4j; default NEO4J_WAIT, else 60 */
  wait?: number;
}

/** Seconds to keep retrying an unreachable Neo4j: the flag, else NEO4J_WAIT, else 60. */
export function waitSeconds(flag: number | undefined, env = process.env): number {
  if (flag !== undefined) return flag;
  const fromEnv = Number(env["NEO4J_WAIT"]);
  return env["NEO4J_WAIT"] && Number.isInteger(fromEnv) && fromEnv >= 0 ? fromEnv : 60;
}

/** Flags of `quotegraph serve` that say where the graph comes from. */
export interface ServeSourceFlags extends ConnectionFlags {
  data?: string;
  neo4j?: boolean;
  wait?: number;
}

/** Where `quotegraph serve` reads the graph: a build folder, or Neo4j with the connection to open. */
export type ServeSource = { data: string } | { neo4j: { connection: ConnectionFlags; waitSeconds: number } };

/**
 * Where `serve` reads the graph: the build folder of --data; Neo4j with --neo4j, or when no --data is given and
 * NEO4J_URI (or --uri) says where Neo4j is. Contradicting flags, or none, are a usage error (exit 2).
 */
export function chooseServeSource(flags: ServeSourceFlags, env = process.env): ServeSource {
  const { data, neo4j, wait, ...connection } = flags;
  const connectionFlags = Object.keys(connection).filter((k) => connection[k as keyof ConnectionFlags] !== undefined);
  if (data !== undefined) {
    if (neo4j) throw new UserError("serve: --data and --neo4j exclude each other: give one.", 2);
    if (connectionFlags.length > 0 || wait !== undefined)
      throw new UserError(
        "serve: --uri, --user, --database, --password-file and --wait go with --neo4j, not --data.",
        2,
      );
    return { data };
  }
  if (!neo4j && !connection.uri && !env["NEO4J_URI"])
    throw new UserError("serve: give --data <dir> (a build folder), or --neo4j with NEO4J_URI or --uri set.", 2);
  return { neo4j: { connection, waitSeconds: waitSeconds(wait, env) } };
}

/** At most this many skipped elements are listed one per line; the rest are counted. */
const MAX_LISTED_ISSUES = 20;

function issuePrinter(): { print: (message: string) => void; finish: () => void } {
  let count = 0;
  return {
    print: (message) => {
      if (++count <= MAX_LISTED_ISSUES) process.stderr.write(`skipped: ${message}\n`);
    },
    finish: () => {
      if (count > MAX_LISTED_ISSUES) process.stderr.write(`skipped: … and ${count - MAX_LISTED_ISSUES} more\n`);
    },
  };
}

/** Parses an integer option (batch size, seconds) for commander. */
export function parsePositiveInteger(allowZero = false): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < (allowZero ? 0 : 1))
      throw new InvalidArgumentError(`Expecting a ${allowZero ? "non-negative" : "positive"} integer.`);
    return n;
  };
}

/** `quotegraph load`: loads a build folder into Neo4j and prints what changed; exit code 1 if elements were skipped. */
export async function runLoad(dataDir: string, options: LoadCommandOptions): Promise<number> {
  const { loadIntoNeo4j } = await import("./load.ts");
  const issues = issuePrinter();
  const started = Date.now();
  const { batchSize, wait, ...connection } = options;
  const s = await loadIntoNeo4j({
    dataDir,
    batchSize,
    waitSeconds: waitSeconds(wait),
    connection,
    onProgress: (m) => process.stderr.write(`${m}\n`),
    onIssue: issues.print,
  });
  issues.finish();
  const held = NODE_LABELS.map((l) => `${s.nodes[l]} ${l}`).join(", ");
  process.stderr.write(
    `loaded build ${s.buildId} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${s.nodesCreated} nodes and ${s.relationshipsCreated} relationships created, ${s.propertiesSet} properties set, ` +
      `${s.nodesDeleted} stale nodes and ${s.relationshipsDeleted} stale relationships deleted. ` +
      `Neo4j holds ${held}; ${s.relationships} relationships.\n`,
  );
  return s.skipped > 0 ? 1 : 0;
}

/** `quotegraph export`: writes a Cypher script or the CSV files of neo4j-admin import; prints the import command. */
export async function runExport(options: {
  data: string;
  format: "cypher" | "csv";
  out: string;
  batchSize: number;
  importPath?: string;
}): Promise<number> {
  const issues = issuePrinter();
  const started = Date.now();
  const common = { dataDir: options.data, out: options.out, batchSize: options.batchSize, onIssue: issues.print };
  const seconds = (): string => ((Date.now() - started) / 1000).toFixed(1);
  if (options.format === "cypher") {
    const { exportCypher } = await import("./export-cypher.ts");
    const s = await exportCypher(common);
    issues.finish();
    process.stderr.write(
      `wrote ${options.out} in ${seconds()} s: ${s.statements} statements, ${s.nodes} nodes, ${s.relationships} relationships (build ${s.buildId})\n`,
    );
    return s.skipped > 0 ? 1 : 0;
  }
  const { exportCsv } = await import("./export-csv.ts");
  const s = await exportCsv(options.importPath ? { ...common, importPath: options.importPath } : common);
  issues.finish();
  process.stderr.write(
    `wrote ${s.files.length} CSV files to ${options.out} in ${seconds()} s: ${s.nodes} nodes, ${s.relationships} relationships (build ${s.buildId})\n`,
  );
  // the command goes to stdout, so it can be piped or saved; everything else is on stderr
  process.stdout.write(
    `# Import into a stopped Neo4j 5 whose database "neo4j" does not exist yet (add --overwrite-destination to replace it):\n` +
      `${s.importCommand}\n# Then start Neo4j and create the constraints and indexes:\n${s.schemaCommand}\n`,
  );
  return s.skipped > 0 ? 1 : 0;
}
