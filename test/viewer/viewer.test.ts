import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../src/build.ts";
import { startServer } from "../../src/server.ts";

// The viewer runs in real headless Chromium (Debian's package; .ci/run installs it).
const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
if (!existsSync(CHROMIUM))
  console.warn(`viewer tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

describe.skipIf(!existsSync(CHROMIUM))("viewer in headless Chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  let shots: string;

  beforeAll(async () => {
    const viewerDir = await mkdtemp(join(tmpdir(), "qg-dist-"));
    await promisify(execFile)(
      process.execPath,
      [
        join(ROOT, "node_modules/vite/bin/vite.js"),
        "build",
        "--config",
        "viewer/vite.config.ts",
        "--outDir",
        viewerDir,
      ],
      { cwd: ROOT },
    );
    const dataDir = await mkdtemp(join(tmpdir(), "qg-data-"));
    await buildGraph({ inputs: [join(ROOT, "samples")], outDir: dataDir });
    server = await startServer({ dataDir, port: 0, host: "127.0.0.1", viewerDir });
    shots = await mkdtemp(join(tmpdir(), "qg-shots-"));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--use-angle=swiftshader",
        "--enable-unsafe-swiftshader",
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("draws the graph, finds a person by an alias and shows their quotes", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    expect(await page.locator("#status").textContent()).toMatch(/\d+ nodes · \d+ edges/);
    expect(await page.locator("#graph canvas").count()).toBeGreaterThan(0);
    await page.fill("#search", "舍曼");
    await page.click("#results li >> nth=0");
    await expect.poll(() => page.locator("#details h2").textContent()).toBe("Wendy Sherman");
    expect(await page.locator("#details .quote").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, "viewer.png") });
    expect(errors).toEqual([]);
  });
});
