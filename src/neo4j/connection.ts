import neo4j, { type Driver } from "neo4j-driver";
import { readFile } from "node:fs/promises";
import { UserError } from "../user-error.ts";

/** Where and as whom to connect. The password is never printed, logged or put into an error message. */
export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

/** Connection options given on the command line; each falls back to its NEO4J_* variable. */
export interface ConnectionFlags {
  uri?: string;
  user?: string;
  database?: string;
  /** a file holding the password: a password on the command line would show in `ps` and the shell history */
  passwordFile?: string;
}

/** Connection settings from flags, else NEO4J_URI, NEO4J_USER (or NEO4J_USERNAME), NEO4J_PASSWORD, NEO4J_DATABASE. */
export async function neo4jSettings(flags: ConnectionFlags = {}, env = process.env): Promise<Neo4jSettings> {
  const uri = flags.uri ?? env["NEO4J_URI"];
  if (!uri) throw new UserError("NEO4J_URI is not set and no --uri given (for example bolt://127.0.0.1:7687).", 2);
  let password = env["NEO4J_PASSWORD"] ?? "";
  if (flags.passwordFile) {
    try {
      password = (await readFile(flags.passwordFile, "utf8")).replace(/\r?\n$/, "");
    } catch (error) {
      throw new UserError(
        `--password-file ${flags.passwordFile}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}`,
        2,
      );
    }
  }
  const settings: Neo4jSettings = {
    uri,
    user: flags.user ?? env["NEO4J_USER"] ?? env["NEO4J_USERNAME"] ?? "neo4j",
    password,
  };
  const database = flags.database ?? env["NEO4J_DATABASE"];
  if (database) settings.database = database;
  return settings;
}

/** The URI as it may be shown: user and password, should the URI carry them, are cut out. */
export function displayUri(uri: string): string {
  try {
    const url = new URL(uri);
    url.username = "";
    url.password = "";
    return url.toString().replace(/\/$/, "");
  } catch {
    return "(the NEO4J_URI given, which is not a URL)";
  }
}

/** What a failed connection attempt means for the user. */
export type ConnectionProblem = "auth" | "database" | "unavailable" | "other";

/** Sorts a driver error: worth waiting for (server still starting), or final (wrong password, no such database). */
export function classifyConnectionError(error: unknown): ConnectionProblem {
  const code = String((error as { code?: unknown }).code ?? "");
  if (code.startsWith("Neo.ClientError.Security.")) return "auth";
  if (code === "Neo.ClientError.Database.DatabaseNotFound") return "database";
  if (code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED) return "unavailable";
  if (code.startsWith("Neo.TransientError.") || code === "Neo.ClientError.Database.DatabaseUnavailable")
    return "unavailable";
  if (/ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH/.test(String((error as Error).message)))
    return "unavailable";
  return "other";
}

/** The part of a driver error worth one line: the socket error behind "Failed to connect…", else the first line. */
export function reasonOf(error: unknown): string {
  const message = String((error as Error).message ?? error);
  const cause = /Caused by: (.*)$/m.exec(message);
  return (cause?.[1] ?? message.split("\n")[0] ?? "").trim();
}

/** Options of {@link connectNeo4j}. */
export interface ConnectOptions {
  /** how long to keep retrying while the server is unreachable (it may be starting), in seconds */
  waitSeconds: number;
  onWait?: (message: string) => void;
}

/**
 * Opens a driver and waits, with growing pauses, until the server accepts the credentials. A wrong password or a
 * missing database fails at once with one line; an unreachable server after `waitSeconds`.
 */
export async function connectNeo4j(settings: Neo4jSettings, options: ConnectOptions): Promise<Driver> {
  const where = displayUri(settings.uri);
  let driver: Driver;
  try {
    driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
      userAgent: "quotegraph",
      connectionTimeout: 10_000,
    });
  } catch (error) {
    throw new UserError(`NEO4J_URI ${where} is not a Neo4j address: ${reasonOf(error)}`, 2);
  }
  const started = Date.now();
  let pause = 500;
  for (;;) {
    try {
      await driver.verifyConnectivity(settings.database ? { database: settings.database } : {});
      return driver;
    } catch (error) {
      const problem = classifyConnectionError(error);
      const waited = Math.round((Date.now() - started) / 1000);
      const canWait = problem === "unavailable" && Date.now() - started + pause <= options.waitSeconds * 1000;
      if (!canWait) {
        await driver.close();
        if (problem === "auth")
          throw new UserError(
            `Neo4j at ${where} refused user "${settings.user}": wrong user name or password (NEO4J_USER, NEO4J_PASSWORD).`,
          );
        if (problem === "database")
          throw new UserError(`Neo4j at ${where} has no database "${settings.database}" (NEO4J_DATABASE).`);
        throw new UserError(
          `Cannot reach Neo4j at ${where}${waited > 0 ? ` after waiting ${waited} s` : ""}: ${reasonOf(error)}`,
        );
      }
      options.onWait?.(`Neo4j at ${where} is not answering yet (${reasonOf(error)}); retrying in ${pause / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 5000);
    }
  }
}
