import { downloadAsPNG } from "@sigma/export-image";
import { write } from "graphology-gexf/browser";
import { EDGE_KINDS } from "../../schema/view-edges.ts";
import type { GraphView } from "./graph-view.ts";

/** Saves what the canvas shows (nodes, edges, labels, highlight) as a PNG on a white background. */
export function exportPng(view: GraphView, fileName: string): Promise<void> {
  // the exporter is typed for a renderer of untyped attributes; ours only narrows them
  return downloadAsPNG(view.renderer as unknown as Parameters<typeof downloadAsPNG>[0], {
    fileName,
    backgroundColor: "#ffffff",
  });
}

/** The drawn subgraph as GEXF 1.3 (positions, colours, sizes, label, mentions, community; edge kinds and weight). */
export function visibleGexf(view: GraphView): string {
  return write(view.graph, {
    version: "1.3",
    formatNode: (key, a) => ({
      label: String(a["label"] ?? key),
      attributes: { label: a["nodeLabel"], mentions: a["mentions"], community: a["community"] },
      viz: { color: String(a["color"]), size: Number(a["size"]), x: Number(a["x"]), y: Number(a["y"]) },
    }),
    formatEdge: (_key, a) => ({
      weight: Number(a["weight"] ?? 1),
      attributes: {
        kinds: EDGE_KINDS.filter((_k, i) => (Number(a["kinds"] ?? 0) >> i) & 1).join(" "),
      },
    }),
  });
}

/** Offers a text as a file download. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
