import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, EntityDetails, Facets, GraphInfo, GraphSlice, ReportPage, SearchHit } from "../../schema/api.ts";
import { buildGraph } from "../../src/build.ts";
import { startServer, type RunningServer } from "../../src/server.ts";

// The server over a build of the five bundled sample articles (samples/, copied from ../shared/seeds), with a small
// stand-in viewer folder made here: the tests check what is served and what is refused, not the page itself.
let server: RunningServer;
let dataDir: string;
let viewerDir: string;
const SECRET = "secret-outside-the-viewer";

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), "qg-srv-"));
  dataDir = join(root, "data");
  await buildGraph({
    inputs: [fileURLToPath(new URL("../../samples", import.meta.url))],
    outDir: dataDir,
    layout: false,
  });
  viewerDir = join(root, "viewer");
  await mkdir(join(viewerDir, "assets"), { recursive: true });
  await writeFile(join(viewerDir, "index.html"), "<!doctype html><title>quotegraph</title>");
  await writeFile(join(viewerDir, "assets", "app.js"), "console.log('viewer');");
  await writeFile(join(viewerDir, ".env"), SECRET);
  await writeFile(join(root, "secret.txt"), SECRET);
  server = await startServer({ dataDir, port: 0, host: "127.0.0.1", viewerDir });
});
afterAll(() => server.close());

const get = (path: string, init?: RequestInit) => fetch(`${server.url.replace(/\/$/, "")}${path}`, init);
const json = async <T>(path: string): Promise<T> => {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

/** Sends raw bytes and returns the raw answer: for requests fetch() refuses to make. */
function raw(request: string): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((done, fail) => {
    const socket = connect(Number(port), "127.0.0.1", () => socket.end(request));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
    socket.on("end", () => done(answer));
    socket.on("error", fail);
    socket.setTimeout(5_000, () => socket.destroy(new Error("no answer")));
  });
}

