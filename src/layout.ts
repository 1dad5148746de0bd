import { Worker } from "node:worker_threads";
import type { DirectedGraph } from "graphology";
import fa2Defaults from "graphology-layout-forceatlas2/defaults.js";

// ForceAtlas2 with Barnes–Hut (Jacomy et al. 2014) and Gephi's defaults for large graphs.
const FA2_SETTINGS = {
  ...fa2Defaults,
  barnesHutOptimize: true,
  barnesHutTheta: 1.2,
  scalingRatio: 2,
  gravity: 1,
  slowDown: 1,
};
// graphology-layout-forceatlas2's matrix layout: floats per node (x, y, dx, dy, old dx, old dy, mass, convergence,
// size, fixed) and per edge (source offset, target offset, weight)
const PER_NODE = 10;
const PER_EDGE = 3;
const LAYOUT_WORKER = new URL("./layout-worker.mjs", import.meta.url);

// ForceAtlas2 iterations: ITERATION_SCALE / √n, between the bounds. 300 on the five samples (150 laid-out
// nodes), 35 on 5,000 Citizen News articles (7,300 nodes, 0.5 s here), 15 on the whole archive (61,000 nodes,
// 3 s). The work (nodes × iterations) grows as √n up to 40,000 nodes, then linearly: a few percent of a build.
const ITERATION_SCALE = 3000;
const MIN_ITERATIONS = 15;
const MAX_ITERATIONS = 300;

/** Number of ForceAtlas2 iterations for a graph of `n` laid-out nodes. */
export function iterationBudget(n: number): number {
  const iterations = Math.round(ITERATION_SCALE / Math.sqrt(Math.max(n, 1)));
  return Math.max(MIN_ITERATIONS, Math.min(MAX_ITERATIONS, iterations));
}

/**
 * Two numbers in [0, 1) from a hash of the key (32-bit FNV-1a, two seeds), so the same key always lands on the
 * same spot. sha256 did the same at ten times the cost (0.2 s on 25,000 nodes).
 */
function hashPair(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return [(a >>> 0) / 0x100000000, (b >>> 0) / 0x100000000];
}

/**
 * Lays the graph out at build time, so the viewer opens on a finished layout. ForceAtlas2 (Barnes–Hut, an iteration
 * budget that scales with the graph) places people, organisations, meetings and articles from hash-seeded
 * positions; each quote then sits close to its speaker (or, unattributed, its article), at an angle and distance
 * hashed from its key. Quotes are most of the nodes (18,000 of 25,000 on 5,000 Citizen News articles) and each
 * hangs off one speaker, so laying them out with everything else would cost three times as much for a picture
 * that shows the same thing. Identical input gives identical positions.
 */
export async function layoutGraph(graph: DirectedGraph): Promise<void> {
  const core: string[] = [];
  const indexOf = new Map<string, number>();
  graph.forEachNode((key, attrs) => {
    if (attrs["label"] === "Quote") return;
    indexOf.set(key, core.length);
    core.push(key);
  });
  const n = core.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  // a start spread in proportion to the graph, so that the first iterations do not blow it apart
  const spread = 10 * Math.sqrt(n + 1);
  core.forEach((key, i) => {
    const [a, b] = hashPair(key);
    x[i] = (a - 0.5) * spread;
    y[i] = (b - 0.5) * spread;
  });
  if (n > 1) await runForceAtlas2(graph, indexOf, x, y);
  core.forEach((key, i) => graph.mergeNodeAttributes(key, { x: round(x[i]!), y: round(y[i]!) }));
  placeQuotes(graph, core, indexOf, x, y, spread);
}

/**
 * Runs graphology-layout-forceatlas2's iteration on the laid-out nodes and the edges between them (undirected, each
 * pair once, weight 1), moving `x` and `y`. The matrices are filled straight from the graph: a graphology copy of
 * the laid-out part (what `forceAtlas2.assign` needs) held 700 MB on the whole archive beside the graph itself. The
 * iterations run in a worker thread (layout-worker.mjs says why).
 */
