import type { GraphInfo, SearchHit } from "../../schema/api.ts";
import { fetchDetails, fetchFacets, fetchInfo, fetchSlice } from "./api.ts";
import { detailsHtml, moreQuotesHtml, wirePanel } from "./details-panel.ts";
import { byId, esc, fmt } from "./dom.ts";
import { downloadText, exportPng, visibleGexf } from "./export.ts";
import { FiltersPanel } from "./filters-panel.ts";
import { GraphView } from "./graph-view.ts";
import { renderLegend } from "./legend.ts";
import { wireSearch } from "./search-box.ts";
import { DEFAULT_LIMIT, FULL_LIMIT, formatState, parseState, sameGraph, type ViewState } from "./state.ts";

const status = byId("status");
const details = byId("details");
const banner = byId("banner");
const view = new GraphView(byId("graph"));
let state: ViewState = parseState(location.search);
let info: GraphInfo;
let filters: FiltersPanel;
/** The first node of a path being chosen: the next node chosen (search or click) ends the path. */
let pathStart: string | undefined;
let loading: AbortController | undefined;
let firstRender = true;
/** Names of nodes seen in search hits and panels, for the banner when a node is not drawn. */
const names = new Map<string, string>();
/** Whether the next selection moves the camera (chosen by search or from the panel, not clicked on the canvas). */
let focusNext = false;

// A handle for tests and the measurement script (scripts/measure-viewer.mjs), and for curious users in the console.
Object.assign(window, { quotegraph: { view, state: () => state } });

