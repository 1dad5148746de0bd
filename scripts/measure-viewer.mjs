#!/usr/bin/env node
// Measures the viewer in headless Chromium (Debian's, WebGL in software through SwiftShader):
//   time to first render: from navigation start to the first frame of the graph finished on the GPU
//     (the page marks `quotegraph:first-render` after sigma's first render and a gl.finish());
//   panning frame rate: frames sigma renders per second while the camera pans around a circle for 3 s (twelve
//     250 ms camera animations; sigma treats them as a drag: edges are hidden while moving on large views).
// Usage: node scripts/measure-viewer.mjs <build folder> [--query "?mode=full&limit=60000"] [--screenshot file.png]
//        [--runs 3] [--select person:donald-trump]
// It starts `quotegraph serve` on a free port (the layout is cached beside graph.json after the first start, so run
// it once before measuring), prints one line per run and the machine's load average, and stops the server.
/* global performance -- used inside page.evaluate, which runs in the browser */
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dataDir = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
if (!dataDir) {
  process.stderr.write("usage: node scripts/measure-viewer.mjs <build folder> [--query ?…] [--screenshot f.png]\n");
  process.exit(2);
}
const query = option("query", "");
const runs = Number(option("runs", "3"));
const screenshot = option("screenshot");
const select = option("select");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Starts the server and resolves with its URL once it listens. */
function serve() {
  const cli = fileURLToPath(new URL("../bin/quotegraph.mjs", import.meta.url));
  const child = spawn(process.execPath, [cli, "serve", "--data", dataDir, "--port", "0"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr.on("data", (chunk) => {
      err += chunk;
      const url = /viewer on (http:\/\/\S+)/.exec(err)?.[1];
      if (url) resolve({ url, child });
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

/** One page load: first render, the view's size, and the frame rate of a 3-second drag. */
async function measure(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${url}${query}`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 120_000 });
  const firstRender = await page.evaluate(() => performance.getEntriesByName("quotegraph:first-render")[0].startTime);
  const status = await page.locator("#status").textContent();
  // pan the camera around a circle for 3 s, as a drag does, and count the frames sigma renders meanwhile
  const { frames, seconds } = await page.evaluate(async () => {
    const renderer = window.quotegraph.view.renderer;
    const camera = renderer.getCamera();
    let frames = 0;
    const count = () => frames++;
    renderer.on("afterRender", count);
    const start = camera.getState();
    const t0 = performance.now();
    for (let step = 0; step < 12; step++) {
      const angle = (step / 12) * 2 * Math.PI;
      await camera.animate(
        { x: start.x + 0.15 * start.ratio * Math.cos(angle), y: start.y + 0.15 * start.ratio * Math.sin(angle) },
        { duration: 250, easing: "linear" },
      );
    }
    renderer.off("afterRender", count);
    return { frames, seconds: (performance.now() - t0) / 1000 };
  });
  if (screenshot) {
    if (select) {
      await page.fill("#search", select);
      await page.waitForSelector("#results li[data-index]");
      await page.keyboard.press("Enter");
      await page.waitForSelector("#details h2");
      await page.waitForTimeout(1500);
    } else await page.waitForTimeout(500);
    await page.screenshot({ path: screenshot });
  }
  await page.close();
  return { firstRender, fps: frames / seconds, status };
}

const { url, child } = await serve();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    "--headless",
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
try {
  const load = loadavg()[0].toFixed(1);
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await measure(browser, url);
    results.push(r);
    process.stdout.write(
      `run ${i + 1}: first render ${(r.firstRender / 1000).toFixed(2)} s, panning ${r.fps.toFixed(1)} frames/s (${r.status})\n`,
    );
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  process.stdout.write(
    `${dataDir}${query}: median first render ${(median(results.map((r) => r.firstRender)) / 1000).toFixed(2)} s, ` +
      `panning ${median(results.map((r) => r.fps)).toFixed(1)} frames/s; load average ${load} → ${loadavg()[0].toFixed(1)} (2 cores)\n`,
  );
} finally {
  await browser.close();
  child.kill();
}
