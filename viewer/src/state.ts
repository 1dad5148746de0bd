import type { NodeLabel } from "../../schema/graph.ts";
import type { ViewMode } from "../../schema/api.ts";

/** Everything a shared link restores: what is drawn, how it is filtered and coloured, and what is selected. */
export interface ViewState {
  mode: ViewMode;
  /** Labels drawn; empty means every label of the mode. */
  labels: NodeLabel[];
  outlets: string[];
  dateFrom: string | undefined;
  dateTo: string | undefined;
  minMentions: number;
  /** Most nodes drawn (the most mentioned first). */
  limit: number;
  color: "label" | "community";
  selected: string | undefined;
  /** Nodes whose neighbourhoods are shown (the ego network, grown one expansion at a time); empty: the whole view. */
  ego: string[];
  /** A path between two entities, shown instead of the view. */
  path: [string, string] | undefined;
}

const LABELS: readonly NodeLabel[] = ["Person", "Org", "Meeting", "Quote", "Article"];
/** Nodes drawn when the URL does not say: enough to see the structure, few enough to open fast on any corpus. */
export const DEFAULT_LIMIT = 500;
/** Nodes drawn when switching to the full graph: all of pen-2411 (30,124), a slice of larger builds. */
export const FULL_LIMIT = 30_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The default view: the entity layer, every label, no filter. */
export const defaultState = (): ViewState => ({
  mode: "entities",
  labels: [],
  outlets: [],
  dateFrom: undefined,
  dateTo: undefined,
  minMentions: 0,
  limit: DEFAULT_LIMIT,
  color: "label",
  selected: undefined,
  ego: [],
  path: undefined,
});

const int = (v: string | null, min: number, max: number, fallback: number): number => {
  const n = Number(v);
  return v !== null && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

/** Reads a view from a query string; anything malformed falls back to the default for that field. */
export function parseState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const s = defaultState();
  if (p.get("mode") === "full") s.mode = "full";
  s.labels = (p.get("labels") ?? "").split(",").filter((l): l is NodeLabel => LABELS.includes(l as NodeLabel));
  s.outlets = p
    .getAll("outlet")
    .filter((o) => o.length > 0 && o.length <= 200)
    .slice(0, 50);
  const from = p.get("from");
  const to = p.get("to");
  if (from && DAY.test(from)) s.dateFrom = from;
  if (to && DAY.test(to)) s.dateTo = to;
  s.minMentions = int(p.get("min"), 0, 1_000_000, 0);
  s.limit = int(p.get("limit"), 1, 60_000, DEFAULT_LIMIT);
  if (p.get("color") === "community") s.color = "community";
  s.selected = p.get("sel")?.slice(0, 300) || undefined;
  s.ego = p
    .getAll("ego")
    .filter((k) => k.length > 0 && k.length <= 300)
    .slice(0, 50);
  const path = p.getAll("path");
  if (path.length === 2 && path.every((k) => k.length > 0 && k.length <= 300)) s.path = [path[0]!, path[1]!];
  return s;
}

/** Writes a view as a query string, leaving out what equals the default so links stay short. */
export function formatState(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.mode !== "entities") p.set("mode", s.mode);
  if (s.labels.length) p.set("labels", s.labels.join(","));
  for (const o of s.outlets) p.append("outlet", o);
  if (s.dateFrom) p.set("from", s.dateFrom);
  if (s.dateTo) p.set("to", s.dateTo);
  if (s.minMentions) p.set("min", String(s.minMentions));
  if (s.limit !== DEFAULT_LIMIT) p.set("limit", String(s.limit));
  if (s.color !== "label") p.set("color", s.color);
  for (const k of s.ego) p.append("ego", k);
  if (s.path) for (const k of s.path) p.append("path", k);
  if (s.selected) p.set("sel", s.selected);
  const q = p.toString();
  return q ? `?${q}` : "";
}

/** The API parameters of the filters (shared by /api/view, /api/ego and /api/path). */
export function filterParams(s: ViewState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.labels.length) p.set("labels", s.labels.join(","));
  for (const o of s.outlets) p.append("outlet", o);
  if (s.dateFrom) p.set("dateFrom", s.dateFrom);
  if (s.dateTo) p.set("dateTo", s.dateTo);
  if (s.minMentions) p.set("minMentions", String(s.minMentions));
  return p;
}

/** Whether two states draw the same graph (so only the selection or colouring changed). */
export const sameGraph = (a: ViewState, b: ViewState): boolean =>
  JSON.stringify([a.mode, a.labels, a.outlets, a.dateFrom, a.dateTo, a.minMentions, a.limit, a.ego, a.path]) ===
  JSON.stringify([b.mode, b.labels, b.outlets, b.dateFrom, b.dateTo, b.minMentions, b.limit, b.ego, b.path]);
