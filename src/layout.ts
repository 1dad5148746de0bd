import type { DirectedGraph } from "graphology";
import fa2Module from "graphology-layout-forceatlas2";
import { createHash } from "node:crypto";

// The package is CommonJS: under NodeNext its typings describe the default import as the module object.
const forceAtlas2 = ((fa2Module as unknown as { default?: typeof fa2Module.default }).default ??
  fa2Module) as typeof fa2Module.default;

/** A deterministic starting position for a node, from a hash of its key (identical input → identical layout). */
function seedPosition(key: string): { x: number; y: number } {
  const h = createHash("sha256").update(key).digest();
  return { x: h.readUInt32BE(0) / 0xffffffff - 0.5, y: h.readUInt32BE(4) / 0xffffffff - 0.5 };
}

/** Lays the graph out with ForceAtlas2 at build time, so the viewer opens on a finished layout. */
export function layoutGraph(graph: DirectedGraph): void {
  graph.forEachNode((key) => graph.mergeNodeAttributes(key, seedPosition(key)));
  if (graph.order < 2) return;
  // 100 iterations on 2,000 nodes take 3–4 s; fewer on larger graphs keep builds bounded.
  const iterations = graph.order > 20_000 ? 20 : graph.order > 5_000 ? 50 : 100;
  const settings = forceAtlas2.inferSettings(graph);
  forceAtlas2.assign(graph, { iterations, settings: { ...settings, barnesHutOptimize: graph.order > 1000 } });
  graph.forEachNode((key, attrs) => {
    graph.mergeNodeAttributes(key, { x: round(attrs["x"] as number), y: round(attrs["y"] as number) });
  });
}

const round = (v: number): number => Math.round(v * 1000) / 1000;