async function runForceAtlas2(
  graph: DirectedGraph,
  indexOf: Map<string, number>,
  x: Float64Array,
  y: Float64Array,
): Promise<void> {
  const n = x.length;
  const seen = new Set<number>();
  const pairs: number[] = [];
  graph.forEachEdge((_e, _a, source, target) => {
    const s = indexOf.get(source);
    const t = indexOf.get(target);
    if (s === undefined || t === undefined || s === t) return;
    const pair = s < t ? s * n + t : t * n + s;
    if (seen.has(pair)) return;
    seen.add(pair);
    pairs.push(s, t);
  });
  seen.clear();
  const nodes = new Float32Array(n * PER_NODE);
  for (let i = 0; i < n; i++) {
    nodes[i * PER_NODE] = x[i]!;
    nodes[i * PER_NODE + 1] = y[i]!;
    nodes[i * PER_NODE + 6] = 1; // mass: 1 + degree, added below
    nodes[i * PER_NODE + 7] = 1; // convergence
    nodes[i * PER_NODE + 8] = 1; // size
  }
  const edges = new Float32Array((pairs.length / 2) * PER_EDGE);
  for (let e = 0; e < pairs.length / 2; e++) {
    const s = pairs[2 * e]! * PER_NODE;
    const t = pairs[2 * e + 1]! * PER_NODE;
    nodes[s + 6]! += 1;
    nodes[t + 6]! += 1;
    edges[e * PER_EDGE] = s;
    edges[e * PER_EDGE + 1] = t;
    edges[e * PER_EDGE + 2] = 1;
  }
  const moved = await iterateInWorker(nodes, edges, iterationBudget(n));
  for (let i = 0; i < n; i++) {
    x[i] = moved[i * PER_NODE]!;
    y[i] = moved[i * PER_NODE + 1]!;
  }
}

/** ForceAtlas2's iterations on the matrices in a worker thread; resolves to the moved node matrix. */
async function iterateInWorker(nodes: Float32Array, edges: Float32Array, iterations: number): Promise<Float32Array> {
  // the matrices are copied into the worker (7 MB on the whole archive), the moved node matrix sent back
  const worker = new Worker(LAYOUT_WORKER, { workerData: { settings: FA2_SETTINGS, nodes, edges, iterations } });
  try {
    return await new Promise<Float32Array>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) =>
        reject(new Error(`Layout: the ForceAtlas2 worker exited (code ${code}). Expecting the moved nodes first.`)),
      );
    });
  } finally {
    await worker.terminate();
  }
}

/**
 * Puts each quote near its speaker, else near its first article, else at its hashed spot: on a ring around the
 * anchor a third as wide as the gap to the anchor's nearest laid-out neighbour, so the quote reads as its own.
 */
function placeQuotes(
  graph: DirectedGraph,
  core: string[],
  indexOf: Map<string, number>,
  x: Float64Array,
  y: Float64Array,
  spread: number,
): void {
  const rings = new Map<number, number>();
  const ringOf = (anchor: number): number => {
    let r = rings.get(anchor);
    if (r === undefined) {
      let nearest = Infinity;
      graph.forEachNeighbor(core[anchor]!, (neighbour) => {
        const j = indexOf.get(neighbour);
        if (j !== undefined && j !== anchor)
          nearest = Math.min(nearest, Math.hypot(x[j]! - x[anchor]!, y[j]! - y[anchor]!));
      });
      r = Number.isFinite(nearest) && nearest > 0 ? nearest / 3 : spread / Math.sqrt(core.length + 1) / 3;
      rings.set(anchor, r);
    }
    return r;
  };
  graph.forEachNode((key, attrs) => {
    if (attrs["label"] !== "Quote") return;
    let anchor: number | undefined;
    graph.forEachInEdge(key, (_e, a, source) => {
      if (anchor === undefined && a["type"] === "SAID") anchor = indexOf.get(source);
    });
    if (anchor === undefined)
      graph.forEachOutEdge(key, (_e, a, _s, target) => {
        if (anchor === undefined && a["type"] === "QUOTED_IN") anchor = indexOf.get(target);
      });
    const [a, b] = hashPair(key);
    if (anchor === undefined) {
      graph.mergeNodeAttributes(key, { x: round((a - 0.5) * spread), y: round((b - 0.5) * spread) });
      return;
    }
    const angle = 2 * Math.PI * a;
    const r = ringOf(anchor) * (0.4 + 0.6 * b);
    graph.mergeNodeAttributes(key, {
      x: round(x[anchor]! + r * Math.cos(angle)),
      y: round(y[anchor]! + r * Math.sin(angle)),
    });
  });
}

const round = (v: number): number => Math.round(v * 1000) / 1000;
