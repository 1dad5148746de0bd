import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../src/build.ts";
import { startServer, type RunningServer } from "../../src/server.ts";

// The viewer in real headless Chromium (Debian's package; .ci/run installs it), over the server and a build of the
// five bundled samples; and, when ../shared holds the pen-2411 tarball, over a build of a handful of its pages.
const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PEN_TARBALL = join(ROOT, "../shared/corpus/pen-2411.tar.xz");
if (!existsSync(CHROMIUM))
  console.warn(`viewer tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
if (!existsSync(PEN_TARBALL)) console.warn(`viewer pen-2411 search test skipped: no ${PEN_TARBALL}`);

const run = promisify(execFile);
const BROWSER_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // WebGL without a GPU: SwiftShader, Chromium's software renderer
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];

let browser: Browser;
let viewerDir: string;
let shots: string;

/** Builds the viewer from source into a temporary folder, so the tests run the code as it is now. */
async function buildViewer(): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), "qg-dist-"));
  const vite = join(ROOT, "node_modules/vite/bin/vite.js");
  await run(process.execPath, [vite, "build", "--config", "viewer/vite.config.ts", "--outDir", out], { cwd: ROOT });
  return out;
}

/** Serves a build of some article files. */
async function serveBuild(inputs: string[]): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "qg-data-"));
  await buildGraph({ inputs, outDir: dataDir, layout: false });
  return startServer({ dataDir, port: 0, host: "127.0.0.1", viewerDir });
}

/** A page with the viewer open and drawn; console errors and page errors are collected. */
async function open(server: RunningServer, query = ""): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${server.url}${query}`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  await page.waitForFunction(() => !document.body.dataset["loading"]);
  return { page, errors };
}

/** What the page draws, read from the viewer's handle: node labels and keys. */
const drawn = (page: Page) =>
  page.evaluate(() => {
    type Visit = (key: string, a: { nodeLabel: string; mentions: number }) => void;
    const { view } = (window as unknown as { quotegraph: { view: { graph: { forEachNode: (v: Visit) => void } } } })
      .quotegraph;
    const nodes: { key: string; label: string; mentions: number }[] = [];
    view.graph.forEachNode((key, a) => nodes.push({ key, label: a.nodeLabel, mentions: a.mentions }));
    return nodes;
  });

/**
 * Share of the graph area's pixels that are not background, from a real screenshot decoded in the page: a blank
 * canvas (WebGL failed, nothing drawn) scores near 0.
 */
async function inkedShare(page: Page): Promise<number> {
  const png = (await page.locator("#graph").screenshot()).toString("base64");
  return page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, img.width, img.height).data;
    let inked = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i]! < 235 || px[i + 1]! < 235 || px[i + 2]! < 235) inked++;
    return inked / (px.length / 4);
  }, png);
}

/** Types into the search box and waits for suggestions; returns their text. */
async function suggest(page: Page, q: string): Promise<string[]> {
  await page.fill("#search", q);
  await page.waitForSelector("#results li[data-index]", { timeout: 10_000 });
  return page.locator("#results li b").allTextContents();
}

