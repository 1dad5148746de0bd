import type { ViewFilter } from "../../schema/api.ts";
import { dayNumber, type ArticleTable, type EntityLayer } from "./entity-layer.ts";

/** Which articles pass the outlet and date filters: one byte per article, or null when every article passes. */
export type ArticleMask = Uint8Array | null;

/** The articles passing a filter. Articles without a date fail any date range; without an outlet, any outlet list. */
export function articleMask(table: ArticleTable, filter: ViewFilter): ArticleMask {
  const from = filter.dateFrom ? dayNumber(filter.dateFrom) : undefined;
  const to = filter.dateTo ? dayNumber(filter.dateTo) : undefined;
  const outlets = filter.outlet?.length ? new Set(filter.outlet) : undefined;
  if (from === undefined && to === undefined && !outlets) return null;
  const wanted = outlets ? new Uint8Array(table.outlets.map((o) => (outlets.has(o) ? 1 : 0))) : undefined;
  const mask = new Uint8Array(table.keys.length);
  for (let i = 0; i < mask.length; i++) {
    const day = table.day[i]!;
    if (from !== undefined && (day < 0 || day < from)) continue;
    if (to !== undefined && (day < 0 || day > to)) continue;
    if (wanted && (table.outlet[i]! < 0 || !wanted[table.outlet[i]!])) continue;
    mask[i] = 1;
  }
  return mask;
}

/** Mentions of every entity-layer node counted over the articles that pass. */
export function nodeMentions(layer: EntityLayer, mask: ArticleMask): Int32Array {
  const n = layer.keys.length;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = layer.artStart[i]!; j < layer.artStart[i + 1]!; j++)
      if (!mask || mask[layer.artIdx[j]!]) sum += layer.artCount[j]!;
    out[i] = sum;
  }
  return out;
}

/** Weight of every entity-layer edge: its supporting articles that pass. */
export function edgeWeights(layer: EntityLayer, mask: ArticleMask): Int32Array {
  const m = layer.edgeA.length;
  const out = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    if (!mask) {
      out[e] = layer.supStart[e + 1]! - layer.supStart[e]!;
      continue;
    }
    let w = 0;
    for (let j = layer.supStart[e]!; j < layer.supStart[e + 1]!; j++) if (mask[layer.supIdx[j]!]) w++;
    out[e] = w;
  }
  return out;
}