describe("quotegraph serve: the API", () => {
  it("listens on 127.0.0.1 when no host is given", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("describes the graph: counts, the entity layer and its communities", async () => {
    const info = GraphInfo.parse(await json("/api/info"));
    expect(info.counts.Person).toBeGreaterThan(10);
    expect(info.entityLayer.nodes).toBe(
      (info.counts.Person ?? 0) + (info.counts.Org ?? 0) + (info.counts.Meeting ?? 0),
    );
    expect(info.communities[0]!.size).toBeGreaterThan(1);
  });

  it("opens on the entity layer: people, organisations and meetings, no quote or article dots", async () => {
    const view = GraphSlice.parse(await json("/api/view"));
    const labels = new Set(view.nodes.map((n) => n[1]));
    expect([...labels].sort()).toEqual(["Meeting", "Org", "Person"]);
    expect(view.nodes.map((n) => n[0])).toContain("person:wendy-sherman");
    expect(view.edges.length).toBeGreaterThan(0);
    // the most mentioned first
    const mentions = view.nodes.map((n) => n[5]);
    expect(mentions).toEqual([...mentions].sort((a, b) => b - a));
  });

  it("sends the full graph only when asked, and only up to the limit", async () => {
    const full = GraphSlice.parse(await json("/api/view?mode=full&limit=60000"));
    expect(full.nodes.some((n) => n[1] === "Quote")).toBe(true);
    expect(full.nodes.some((n) => n[1] === "Article")).toBe(true);
    const cut = GraphSlice.parse(await json("/api/view?mode=full&limit=10"));
    expect(cut.nodes).toHaveLength(10);
    expect(cut.matched.nodes).toBe(full.nodes.length);
    for (const [s, t] of cut.edges) expect(Math.max(s, t)).toBeLessThan(10);
  });

  it("answers 304 to a request whose ETag has not changed, and compresses large answers", async () => {
    const first = await get("/api/view", { headers: { "accept-encoding": "br" } });
    expect(first.headers.get("content-encoding")).toBe("br");
    const tag = first.headers.get("etag");
    expect(tag).toMatch(/^W\/".+"$/);
    const again = await get("/api/view", { headers: { "if-none-match": tag! } });
    expect(again.status).toBe(304);
    const other = await get("/api/view?limit=3", { headers: { "if-none-match": tag! } });
    expect(other.status).toBe(200);
  });

  it("lists outlets and articles per day for the filters", async () => {
    const facets = Facets.parse(await json("/api/facets"));
    expect(facets.outlets.map((o) => o.name)).toContain("voachinese.com");
    expect(facets.days.reduce((s, d) => s + d.count, 0) + facets.undated).toBe(5);
  });

  it("finds a person by any alias (舍曼 → Wendy Sherman)", async () => {
    const { results } = (await json(`/api/search?q=${encodeURIComponent("舍曼")}`)) as { results: SearchHit[] };
    expect(results[0]).toMatchObject({ name: "Wendy Sherman", label: "Person", exact: true });
  });

  it("lists a person's quotes with the article they came from", async () => {
    const d = EntityDetails.parse(await json(`/api/node/${encodeURIComponent("person:julianne-smith")}`));
    expect(d.quotes.total).toBeGreaterThan(2);
    expect(d.quotes.items[0]!.articles[0]!.outlet).toBe("voachinese.com");
    const page = EntityDetails.parse(
      await json(`/api/node/${encodeURIComponent("person:julianne-smith")}?offset=1&limit=1`),
    );
    expect(page.quotes.items).toHaveLength(1);
    expect(page.quotes.items[0]!.key).toBe(d.quotes.items[1]!.key);
  });

  it("pages through the build report", async () => {
    const report = ReportPage.parse(await json("/api/report?limit=2"));
    expect(report.files.total).toBe(5);
    expect(report.files.items).toHaveLength(2);
    expect(report.totals["Person"]).toBeGreaterThan(10);
  });

  it("answers /api/health after everything else", async () => {
    expect(await json("/api/health")).toMatchObject({ ok: true });
  });
});

describe("quotegraph serve: refusing what it should not answer", () => {
  it.each([
    ["/api/search?q=", /`q`/],
    [`/api/search?q=${"x".repeat(201)}`, /`q`/],
    ["/api/search?q=x&limit=abc", /`limit`/],
    ["/api/search?q=x&limit=0", /`limit`/],
    ["/api/view?mode=everything", /`mode`/],
    ["/api/view?limit=1000000", /`limit`/],
    ["/api/view?labels=Person,Planet", /`labels/],
    ["/api/view?dateFrom=yesterday", /`dateFrom`/],
    ["/api/view?minMentions=-1", /`minMentions`/],
    [`/api/view?${Array.from({ length: 51 }, (_, i) => `outlet=o${i}`).join("&")}`, /`outlet`/],
    ["/api/ego", /`key`/],
    [`/api/ego?key=${"k".repeat(301)}`, /`key/],
    ["/api/ego?key=person:wendy-sherman&depth=9", /`depth`/],
    ["/api/path?source=person:wendy-sherman", /`target`/],
    [`/api/node/${"k".repeat(301)}`, /`key`/],
    ["/api/node/person:julianne-smith?limit=100000", /`limit`/],
  ])("answers %s with 400 naming the parameter", async (path, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/json/);
    const body = ApiError.parse(await res.json());
    expect(body.error).toMatch(message);
    expect(body.error).not.toMatch(/\n\s+at /); // no stack trace
  });

  it.each([
    ["/api/node/nope", 404, /no node/],
    ["/api/unknown", 404, /unknown API path/],
    ["/api/node/%E0%A4%A", 400, /percent-encoding/],
  ])("answers %s with %i and a one-line JSON error", async (path, status, message) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(ApiError.parse(await res.json()).error).toMatch(message);
  });

  it.each([
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/..%2fsecret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/%252e%252e%252fsecret.txt",
    "/assets/%2e%2e/%2e%2e/secret.txt",
    "/..\\secret.txt",
    "/secret.txt",
    "/.env",
    "/index.html%00.js",
    "/etc/passwd",
    "//etc/passwd",
  ])("serves nothing outside the viewer's files: %s", async (path) => {
    // raw, so neither fetch nor URL normalises the dots away before the server sees them
    const answer = await raw(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(answer).not.toContain(SECRET);
    expect(answer).not.toMatch(/root:.*:0:0:/);
  });

  it("serves the viewer's own files with security headers", async () => {
    for (const path of ["/", "/assets/app.js", "/api/info"]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it.each(["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])("refuses %s with 405", async (method) => {
    const res = await get("/api/info", { method, body: method === "POST" ? "x".repeat(10_000) : null });
    expect(res.status).toBe(405);
    expect(ApiError.parse(await res.json()).error).toMatch(method);
  });

  it("refuses a request line longer than the header limit and stays up", async () => {
    const res = await get(`/api/search?q=${"x".repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect((await get("/api/health")).status).toBe(200);
  });

  it.each([
    "GARBAGE\r\n\r\n",
    "GET / HTTP/9.9\r\n\r\n",
    "GET /api/info HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
    "GET /api/info HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc",
    "\u0000\u0001\u0002\r\n\r\n",
  ])("answers a malformed request with a 4xx and stays up (%#)", async (request) => {
    const answer = await raw(request);
    expect(answer).toMatch(/^HTTP\/1\.[01] 4\d\d/);
    expect((await get("/api/health")).status).toBe(200);
  });

  it("reports a taken port as a one-line error", async () => {
    const port = Number(new URL(server.url).port);
    await expect(startServer({ dataDir, port, host: "127.0.0.1", viewerDir })).rejects.toThrow(
      /Port \d+ on 127.0.0.1 is taken/,
    );
  });

  it("asks a source that can change (Neo4j) for a new build before each ETag; a new version changes every ETag", async () => {
    // the sample build behind a version that changes as a newly loaded build's would (Neo4jSource swaps it in)
    let version = "build-1";
    let checks = 0;
    const changing = new Proxy(server.source, {
      get: (target, name) =>
        name === "version" ? version : name === "checkForUpdate" ? () => checks++ : Reflect.get(target, name),
    });
    const other = await startServer({ source: changing, port: 0, host: "127.0.0.1", viewerDir });
    try {
      const info = new URL("/api/info", other.url);
      const first = await fetch(info);
      const tag = first.headers.get("etag")!;
      expect(tag).toContain("build-1");
      expect((await fetch(info, { headers: { "if-none-match": tag } })).status).toBe(304);
      expect(checks).toBe(2); // the answer from the ETag alone asked too: a browser holding it asks only so
      version = "build-2";
      const next = await fetch(info, { headers: { "if-none-match": tag } });
      expect(next.status).toBe(200);
      expect(next.headers.get("etag")).toContain("build-2");
    } finally {
      await other.close();
    }
  });

  it("answers 503 with the command to run when the viewer is not built, and the API still works", async () => {
    const empty = await mkdtemp(join(tmpdir(), "qg-noviewer-"));
    const lines: string[] = [];
    const other = await startServer({
      source: server.source,
      port: 0,
      host: "127.0.0.1",
      viewerDir: empty,
      onProgress: (m) => lines.push(m),
    });
    try {
      const page = await fetch(other.url);
      expect(page.status).toBe(503);
      expect(await page.text()).toMatch(/npm run build:viewer/);
      expect((await fetch(new URL("/api/info", other.url))).status).toBe(200);
      expect(lines.join("\n")).toMatch(/not built/);
    } finally {
      await other.close();
    }
  });
});
