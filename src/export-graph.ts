import type { DirectedGraph } from "graphology";
import gexf from "graphology-gexf";
import type { NodeLabel } from "../schema/graph.ts";
import { LABEL_COLORS } from "../schema/palette.ts";

/** graph.json: graphology's own serialization, keys in a stable order (identical input → identical bytes). */
export function exportGraphJson(graph: DirectedGraph): string {
  const data = graph.export();
  data.nodes.sort((a, b) => a.key.localeCompare(b.key));
  data.edges.sort((a, b) => (a.key ?? "").localeCompare(b.key ?? ""));
  return JSON.stringify(data);
}

/** A display label for a node of any kind. */
export function nodeDisplayLabel(attrs: Record<string, unknown>): string {
  const text = (attrs["name"] ?? attrs["title"] ?? attrs["text"] ?? "") as string;
  return attrs["label"] === "Quote" && text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** graph.gexf for Gephi and Gephi Lite: scalar attributes only, lists joined with " | ". */
export function exportGexf(graph: DirectedGraph): string {
  return gexf.write(graph, {
    formatNode: (_key: string, attrs: Record<string, unknown>) => ({
      label: nodeDisplayLabel(attrs),
      color: LABEL_COLORS[attrs["label"] as NodeLabel] ?? "#999999",
      size:
        attrs["label"] === "Person" || attrs["label"] === "Org"
          ? 4 + Math.log2(1 + ((attrs["mentions"] as number) ?? 1))
          : 3,
      x: attrs["x"] as number,
      y: attrs["y"] as number,
      attributes: scalarAttributes(attrs, ["x", "y", "evidence", "mergedBecause"]),
    }),
    formatEdge: (_key: string, attrs: Record<string, unknown>) => ({
      label: attrs["type"] as string,
      attributes: scalarAttributes(attrs, ["evidence"]),
    }),
  });
}

function scalarAttributes(attrs: Record<string, unknown>, skip: string[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (skip.includes(k) || v === undefined) continue;
    if (Array.isArray(v)) out[k] = v.join(" | ");
    else if (typeof v === "number") out[k] = v;
    else out[k] = String(v);
  }
  return out;
}
