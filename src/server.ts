import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { GraphIndex } from "./graph-index.ts";
import { UserError } from "./user-error.ts";

/** Options of `quotegraph serve`. */
export interface ServeOptions {
  dataDir: string;
  port: number;
  host: string;
  viewerDir?: string;
}

const VIEWER_DIST = fileURLToPath(new URL("../viewer/dist/", import.meta.url));
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};
const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
const NodeKey = z.string().min(1).max(300);

/** Starts the viewer and the read-only JSON API; resolves once listening. */
export async function startServer(options: ServeOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const index = await GraphIndex.load(options.dataDir);
  const viewerDir = resolve(options.viewerDir ?? VIEWER_DIST);
  const server = createServer((req, res) => {
    handle(req, res, index, viewerDir).catch(() => send(res, 500, { error: "internal error" }));
  });
  await new Promise<void>((done, fail) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      fail(
        error.code === "EADDRINUSE"
          ? new UserError(`Port ${options.port} on ${options.host} is taken; choose another with --port.`)
          : new UserError(`Cannot listen on ${options.host}:${options.port} (${error.code ?? error.message}).`),
      ),
    );
    server.listen(options.port, options.host, done);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, index: GraphIndex, viewerDir: string): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, { error: "only GET and HEAD are served" });
  const url = new URL(req.url ?? "/", "http://localhost");
  const path = url.pathname;
  if (path === "/api/graph") return sendRaw(res, 200, index.graphJson, TYPES[".json"]!);
  if (path === "/api/report") return send(res, 200, index.report);
  if (path === "/api/search") {
    const parsed = SearchQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success)
      return send(res, 400, {
        error: `bad parameter \`${parsed.error.issues[0]!.path.join(".")}\`: ${parsed.error.issues[0]!.message}`,
      });
    return send(res, 200, { results: index.search(parsed.data.q, parsed.data.limit) });
  }
  if (path.startsWith("/api/node/")) {
    const parsed = NodeKey.safeParse(safeDecode(path.slice("/api/node/".length)));
    if (!parsed.success) return send(res, 400, { error: "bad parameter `key`: expecting a node key" });
    const details = index.details(parsed.data);
    return details ? send(res, 200, details) : send(res, 404, { error: `no node ${parsed.data}` });
  }
  if (path.startsWith("/api/")) return send(res, 404, { error: "unknown API path" });
  return serveStatic(res, viewerDir, path);
}

async function serveStatic(res: ServerResponse, root: string, path: string): Promise<void> {
  const decoded = safeDecode(path);
  if (decoded === undefined || decoded.includes("\0")) return send(res, 400, { error: "bad path" });
  const relative = normalize(decoded === "/" ? "/index.html" : decoded).replace(/^([/\\])+/, "");
  const file = join(root, relative);
  // serve only the viewer's own files: nothing outside its folder
  if (!file.startsWith(root + sep)) return send(res, 403, { error: "forbidden" });
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "x-content-type-options": "nosniff",
    });
    res.end(body);
  } catch {
    if (relative === "index.html") {
      return sendRaw(res, 503, "The viewer is not built: run `npm run build:viewer`.\n", "text/plain; charset=utf-8");
    }
    send(res, 404, { error: "not found" });
  }
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  sendRaw(res, status, JSON.stringify(body), TYPES[".json"]!);
}

function sendRaw(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, { "content-type": type, "x-content-type-options": "nosniff", "cache-control": "no-store" });
  res.end(body);
}
