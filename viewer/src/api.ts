import type { Facets, GraphInfo, GraphSlice, NodeDetails, SearchHit } from "../../schema/api.ts";
import { filterParams, type ViewState } from "./state.ts";

/** GETs a JSON answer of the API; a 4xx/5xx becomes an Error carrying the server's one-line reason. */
async function get<T>(path: string, params?: URLSearchParams, signal?: AbortSignal): Promise<T> {
  const query = params?.toString();
  const res = await fetch(`./api/${path}${query ? `?${query}` : ""}`, signal ? { signal } : {});
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `GET /api/${path}: HTTP ${res.status}`);
  }
  return (await res.json()) as T;
}

/** Counts, communities and the graph version. */
export const fetchInfo = (): Promise<GraphInfo> => get("info");

/** Outlets and articles per day (the day counts follow the outlet filter). */
export const fetchFacets = (outlets: string[]): Promise<Facets> => {
  const p = new URLSearchParams();
  for (const o of outlets) p.append("outlet", o);
  return get("facets", p);
};

/** The part of the graph a state draws: a path, an ego network, or the filtered view. */
export function fetchSlice(s: ViewState, signal?: AbortSignal): Promise<GraphSlice> {
  const p = filterParams(s);
  if (s.path) {
    p.set("source", s.path[0]);
    p.set("target", s.path[1]);
    return get("path", p, signal);
  }
  if (s.ego.length) {
    for (const k of s.ego) p.append("key", k);
    return get("ego", p, signal);
  }
  p.set("mode", s.mode);
  p.set("limit", String(s.limit));
  return get("view", p, signal);
}

/** Search suggestions. */
export const fetchSearch = async (q: string, signal: AbortSignal): Promise<SearchHit[]> =>
  (await get<{ results: SearchHit[] }>("search", new URLSearchParams({ q, limit: "12" }), signal)).results;

/** The details panel of one node; `offset` pages through quotes and articles. */
export const fetchDetails = (key: string, offset = 0): Promise<NodeDetails> =>
  get(`node/${encodeURIComponent(key)}`, new URLSearchParams({ offset: String(offset), limit: "50" }));
