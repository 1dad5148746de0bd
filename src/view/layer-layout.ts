import { UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import fa2Module from "graphology-layout-forceatlas2";
import { createHash } from "node:crypto";
import type { Community } from "../../schema/api.ts";
import type { EntityLayer } from "./entity-layer.ts";

// Both packages are CommonJS: under NodeNext their typings describe the default import as the module object.
const forceAtlas2 = ((fa2Module as unknown as { default?: typeof fa2Module.default }).default ??
  fa2Module) as typeof fa2Module.default;
const louvain = ((louvainModule as unknown as { default?: typeof louvainModule.default }).default ??
  louvainModule) as typeof louvainModule.default;

/** Positions and communities of the entity layer, index-aligned with `layer.keys`. */
export interface LayerLayout {
  x: Float64Array;
  y: Float64Array;
  /** Louvain community of each node; -1 for a node with no edge. */
  community: Int32Array;
  /** Communities by size, largest first. */
  communities: Community[];
}

// Edge weights for the layout: ties inside a Louvain community pull harder than ties across communities.
const INSIDE_COMMUNITY = 3;
const ACROSS_COMMUNITIES = 0.3;

/** A deterministic number in [0, 1) from a string, so identical graphs get identical layouts. */
function hashUnit(text: string, salt: number): number {
  return (
    createHash("sha1")
      .update(text)
      .digest()
      .readUInt32BE(salt * 4) / 0x100000000
  );
}

/** A seeded generator (mulberry32), so Louvain visits nodes in the same order on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Finds the communities of the entity layer with Louvain, then lays out its connected part with ForceAtlas2 from
 * community anchors, ties inside a community pulling harder than ties across (edge weights damped by a logarithm, so
 * one pair named together in 500 articles does not collapse onto itself). Nodes with no edge are set on a ring around
 * the drawing, where they do not hide the structure. `mentions` sizes the nodes.
 */
export function layoutEntityLayer(layer: EntityLayer, mentions: Int32Array, weights: Int32Array): LayerLayout {
  const n = layer.keys.length;
  const graph = new UndirectedGraph<{ x: number; y: number; size: number }, { weight: number }>();
  for (let i = 0; i < n; i++) {
    if (layer.adjStart[i + 1] === layer.adjStart[i]) continue;
    const key = layer.keys[i]!;
    graph.addNode(key, {
      x: (hashUnit(key, 0) - 0.5) * 1000,
      y: (hashUnit(key, 1) - 0.5) * 1000,
      size: 1 + Math.log2(1 + mentions[i]!),
    });
  }
  for (let e = 0; e < layer.edgeA.length; e++) {
    graph.addEdge(layer.keys[layer.edgeA[e]!]!, layer.keys[layer.edgeB[e]!]!, {
      weight: Math.log2(1 + weights[e]!),
    });
  }
  // communities first: the layout then pulls each community together, so colours and places tell the same story
  const mapping = graph.order > 0 ? louvain(graph, { getEdgeWeight: "weight", rng: seededRandom(42) }) : {};
  const anchors = communityAnchors(mapping);
  graph.forEachNode((key, a) => {
    const anchor = anchors.get(mapping[key] ?? -1) ?? { x: 0, y: 0, r: 1 };
    graph.mergeNodeAttributes(key, {
      x: anchor.x + (a.x / 1000) * anchor.r,
      y: anchor.y + (a.y / 1000) * anchor.r,
    });
  });
  graph.forEachEdge((_e, a, s, t) => {
    a.weight *= mapping[s] === mapping[t] ? INSIDE_COMMUNITY : ACROSS_COMMUNITIES;
  });
  if (graph.order > 1) {
    // ~5 s for pen-2411's 3,500 connected entities on this machine; fewer iterations as graphs grow keep start-up
    // bounded (the result is cached per build)
    const iterations = graph.order > 30_000 ? 60 : graph.order > 8_000 ? 120 : 250;
    forceAtlas2.assign(graph, {
      iterations,
      getEdgeWeight: "weight",
      // plain ForceAtlas2: LinLog and hub dissuasion both pushed the most named people (Donald Trump, Xi Jinping) to
      // the rim of pen-2411's drawing, away from the people they are named with
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 1_000 },
    });
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const community = new Int32Array(n).fill(-1);
  // nodes with no edge go on a ring just outside most of the drawing (a few far outliers must not push it away)
  const distances: number[] = [];
  graph.forEachNode((_k, a) => distances.push(Math.hypot(a.x, a.y)));
  distances.sort((a, b) => a - b);
  const radius = Math.max(1, distances[Math.floor(distances.length * 0.95)] ?? 1);
  for (let i = 0; i < n; i++) {
    const key = layer.keys[i]!;
    if (graph.hasNode(key)) {
      const a = graph.getNodeAttributes(key);
      x[i] = Math.round(a.x * 100) / 100;
      y[i] = Math.round(a.y * 100) / 100;
      community[i] = mapping[key] ?? -1;
    } else {
      const angle = hashUnit(key, 0) * 2 * Math.PI;
      const r = radius * (1.05 + 0.1 * hashUnit(key, 1));
      x[i] = Math.round(Math.cos(angle) * r * 100) / 100;
      y[i] = Math.round(Math.sin(angle) * r * 100) / 100;
    }
  }
  return { x, y, ...renumberCommunities(community, mentions, layer.names) };
}

/**
 * Starting places of communities: on a sunflower spiral, largest in the middle, each with a radius growing with the
 * square root of its size, so ForceAtlas2 starts from separated groups instead of one random disc.
 */
function communityAnchors(mapping: Record<string, number>): Map<number, { x: number; y: number; r: number }> {
  const sizes = new Map<number, number>();
  for (const c of Object.values(mapping)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const order = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const anchors = new Map<number, { x: number; y: number; r: number }>();
  order.forEach(([c, size], i) => {
    const angle = i * 2.39996; // the golden angle
    const distance = 60 * Math.sqrt(i) * 3;
    anchors.set(c, { x: Math.cos(angle) * distance, y: Math.sin(angle) * distance, r: 40 * Math.sqrt(size) });
  });
  return anchors;
}

/** Numbers communities 0, 1, … by decreasing size and names each after its most mentioned member. */
function renumberCommunities(
  raw: Int32Array,
  mentions: Int32Array,
  names: string[],
): { community: Int32Array; communities: Community[] } {
  const groups = new Map<number, { size: number; top: number }>();
  raw.forEach((c, i) => {
    if (c < 0) return;
    const g = groups.get(c);
    if (!g) groups.set(c, { size: 1, top: i });
    else {
      g.size++;
      if (mentions[i]! > mentions[g.top]!) g.top = i;
    }
  });
  const order = [...groups.entries()].sort((a, b) => b[1].size - a[1].size || a[1].top - b[1].top);
  const renumber = new Map(order.map(([c], i) => [c, i]));
  const community = raw.map((c) => (c < 0 ? -1 : renumber.get(c)!));
  return {
    community,
    communities: order.map(([, g], i) => ({ id: i, size: g.size, name: names[g.top]! })),
  };
}