describe.skipIf(!existsSync(CHROMIUM))("viewer in headless Chromium", () => {
  let server: RunningServer;

  beforeAll(async () => {
    viewerDir = await buildViewer();
    server = await serveBuild([join(ROOT, "samples")]);
    shots = await mkdtemp(join(tmpdir(), "qg-shots-"));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("loads with no console error and draws the entity network on the canvas", async () => {
    const { page, errors } = await open(server);
    expect(await page.locator("#status").textContent()).toMatch(/^\d+ nodes · \d+ edges/);
    const nodes = await drawn(page);
    expect(nodes.length).toBeGreaterThan(10);
    expect(new Set(nodes.map((n) => n.label))).toEqual(new Set(["Person", "Org", "Meeting"]));
    expect(await inkedShare(page)).toBeGreaterThan(0.01);
    await page.screenshot({ path: join(shots, "entities.png") });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("finds Wendy Sherman by 舍曼, selects her and lists her quotes with their sources", async () => {
    const { page, errors } = await open(server);
    expect((await suggest(page, "舍曼"))[0]).toBe("Wendy Sherman");
    await page.click("#results li >> nth=0");
    await expect.poll(() => page.locator("#details h2").textContent()).toBe("Wendy Sherman");
    expect(page.url()).toContain("sel=person%3Awendy-sherman");
    const quotes = page.locator("#details .quote");
    expect(await quotes.count()).toBeGreaterThan(0);
    for (const quote of await quotes.all()) {
      expect(await quote.locator(".text").textContent()).not.toBe("");
      // outlet · date · title (a link where the article has an address: two of the five samples have none)
      expect(await quote.locator(".sources li").first().textContent()).toMatch(/\S+ · \d{4}-\d{2}-\d{2} \S/);
    }
    const links = await page
      .locator("#details .quote .sources a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^https?:\/\//);
    expect(await page.locator("#details").textContent()).toMatch(/Meetings attended/);
    await page.waitForTimeout(700); // the camera's move to her
    await page.screenshot({ path: join(shots, "sherman.png") });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("changes what is drawn when a filter changes, and puts the filter in the URL", async () => {
    const { page, errors } = await open(server);
    const before = await drawn(page);
    await page.locator('#label-filters input[value="Org"]').uncheck();
    await page.waitForFunction((n) => Number(document.body.dataset["nodes"]) < n, before.length);
    const after = await drawn(page);
    expect(after.some((n) => n.label === "Org")).toBe(false);
    expect(after.length).toBe(before.filter((n) => n.label !== "Org").length);
    expect(new URL(page.url()).searchParams.get("labels")).toBe("Person,Meeting");
    // minimum of mentions: the slider's steps are 0, 1, 2, 3, 5, 10…
    await page.locator("#min-mentions").fill("5");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("min") === "10");
    await page.waitForFunction(() => !document.body.dataset["loading"]);
    const few = await drawn(page);
    expect(few.length).toBeLessThan(after.length);
    for (const n of few) expect(n.mentions).toBeGreaterThanOrEqual(10);
    // the browser's back button undoes the last change
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("min"));
    await expect.poll(async () => (await drawn(page)).length).toBe(after.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("toggles the full graph: quotes and articles join the people", async () => {
    const { page, errors } = await open(server);
    await page.click("#mode-full");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("mode") === "full");
    await page.waitForFunction(() => !document.body.dataset["loading"]);
    const labels = new Set((await drawn(page)).map((n) => n.label));
    expect(labels).toEqual(new Set(["Person", "Org", "Meeting", "Quote", "Article"]));
    expect(await page.locator('#label-filters input[value="Quote"]').isChecked()).toBe(true);
    await page.click("#mode-entities");
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("mode"));
    await page.waitForFunction(() => !document.body.dataset["loading"]);
    expect((await drawn(page)).some((n) => n.label === "Quote")).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("restores a shared view from its URL: filters, colouring, selection", async () => {
    const { page, errors } = await open(server, "?labels=Person&min=2&color=community&sel=person%3Awendy-sherman");
    await expect.poll(() => page.locator("#details h2").textContent()).toBe("Wendy Sherman");
    expect(await page.locator('#label-filters input[value="Person"]').isChecked()).toBe(true);
    expect(await page.locator('#label-filters input[value="Org"]').isChecked()).toBe(false);
    expect(await page.locator("#color-mode").inputValue()).toBe("community");
    const nodes = await drawn(page);
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      expect(n.label).toBe("Person");
      expect(n.mentions).toBeGreaterThanOrEqual(2);
    }
    expect(await page.locator("#legend").textContent()).toMatch(/Communities/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows an ego network, expands it, and finds a path between two people", async () => {
    const { page, errors } = await open(server, "?sel=person%3Ajulianne-smith");
    await page.click('#details button[data-action="ego"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll("ego").length === 1);
    await page.waitForFunction(() => !document.body.dataset["loading"]);
    const ego = await drawn(page);
    expect(ego.map((n) => n.key)).toContain("person:julianne-smith");
    expect(await page.locator("#banner").textContent()).toMatch(/Ego network of Julianne Smith/);
    // expand from a neighbour named in her panel (a meeting she attended, or someone quoted alongside)
    const neighbour = page.locator("#details a.node-link").first();
    await neighbour.click();
    await page.waitForFunction(() => !document.body.dataset["loading"]);
    await page.click('#details button[data-action="expand"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll("ego").length === 2);
    await page.waitForFunction(() => !document.body.dataset["loading"]);
    expect((await drawn(page)).length).toBeGreaterThanOrEqual(ego.length);
    // a path: from Jens Stoltenberg to Michael Carpenter, chosen through the search box
    await page.goto(`${server.url}?sel=person%3Ajens-stoltenberg`);
    await page.waitForSelector("body[data-ready=true]");
    await expect.poll(() => page.locator("#details h2").textContent()).toBe("Jens Stoltenberg");
    await page.click('#details button[data-action="path"]');
    expect(await page.locator("#banner").textContent()).toMatch(/second node/);
    await suggest(page, "Michael Carpenter");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll("path").length === 2);
    await page.waitForFunction(() => !document.body.dataset["loading"]);
    const path = await drawn(page);
    expect(path[0]?.key).toBe("person:jens-stoltenberg");
    expect(path.at(-1)?.key).toBe("person:michael-carpenter");
    expect(await page.locator("#banner").textContent()).toMatch(/Path: Jens Stoltenberg → Michael Carpenter/);
    await page.screenshot({ path: join(shots, "path.png") });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("exports the view as PNG and the drawn subgraph as GEXF", async () => {
    const { page, errors } = await open(server, "?labels=Person");
    const [png] = await Promise.all([page.waitForEvent("download"), page.click("#export-png")]);
    const image = await readFile((await png.path())!);
    expect(image.subarray(1, 4).toString()).toBe("PNG");
    expect(image.length).toBeGreaterThan(5_000);
    const [gexf] = await Promise.all([page.waitForEvent("download"), page.click("#export-gexf")]);
    const xml = await readFile((await gexf.path())!, "utf8");
    expect(xml).toMatch(/<gexf[^>]*version="1.3"/);
    expect(xml).toContain("Wendy Sherman");
    expect(xml).not.toContain("NATO"); // an organisation: not drawn under labels=Person
    expect(errors).toEqual([]);
    await page.close();
  });

  describe.skipIf(!existsSync(PEN_TARBALL))("on pages of pen-2411", () => {
    let pen: RunningServer;
    // Nine pages of ../shared/corpus/pen-2411.tar.xz (November 2024) that name Trump: CNA writes 川普 in traditional
    // script, DW, NYT and RTHK write 特朗普.
    const PAGES = [
      "cna/2024/11/01/CNA-中國留學生在美非法投票遭刑事起訴-選票仍列入計算.html",
      "cna/2024/11/01/CNA-美10月僅增1.2萬就業人口創拜登上台新低-歸咎颶風和罷工.html",
      "cna/2024/11/02/CNA-川普2.0進擊白宮-非典型狂人總統征途選戰打法升級.html",
      "dw/2024/11/01/DW-2024年美国大选结果对德国有何影响.html",
      "dw/2024/11/02/DW-兄弟情谊-不断升温-欧尔班准备开香槟贺特朗普胜选.html",
      "dw/2024/11/02/DW-美国华盛顿州动用国民警卫队预防大选骚乱.html",
      "rthk/2024/11/07/RTHK-分析-特朗普提出加關稅等政策料不影響聯儲局短期減息步伐.html",
      "nyt/2024/11/21/NYT-特朗普新内阁集结对华鹰派-他本人会强硬到底吗.html",
      "cna/2024/11/01/CNA-美大選前-俄外長放話-美俄處於直接軍事衝突邊緣.html",
    ];
    beforeAll(async () => {
      const dir = await mkdtemp(join(tmpdir(), "qg-pen-"));
      await run("tar", ["-xJf", PEN_TARBALL, "-C", dir, ...PAGES.map((p) => `pen-2411/${p}`)]);
      pen = await serveBuild([join(dir, "pen-2411")]);
    });
    afterAll(async () => {
      await pen?.close();
    });

    it.each(["特朗普", "川普", "Trump"])("puts Donald Trump first when searching %s", async (q) => {
      const { page, errors } = await open(pen);
      expect((await suggest(page, q))[0]).toBe("Donald Trump");
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("#details h2").textContent()).toBe("Donald Trump");
      if (q === "特朗普") await page.screenshot({ path: join(shots, "pen-trump.png") });
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
