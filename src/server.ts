import fastifyCompress from "@fastify/compress";
import fastifyHelmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyError, type FastifyReply } from "fastify";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { constants as zlib } from "node:zlib";
import { BuildDirSource } from "./build-dir-source.ts";
import type { GraphSource } from "./graph-source.ts";
import type { Neo4jSourceOptions } from "./neo4j-source.ts";
import { registerApi } from "./server/routes.ts";
import {
  HELMET_OPTIONS,
  MAX_BODY_BYTES,
  MAX_HEADER_BYTES,
  MAX_PARAM_CHARS,
  REQUEST_TIMEOUT_MS,
} from "./server/security.ts";
import { UserError } from "./user-error.ts";

/** Options of `quotegraph serve`. */
export interface ServeOptions {
  /** Build folder holding graph.json; read through BuildDirSource unless `source` or `neo4j` is given. */
  dataDir?: string;
  /** Read the graph from Neo4j (Neo4jSource) instead of a build folder. */
  neo4j?: Omit<Neo4jSourceOptions, "onProgress">;
  /** A source opened by the caller, who closes it; overrides `dataDir` and `neo4j`. */
  source?: GraphSource;
  port: number;
  host: string;
  /** Folder of the built viewer; viewer/dist by default. */
  viewerDir?: string;
  /** One line per slow step of start-up, for the terminal. */
  onProgress?: (message: string) => void;
}

/** A running server. */
export interface RunningServer {
  url: string;
  source: GraphSource;
  close: () => Promise<void>;
}

const VIEWER_DIST = fileURLToPath(new URL("../viewer/dist/", import.meta.url));

/** The source `serve` reads from: Neo4j when asked, else the build folder. */
async function openSource(options: ServeOptions, say: (message: string) => void): Promise<GraphSource> {
  if (options.neo4j) {
    // imported only here: serving a build folder never loads the driver
    const { Neo4jSource } = await import("./neo4j-source.ts");
    return Neo4jSource.open({ ...options.neo4j, onProgress: say });
  }
  if (!options.dataDir)
    throw new UserError("serve: give --data <dir> (a build folder), or --neo4j with NEO4J_URI or --uri set.", 2);
  return BuildDirSource.open(options.dataDir, { onProgress: say });
}

/** Starts the viewer and the read-only JSON API; resolves once listening. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const say = options.onProgress ?? (() => {});
  const source = options.source ?? (await openSource(options, say));
  const viewerDir = resolve(options.viewerDir ?? VIEWER_DIST);
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    requestTimeout: REQUEST_TIMEOUT_MS,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    routerOptions: { maxParamLength: MAX_PARAM_CHARS, ignoreDuplicateSlashes: false },
    frameworkErrors: (_error, _request, reply) => {
      // a path that is not valid percent-encoding (/api/node/%E0%A4%A)
      (reply as FastifyReply).code(400).send({ error: "bad URL: the path is not valid percent-encoding" });
    },
  });
  // only reading is served: anything else is refused before a body is read
  app.addHook("onRequest", async (request, reply) => {
    if (request.method !== "GET" && request.method !== "HEAD")
      return reply
        .code(405)
        .header("allow", "GET, HEAD")
        .send({ error: `method ${request.method} is not served` });
  });
  await app.register(fastifyHelmet, HELMET_OPTIONS);
  await app.register(fastifyCompress, {
    global: true,
    encodings: ["br", "gzip"],
    // brotli's default quality (11) takes seconds on a 5 MB view; 4 compresses as well as gzip -9, ten times faster
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    // expected failures name the parameter; anything else is one generic line, never a stack trace
    reply.code(status).send({ error: status < 500 ? error.message : "internal error" });
  });
  app.setNotFoundHandler((request, reply) => {
    const api = request.url.startsWith("/api/");
    reply.code(404).send({ error: api ? `unknown API path ${request.url.split("?")[0]}` : "not found" });
  });
  await registerApi(app, source);
  if (existsSync(join(viewerDir, "index.html"))) {
    // wildcard: false registers one route per file found now, so nothing outside the built viewer can be reached
    await app.register(fastifyStatic, {
      root: viewerDir,
      wildcard: false,
      index: "index.html",
      dotfiles: "deny",
      setHeaders: (res, path) =>
        res.setHeader(
          "cache-control",
          // Vite names assets by content hash: they never change; the page itself is revalidated
          path.includes(`${join("assets", "")}`) ? "public, max-age=31536000, immutable" : "no-cache",
        ),
    });
  } else {
    say(`the viewer is not built in ${viewerDir}: run \`npm run build:viewer\` (the API still answers)`);
    app.get("/", (_request, reply) =>
      reply.code(503).type("text/plain; charset=utf-8").send("The viewer is not built: run `npm run build:viewer`.\n"),
    );
  }
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    await app.close();
    if (!options.source) await source.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw code === "EADDRINUSE"
      ? new UserError(`Port ${options.port} on ${options.host} is taken; choose another with --port.`)
      : new UserError(`Cannot listen on ${options.host}:${options.port} (${code ?? (error as Error).message}).`);
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}/`,
    source,
    close: async () => {
      await app.close();
      if (!options.source) await source.close();
    },
  };
}
