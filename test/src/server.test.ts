import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../src/build.ts";
import { startServer } from "../../src/server.ts";

let server: Awaited<ReturnType<typeof startServer>>;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "qg-srv-"));
  await buildGraph({
    inputs: [fileURLToPath(new URL("../../samples", import.meta.url))],
    outDir: dataDir,
    layout: false,
  });
  const viewerDir = await mkdtemp(join(tmpdir(), "qg-viewer-"));
  server = await startServer({ dataDir, port: 0, host: "127.0.0.1", viewerDir });
});
afterAll(() => server.close());

const get = (path: string) => fetch(new URL(path, server.url));

describe("quotegraph serve", () => {
  it("listens on 127.0.0.1 by default address given", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("serves the graph in graphology's format", async () => {
    const res = await get("/api/graph");
    expect(res.status).toBe(200);
    const g = (await res.json()) as { nodes: unknown[]; edges: unknown[] };
    expect(g.nodes.length).toBeGreaterThan(10);
  });

  it("finds a person by any alias (舍曼 → Wendy Sherman)", async () => {
    const res = await get(`/api/search?q=${encodeURIComponent("舍曼")}`);
    const { results } = (await res.json()) as { results: { key: string; name: string }[] };
    expect(results[0]?.name).toBe("Wendy Sherman");
  });

  it("lists a person's quotes with the article they came from", async () => {
    const res = await get(`/api/node/${encodeURIComponent("person:julianne-smith")}`);
    expect(res.status).toBe(200);
    const d = (await res.json()) as { quotes: { text: string; articles: { outlet?: string }[] }[] };
    expect(d.quotes.length).toBeGreaterThan(2);
    expect(d.quotes[0]!.articles[0]!.outlet).toBe("voachinese.com");
  });

  it.each([
    ["/api/search?q=", 400, /`q`/],
    ["/api/search?q=x&limit=abc", 400, /`limit`/],
    ["/api/node/%E0%A4%A", 400, /key/],
    ["/api/node/nope", 404, /no node/],
    ["/api/unknown", 404, /unknown/],
  ])("answers %s with %i and names the parameter", async (path, status, message) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  });

  it("serves only its own files", async () => {
    const res = await fetch(`${server.url}..%2f..%2f..%2fetc%2fpasswd`);
    expect([400, 403, 404]).toContain(res.status);
    const text = await res.text();
    expect(text).not.toMatch(/root:/);
  });

  it("refuses methods that would change anything", async () => {
    const res = await fetch(new URL("/api/graph", server.url), { method: "POST" });
    expect(res.status).toBe(405);
  });

  it("reports a taken port as a one-line error", async () => {
    const port = Number(new URL(server.url).port);
    await expect(startServer({ dataDir, port, host: "127.0.0.1" })).rejects.toThrow(/Port \d+ on 127.0.0.1 is taken/);
  });
});