/** Moves to a new state: the URL follows (so a view can be shared), then the graph, colours and panel. */
async function update(patch: Partial<ViewState>, history: "push" | "replace" | "none" = "push"): Promise<void> {
  const previous = state;
  state = { ...state, ...patch };
  if (history !== "none") {
    const url = `${location.pathname}${formatState(state)}`;
    if (history === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }
  filters.sync(state);
  syncToolbar();
  if (!sameGraph(previous, state) || history === "none") await loadGraph();
  else if (previous.color !== state.color) {
    view.setColorMode(state.color);
    renderLegend(byId("legend"), view, state.color, info.communities);
  }
  const egoToggled = previous.ego.length > 0 !== state.ego.length > 0;
  if (previous.selected !== state.selected || history === "none" || egoToggled) {
    // a restored link, a search hit or a name in the panel brings the camera to the node; a click on it does not,
    // nor does a new ego network or path, which is small and drawn whole
    const small = state.ego.length > 0 || state.path !== undefined;
    await showSelection((history === "none" || focusNext) && !small);
  }
  focusNext = false;
}

/** Fetches and draws the part of the graph the state asks for. */
async function loadGraph(): Promise<void> {
  loading?.abort();
  loading = new AbortController();
  document.body.dataset["loading"] = "true";
  status.textContent = "loading…";
  try {
    const slice = await fetchSlice(state, loading.signal);
    view.show(slice, state.color);
    syncToolbar();
    renderLegend(byId("legend"), view, state.color, info.communities);
    const of = slice.matched.nodes > slice.nodes.length ? ` of ${fmt(slice.matched.nodes)}` : "";
    status.textContent = `${fmt(slice.nodes.length)}${of} nodes · ${fmt(view.graph.size)} edges`;
    if (state.path && slice.path?.length === 0) status.textContent += " · no path joins them under these filters";
    document.body.dataset["nodes"] = String(view.graph.order);
    if (firstRender) {
      firstRender = false;
      view.renderer.once("afterRender", () => {
        // WebGL draws asynchronously: wait for the frame to be finished before calling it rendered
        for (const canvas of Object.values(view.renderer.getCanvases())) {
          const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
          gl?.finish();
        }
        performance.mark("quotegraph:first-render");
        document.body.dataset["ready"] = "true";
      });
      view.renderer.refresh();
    }
  } catch (error) {
    if ((error as Error).name === "AbortError") return;
    status.textContent = `error: ${(error as Error).message}`;
  } finally {
    delete document.body.dataset["loading"];
  }
}

/** Highlights the selected node and fills the panel; `focus` moves the camera to it. */
async function showSelection(focus: boolean): Promise<void> {
  const key = state.selected;
  view.select(key, focus);
  if (!key) {
    details.innerHTML = `<p class="hint">Click a node or search a name to see its names, titles, quotes, meetings and articles.</p>`;
    return;
  }
  details.innerHTML = `<p class="hint">loading…</p>`;
  try {
    const d = await fetchDetails(key);
    if (state.selected !== key) return; // another selection came first
    names.set(key, "name" in d ? d.name : "title" in d ? d.title : key);
    details.innerHTML = detailsHtml(d, state.ego.length > 0);
    details.scrollTop = 0;
  } catch (error) {
    details.innerHTML = `<p class="error">${esc((error as Error).message)}</p>`;
  }
}

/** Selects a node; ends a path being chosen; brings an entity that is not drawn into view as its ego network. */
function choose(key: string, label: string | undefined, focus: boolean): void {
  focusNext = focus;
  if (pathStart && pathStart !== key) {
    const start = pathStart;
    pathStart = undefined;
    void update({ path: [start, key], ego: [], selected: key });
    return;
  }
  const entity = label === "Person" || label === "Org" || label === "Meeting";
  if (entity && !view.has(key)) void update({ selected: key, ego: [key], path: undefined });
  else void update({ selected: key });
}

/** The mode buttons, colour choice and the banner that says what is shown instead of the whole view. */
function syncToolbar(): void {
  byId("mode-entities").classList.toggle("on", state.mode === "entities");
  byId("mode-full").classList.toggle("on", state.mode === "full");
  byId<HTMLSelectElement>("color-mode").value = state.color;
  const name = (key: string) => (view.has(key) ? view.graph.getNodeAttribute(key, "label") : names.get(key)) ?? key;
  const parts: string[] = [];
  if (pathStart) parts.push(`Choose a second node (search or click) for a path from <b>${esc(name(pathStart))}</b>.`);
  else if (state.path) parts.push(`Path: <b>${esc(name(state.path[0]))}</b> → <b>${esc(name(state.path[1]))}</b>`);
  else if (state.ego.length) parts.push(`Ego network of ${state.ego.map((k) => `<b>${esc(name(k))}</b>`).join(", ")}`);
  banner.hidden = parts.length === 0;
  banner.innerHTML = parts.length ? `${parts.join(" ")} <button id="banner-close" type="button">Show all</button>` : "";
}

async function main(): Promise<void> {
  const [graphInfo, facets] = await Promise.all([fetchInfo(), fetchFacets(state.outlets)]);
  info = graphInfo;
  filters = new FiltersPanel(facets, (patch) => {
    if (patch.outlets) void fetchFacets(patch.outlets).then((f) => filters.setFacets(f));
    void update(patch);
  });
  wireSearch(byId<HTMLInputElement>("search"), byId("results"), (hit: SearchHit) => {
    names.set(hit.key, hit.name);
    choose(hit.key, hit.label, true);
  });
  wirePanel(details, {
    select: (key, label) => choose(key, label, true),
    ego: (key) => void update({ ego: [key], path: undefined, selected: key }),
    expand: (key) => void update({ ego: [...new Set([...state.ego, key])], selected: key }),
    pathFrom: (key) => {
      pathStart = key;
      syncToolbar();
      byId<HTMLInputElement>("search").focus();
    },
    more: async (key, offset) => {
      const button = details.querySelector<HTMLElement>(`button.more[data-offset="${offset}"]`);
      const page = await fetchDetails(key, offset);
      button?.insertAdjacentHTML("afterend", moreQuotesHtml(page, offset));
      button?.remove();
    },
  });
  banner.addEventListener("click", (ev) => {
    if ((ev.target as HTMLElement).id !== "banner-close") return;
    pathStart = undefined;
    void update({ ego: [], path: undefined });
  });
  view.renderer.on("clickNode", ({ node }) => choose(node, view.graph.getNodeAttribute(node, "nodeLabel"), false));
  view.renderer.on("clickStage", () => {
    if (state.selected) void update({ selected: undefined });
  });
  // the full graph is drawn whole up to 30,000 nodes (all of pen-2411); the entity view starts again from the default
  const modeChange = (mode: ViewState["mode"]) =>
    void update({ mode, labels: [], ego: [], path: undefined, limit: mode === "full" ? FULL_LIMIT : DEFAULT_LIMIT });
  byId("mode-entities").addEventListener("click", () => modeChange("entities"));
  byId("mode-full").addEventListener("click", () => modeChange("full"));
  byId<HTMLSelectElement>("color-mode").addEventListener(
    "change",
    (ev) => void update({ color: (ev.target as HTMLSelectElement).value === "community" ? "community" : "label" }),
  );
  byId("export-png").addEventListener("click", () => void exportPng(view, "quotegraph"));
  byId("export-gexf").addEventListener("click", () =>
    downloadText(visibleGexf(view), "quotegraph-view.gexf", "application/gexf+xml"),
  );
  window.addEventListener("popstate", () => {
    state = parseState(location.search);
    void update({}, "none");
  });
  await update({}, "none");
}

// a failure inside an event handler is shown on the page and logged, never lost silently
window.addEventListener("unhandledrejection", (ev) => {
  status.textContent = `error: ${(ev.reason as Error)?.message ?? String(ev.reason)}`;
  console.error(ev.reason);
});

main().catch((error: unknown) => {
  status.textContent = `error: ${(error as Error).message}`;
});
