import { Command, InvalidArgumentError } from "commander";
import { resolve } from "node:path";
import { buildGraph } from "./build.ts";
import { loadAliasDecisions, defaultAliasFile } from "./alias-file.ts";
import { UserError } from "./user-error.ts";
import {
  chooseServeSource,
  parsePositiveInteger,
  runExport,
  runLoad,
  type LoadCommandOptions,
  type ServeSourceFlags,
} from "./neo4j/commands.ts";

/** Parses a TCP port option. */
function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError("Expecting an integer from 0 to 65535.");
  return port;
}

/** Parses the export format option. */
function parseExportFormat(value: string): "cypher" | "csv" {
  if (value !== "cypher" && value !== "csv") throw new InvalidArgumentError("Expecting cypher or csv.");
  return value;
}

/** Parses a non-negative integer option. */
function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("Expecting a non-negative integer.");
  return n;
}

/** Parses a positive number of seconds. */
function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("Expecting a positive number of seconds.");
  return n;
}

function parseConfidence(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1)
    throw new InvalidArgumentError("Expecting a number from 0 to 1.");
  return n;
}

/** Writes one progress line to stderr, overwriting itself on a terminal. */
function progress(done: number, total: number, file: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r[${done}/${total}] ${file.slice(-60).padEnd(60)}`);
  else if (done === total || done % 500 === 0) process.stderr.write(`[${done}/${total}] ${file}\n`);
}

/** `build --neo4j`: a failed load exits 3, apart from 1 (some inputs failed), so scripts can tell the two apart. */
async function loadAfterBuild(outDir: string): Promise<void> {
  try {
    const code = await runLoad(outDir, { batchSize: 1000 });
    if (code > 0) process.exitCode = 3;
  } catch (error) {
    if (error instanceof UserError) throw new UserError(error.message, 3);
    throw error;
  }
}

/** Flags of `quotegraph build`. */
interface BuildFlags {
  out: string;
  aliases: string;
  layout: boolean;
  force?: boolean;
  workers?: number;
  fileTimeout: number;
  timings?: boolean;
  neo4j?: boolean;
  minConfidence: number;
}

const program = new Command();
program
  .name("quotegraph")
  .description("Chinese news articles in, a graph of who said what and who met whom out.")
  .exitOverride();

program
  .command("build")
  .description("read articles (files or folders) and write graph.json, graph.gexf and report.json")
  .argument("<inputs...>", "article files or folders")
  .requiredOption("-o, --out <dir>", "output folder")
  .option("--aliases <file>", "alias file with same / not-same decisions", defaultAliasFile())
  .option("--no-layout", "skip the ForceAtlas2 layout")
  .option("--neo4j", "then load the graph into Neo4j (connection from NEO4J_*), as `quotegraph load` does")
  .option("--force", "extract every article again instead of reusing the cache in the output folder")
  .option("--workers <n>", "worker threads for reading and extraction (0: in the main thread)", parseCount)
  .option("--file-timeout <seconds>", "time budget of one file before it is reported as failed", parseSeconds, 60)
  .option("--min-confidence <c>", "leave out SAID edges less sure than c (0-1); the quotes stay", parseConfidence, 0)
  .option("--timings", "print where the build spent its time (JSON on stderr)")
  .action(async (inputs: string[], opts: BuildFlags) => {
    const decisions = await loadAliasDecisions(opts.aliases);
    const started = Date.now();
    const result = await buildGraph({
      inputs,
      outDir: opts.out,
      decisions,
      layout: opts.layout,
      onProgress: progress,
      force: opts.force === true,
      fileTimeoutMs: opts.fileTimeout * 1000,
      minConfidence: opts.minConfidence,
      ...(opts.workers === undefined ? {} : { workers: opts.workers }),
    });
    if (process.stderr.isTTY) process.stderr.write("\n");
    if (result.upToDate)
      process.stderr.write("inputs, code and settings unchanged since the last build: kept its output\n");
    if (opts.timings) {
      const { stats } = result;
      const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      // CPU time of the whole process, every thread: what the build cost whatever else the machine was doing
      const { user, system } = process.cpuUsage();
      const cpuMs = Math.round((user + system) / 1000);
      process.stderr.write(`timings ${JSON.stringify({ ...stats, peakRssMb, cpuMs })}\n`);
    }
    const ok = result.report.files.filter((f) => f.status === "ok").length;
    const skipped = result.report.files.filter((f) => f.status === "skipped").length;
    for (const f of result.report.files)
      if (f.status === "failed") process.stderr.write(`failed: ${f.file}: ${f.reason}\n`);
    const totals = Object.entries(result.report.totals)
      .map(([k, v]) => `${v} ${k}`)
      .join(", ");
    process.stderr.write(
      `built ${resolve(opts.out)}/graph.json from ${ok} articles (${skipped} skipped, ${result.failed} failed) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${totals}\n`,
    );
    process.exitCode = result.failed > 0 ? 1 : 0;
    if (opts.neo4j) await loadAfterBuild(opts.out);
  });

/** The connection flags of `load` and `serve --neo4j`, each defaulting to its NEO4J_* variable. */
function withConnectionOptions(command: Command): Command {
  return command
    .option("--uri <uri>", "Bolt URI (default: NEO4J_URI)")
    .option("--user <name>", "user name (default: NEO4J_USER, else neo4j)")
    .option("--database <name>", "database (default: NEO4J_DATABASE, else the server's default)")
    .option("--password-file <file>", "file holding the password (default: NEO4J_PASSWORD)")
    .option(
      "--wait <seconds>",
      "keep retrying this long while Neo4j starts (default: NEO4J_WAIT, else 60)",
      parsePositiveInteger(true),
    );
}

withConnectionOptions(
  program
    .command("serve")
    .description("serve the viewer and a read-only JSON API over a built graph, from its folder or from Neo4j")
    .option("-d, --data <dir>", "folder holding graph.json")
    .option("--neo4j", "read the graph from Neo4j (the default without --data when NEO4J_URI is set)")
    .option("-p, --port <port>", "port", parsePort, 8080)
    .option("--host <host>", "address to listen on", "127.0.0.1"),
).action(async (opts: ServeSourceFlags & { port: number; host: string }) => {
  const { port, host, ...flags } = opts;
  const from = chooseServeSource(flags);
  const { startServer } = await import("./server.ts");
  const server = await startServer({
    ...("data" in from ? { dataDir: from.data } : { neo4j: from.neo4j }),
    port,
    host,
    onProgress: (m) => process.stderr.write(`${m}\n`),
  });
  process.stderr.write(`quotegraph viewer on ${server.url} (Ctrl-C to stop)\n`);
});

withConnectionOptions(
  program
    .command("load")
    .description("write a built graph into Neo4j, removing what an earlier build left (connection: flags or NEO4J_*)")
    .requiredOption("-d, --data <dir>", "folder holding graph.json")
    .option("--batch-size <n>", "rows per transaction", parsePositiveInteger(), 1000),
).action(async (opts: { data: string } & LoadCommandOptions) => {
  const { data, ...options } = opts;
  process.exitCode = await runLoad(data, options);
});

program
  .command("export")
  .description("write a built graph as a Cypher script or as CSV files for neo4j-admin database import")
  .requiredOption("-d, --data <dir>", "folder holding graph.json")
  .requiredOption("--format <format>", "cypher (one script) or csv (a folder of files)", parseExportFormat)
  .requiredOption("-o, --out <path>", "the script file (cypher) or the folder (csv)")
  .option("--batch-size <n>", "rows per UNWIND statement", parsePositiveInteger(), 1000)
  .option("--import-path <dir>", "csv: the folder as neo4j-admin sees it, e.g. mounted in a container")
  .action(
    async (opts: { data: string; format: "cypher" | "csv"; out: string; batchSize: number; importPath?: string }) => {
      process.exitCode = await runExport(opts);
    },
  );

program
  .command("aliases")
  .description("list uncertain merge candidates; --accept / --reject record a decision in the alias file")
  .requiredOption("-d, --data <dir>", "folder holding candidates.json from a build")
  .option("--aliases <file>", "alias file to update", defaultAliasFile())
  .option("--accept <n>", "record candidate n as the same entity", (v) => Number(v))
  .option("--reject <n>", "record candidate n as different entities", (v) => Number(v))
  .action(async (opts: { data: string; aliases: string; accept?: number; reject?: number }) => {
    const { runAliasesCommand } = await import("./alias-file.ts");
    await runAliasesCommand(opts);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === "commander.helpDisplayed" || code === "commander.version") process.exit(0);
  if (code?.startsWith("commander.")) process.exit(2);
  if (error instanceof UserError) {
    process.stderr.write(`quotegraph: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  throw error;
}
