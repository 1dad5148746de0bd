import Graph from "graphology";
import Sigma from "sigma";
import { LABEL_COLORS } from "../../schema/palette.ts";

const COLORS: Record<string, string> = LABEL_COLORS;

const status = document.getElementById("status")!;
const details = document.getElementById("details")!;
const results = document.getElementById("results")!;
const search = document.getElementById("search") as HTMLInputElement;

/** Escapes text for HTML. */
const esc = (s: unknown): string =>
  String(s ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

async function main(): Promise<void> {
  const res = await fetch("./api/graph");
  if (!res.ok) throw new Error(`GET /api/graph: ${res.status}`);
  const graph = new Graph({ type: "directed" });
  graph.import(await res.json());
  graph.forEachNode((key, a) => {
    const label = a["label"] as string;
    const mentions = (a["mentions"] as number | undefined) ?? 1;
    graph.mergeNodeAttributes(key, {
      nodeLabel: label,
      label: label === "Quote" ? String(a["text"]).slice(0, 24) + "…" : (a["name"] ?? a["title"] ?? key),
      color: COLORS[label] ?? "#999",
      size: label === "Person" || label === "Org" ? 4 + 2 * Math.log2(1 + mentions) : label === "Article" ? 4 : 3,
      x: (a["x"] as number | undefined) ?? Math.random(),
      y: (a["y"] as number | undefined) ?? Math.random(),
    });
  });
  // sigma reads `type` as the edge program; the relationship type moves to `relation`
  graph.forEachEdge((e, a) =>
    graph.mergeEdgeAttributes(e, { relation: a["type"], type: "arrow", size: 1, color: "#ccc" }),
  );
  const renderer = new Sigma(graph, document.getElementById("graph")!, {
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 8,
  });
  let selected: string | undefined;
  renderer.setSetting("nodeReducer", (key, data) => {
    if (!selected) return data;
    if (key === selected || graph.areNeighbors(key, selected)) return { ...data, zIndex: 1 };
    return { ...data, color: "#eee", label: "" };
  });
  const select = async (key: string): Promise<void> => {
    selected = key;
    renderer.refresh();
    const pos = renderer.getNodeDisplayData(key);
    if (pos) renderer.getCamera().animate({ x: pos.x, y: pos.y, ratio: 0.4 }, { duration: 400 });
    await showDetails(key);
  };
  renderer.on("clickNode", ({ node }) => void select(node));
  renderer.on("clickStage", () => {
    selected = undefined;
    renderer.refresh();
  });
  search.addEventListener("input", async () => {
    const q = search.value.trim();
    if (!q) {
      results.innerHTML = "";
      return;
    }
    const r = await fetch(`./api/search?q=${encodeURIComponent(q)}&limit=15`);
    const { results: hits } = (await r.json()) as {
      results: { key: string; label: string; name: string; matched: string }[];
    };
    results.innerHTML = hits
      .map(
        (h) =>
          `<li data-key="${esc(h.key)}"><b>${esc(h.name)}</b> <small>${esc(h.label)} · ${esc(h.matched)}</small></li>`,
      )
      .join("");
  });
  results.addEventListener("click", (ev) => {
    const li = (ev.target as HTMLElement).closest("li");
    if (li?.dataset["key"]) {
      results.innerHTML = "";
      void select(li.dataset["key"]);
    }
  });
  document.getElementById("legend")!.innerHTML = Object.entries(COLORS)
    .map(([label, color]) => `<span><i style="background:${color}"></i>${label}</span>`)
    .join("");
  status.textContent = `${graph.order} nodes · ${graph.size} edges`;
  document.body.dataset["ready"] = "true";
}

async function showDetails(key: string): Promise<void> {
  const res = await fetch(`./api/node/${encodeURIComponent(key)}`);
  if (!res.ok) {
    details.innerHTML = `<p>Cannot load ${esc(key)}.</p>`;
    return;
  }
  const d = (await res.json()) as {
    attributes: Record<string, unknown>;
    quotes: {
      text: string;
      kind: string;
      articles: { title: string; outlet?: string; published?: string; url?: string }[];
    }[];
    neighbours: { key: string; label: string; name: string }[];
  };
  const a = d.attributes;
  const list = (xs: unknown): string => ((xs as string[] | undefined) ?? []).map(esc).join("、") || "—";
  const quotes = d.quotes
    .map((q) => {
      const art = q.articles[0];
      const source = art
        ? `${esc(art.outlet ?? "")} ${esc(art.published ?? "")} ${art.url ? `<a href="${esc(art.url)}" target="_blank" rel="noopener">${esc(art.title)}</a>` : esc(art.title)}`
        : "";
      return `<div class="quote">${q.kind === "direct" ? "“" : ""}${esc(q.text)}${q.kind === "direct" ? "”" : ""}<div class="meta">${esc(q.kind)} · ${source}</div></div>`;
    })
    .join("");
  const neighbours = d.neighbours
    .filter((n) => n.label !== "Quote")
    .map((n) => `<li>${esc(n.label)}: ${esc(n.name)}</li>`)
    .join("");
  details.innerHTML = `
    <h2>${esc(a["name"] ?? a["title"] ?? a["text"])}</h2>
    <div class="meta">${esc(a["label"])}${a["date"] ? ` · ${esc(a["date"])}` : ""}${a["location"] ? ` · ${esc(a["location"])}` : ""}${a["wikidata"] ? ` · ${esc(a["wikidata"])}` : ""}</div>
    ${a["aliases"] ? `<p><b>Also written</b> ${list(a["aliases"])}</p>` : ""}
    ${a["titles"] ? `<p><b>Titles</b> ${list(a["titles"])}</p>` : ""}
    ${quotes ? `<h3>Quotes (${d.quotes.length})</h3>${quotes}` : ""}
    ${neighbours ? `<h3>Connected</h3><ul>${neighbours}</ul>` : ""}`;
}

main().catch((error: unknown) => {
  status.textContent = `error: ${(error as Error).message}`;
});
