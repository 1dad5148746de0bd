import { Neo4jError, type Driver } from "neo4j-driver";
import { createHash } from "node:crypto";
import { lstat, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {
  DetailsQuery,
  EgoQuery,
  Facets,
  FacetsQuery,
  GraphInfo,
  GraphSlice,
  NodeDetails,
  PathQuery,
  ReportPage,
  SearchHit,
  ViewQuery,
} from "../schema/api.ts";
import { BuildDirSource } from "./build-dir-source.ts";
import type { GraphSource } from "./graph-source.ts";
import {
  connectNeo4j,
  displayUri,
  neo4jSettings,
  reasonOf,
  type ConnectionFlags,
  type Neo4jSettings,
} from "./neo4j/connection.ts";
import { readBuildStamps, readGraphFromNeo4j, readSampleStamp } from "./neo4j/read-neo4j.ts";
import { storedGraphVersion } from "./neo4j/stored-graph.ts";
import { UserError } from "./user-error.ts";

/** Options of Neo4jSource.open. */
export interface Neo4jSourceOptions {
  /** Where and as whom to connect; each falls back to its NEO4J_* variable. */
  connection?: ConnectionFlags;
  /** Seconds to keep retrying while Neo4j is unreachable (starting up); default 60, as `quotegraph load`. */
  waitSeconds?: number;
  /** One line per slow step and per change of the served build, for the terminal. */
  onProgress?: (message: string) => void;
  /** The shortest time between two checks for a newly loaded build, in milliseconds; default 30 s. */
  recheckMs?: number;
  /**
   * Folder of the layout cache, or null for none (laid out on every start). Default: a folder of this user's own under
   * the OS temp dir, one per database.
   */
  layoutCacheDir?: string | null;
}

const RECHECK_MS = 30_000;
/** At most this many left-out elements are named one per line; the rest are counted. */
const MAX_LISTED_ISSUES = 20;

/** A build read from Neo4j and made ready to serve. */
interface ReadBuild {
  source: BuildDirSource;
  stamps: string[];
}

/**
 * A GraphSource over the graph a `quotegraph load` wrote into Neo4j. The whole graph is read into memory at start
 * and served by the same machinery as a build folder (BuildDirSource.fromGraph), so both answer alike. While
 * requests come, it checks at most every 30 s whether another build was loaded; when one finished, it reads it in the
 * background and swaps it in whole (the version, and so the ETags, change with it). Half a load is never swapped in.
 */
export class Neo4jSource implements GraphSource {
  private lastCheck = Date.now();
  private checking: Promise<unknown> | undefined;
  private closed = false;
  private lastNotice = "";

  private constructor(
    private served: BuildDirSource,
    private readonly driver: Driver,
    private readonly settings: Neo4jSettings,
    private readonly layoutCacheDir: string | undefined,
    private readonly recheckMs: number,
    private readonly say: (message: string) => void,
  ) {}

  /** Connects (waiting while Neo4j starts), reads the graph and lays it out; one line, no stack, when it cannot. */
  static async open(options: Neo4jSourceOptions = {}): Promise<Neo4jSource> {
    const say = options.onProgress ?? (() => {});
    const settings = await neo4jSettings(options.connection);
    const driver = await connectNeo4j(settings, { waitSeconds: options.waitSeconds ?? 60, onWait: say });
    const where = displayUri(settings.uri);
    try {
      const cacheDir =
        options.layoutCacheDir === undefined
          ? await privateLayoutDir(settings, say)
          : (options.layoutCacheDir ?? undefined);
      const { source, stamps } = await readBuild(driver, settings, cacheDir, say);
      if (stamps.length === 0)
        throw new UserError(
          `Neo4j at ${where} holds no quotegraph graph: load a build first (quotegraph load --data <dir>).`,
          2,
        );
      if (stamps.length > 1) say(`${mixedStamps(where, stamps)}; serving what it holds as version ${source.version}`);
      return new Neo4jSource(source, driver, settings, cacheDir, options.recheckMs ?? RECHECK_MS, say);
    } catch (error) {
      await driver.close();
      throw asUserError(error, where);
    }
  }

  /** The build id of the graph served (or, while Neo4j holds parts of several builds, a hash of their ids). */
  get version(): string {
    return this.served.version;
  }

  /** Starts a check for a newly loaded build when the last is 30 s old; runs in the background, never delaying. */
  checkForUpdate(): void {
    if (this.closed || this.checking || Date.now() - this.lastCheck < this.recheckMs) return;
    this.checking = this.reloadIfNewBuild()
      .catch((error: unknown) => {
        if (!this.closed)
          this.notice(`cannot check Neo4j for a new build (${reasonOf(error)}); serving build ${this.version} still`);
      })
      .finally(() => {
        this.checking = undefined;
        this.lastCheck = Date.now();
      });
  }

  /**
   * Checks now whether Neo4j holds another finished build, and if so reads it and swaps it in; resolves with whether
   * the served build changed. The usual check costs one read of one article's stamp: a load restamps every node, so
   * only when that stamp is not the served build's are all stamps read, and the graph only when a single one remains.
   */
  async reloadIfNewBuild(): Promise<boolean> {
    const where = displayUri(this.settings.uri);
    const served = this.version;
    if ((await readSampleStamp(this.driver, this.settings.database)) === served) return false;
    const stamps = await readBuildStamps(this.driver, this.settings.database);
    if (stamps.length === 0) {
      this.notice(`Neo4j at ${where} holds no quotegraph graph now; serving build ${served} still`);
      return false;
    }
    if (stamps.length > 1) {
      if (storedGraphVersion(stamps) !== served)
        this.notice(`${mixedStamps(where, stamps)}; serving build ${served} until one finishes`);
      return false;
    }
    if (stamps[0] === served) return false;
    this.say(`Neo4j at ${where} holds build ${stamps[0]}: reading it, serving ${served} meanwhile`);
    const next = await readBuild(this.driver, this.settings, this.layoutCacheDir, this.say);
    if (next.stamps.length !== 1 || next.stamps[0] !== stamps[0]) {
      this.notice(`the graph in Neo4j changed while it was read; serving build ${served} still, trying again later`);
      return false;
    }
    if (this.closed) return false;
    const previous = this.served;
    this.served = next.source; // one assignment: a request sees the old build or the new, never a mix
    await previous.close();
    this.lastNotice = "";
    this.say(`now serving build ${this.version} from Neo4j at ${where}`);
    return true;
  }

  /** Says a line once, not again every 30 s while the state it describes lasts. */
  private notice(message: string): void {
    if (message === this.lastNotice) return;
    this.lastNotice = message;
    this.say(message);
  }

  info(): Promise<GraphInfo> {
    return this.served.info();
  }

  facets(query: FacetsQuery): Promise<Facets> {
    return this.served.facets(query);
  }

  view(query: ViewQuery): Promise<GraphSlice> {
    return this.served.view(query);
  }

  ego(query: EgoQuery): Promise<GraphSlice> {
    return this.served.ego(query);
  }

  path(query: PathQuery): Promise<GraphSlice> {
    return this.served.path(query);
  }

  search(q: string, limit: number): Promise<SearchHit[]> {
    return this.served.search(q, limit);
  }

  details(key: string, page: DetailsQuery): Promise<NodeDetails | undefined> {
    return this.served.details(key, page);
  }

  /** Always null: Neo4j holds the graph, not the build's report.json. */
  report(page: DetailsQuery): Promise<ReportPage | null> {
    return this.served.report(page);
  }

  /** Closes the connection (a reload under way stops with it) and lets go of the graph. */
  async close(): Promise<void> {
    this.closed = true;
    await this.driver.close();
    await this.checking;
    await this.served.close();
  }
}

/** Reads the graph from Neo4j and derives what serving it takes; names the elements it had to leave out. */
async function readBuild(
  driver: Driver,
  settings: Neo4jSettings,
  layoutCacheDir: string | undefined,
  say: (message: string) => void,
): Promise<ReadBuild> {
  const startedAt = Date.now();
  say(`reading the graph from Neo4j at ${displayUri(settings.uri)}`);
  const { graph, stamps, issues } = await readGraphFromNeo4j(driver, settings.database);
  for (const issue of issues.slice(0, MAX_LISTED_ISSUES)) say(`skipped: ${issue}`);
  if (issues.length > MAX_LISTED_ISSUES) say(`skipped: … and ${issues.length - MAX_LISTED_ISSUES} more`);
  const version = storedGraphVersion(stamps);
  const source = await BuildDirSource.fromGraph(
    { graph, version, report: null },
    { onProgress: say, startedAt, ...(layoutCacheDir ? { layoutCacheDir } : {}) },
  );
  return { source, stamps };
}

/** The start of the line saying that Neo4j holds parts of several builds. */
function mixedStamps(where: string, stamps: string[]): string {
  return `Neo4j at ${where} holds parts of ${stamps.length} builds (${stamps.join(", ")}): a load is under way or stopped half-way`;
}

/** A database error while reading is an expected failure (server gone): one line. Anything else is a bug. */
function asUserError(error: unknown, where: string): unknown {
  if (!(error instanceof Neo4jError)) return error;
  return new UserError(`Reading the graph from Neo4j at ${where} failed: ${reasonOf(error)}`);
}

/**
 * A folder of this user's own under the OS temp dir for the layout of one database's graph (the cache file holds the
 * version it belongs to, layout-cache.ts), so that a restart does not lay the graph out again: about 40 s on the
 * Citizen News archive. None, with a line saying why, when the folder is not this user's alone, since anyone who
 * can write there could plant a layout.
 */
export async function privateLayoutDir(
  settings: Neo4jSettings,
  say: (message: string) => void,
  root = join(tmpdir(), `quotegraph-${process.getuid?.() ?? "user"}`),
): Promise<string | undefined> {
  const uid = process.getuid?.();
  const database = createHash("sha256")
    .update(`${displayUri(settings.uri)}\n${settings.database ?? ""}`)
    .digest("hex")
    .slice(0, 12);
  try {
    await mkdir(root, { recursive: true, mode: 0o700 });
    const stat = await lstat(root);
    if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o077) !== 0)
      throw new Error(`${root} is not this user's alone`);
    const dir = join(root, `layout-${database}`);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return dir;
  } catch (error) {
    say(`the layout is not cached (${(error as Error).message}): it is computed on every start`);
    return undefined;
  }
}
