import Graph from "graphology";
import Sigma from "sigma";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import type { GraphSlice } from "../../schema/api.ts";
import type { NodeLabel } from "../../schema/graph.ts";
import { LABEL_COLORS } from "../../schema/palette.ts";

/** Fonts for labels drawn on the canvas: Chinese must render even where the system's default font has no CJK. */
export const CJK_FONTS =
  'system-ui, "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", ' +
  '"Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

/** Colours of the largest communities (Tableau 20 without the greys); smaller ones share one grey. */
export const COMMUNITY_COLORS = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#a0cbe8",
  "#ffbe7d",
  "#8cd17d",
  "#b6992d",
  "#f1ce63",
  "#86bcb6",
  "#d37295",
  "#fabfd2",
  "#d4a6c8",
];
const OTHER_COMMUNITY = "#c7c7c7";
const FADED = "#e6e6e6";

/** Node attributes the view keeps besides sigma's own. */
interface ViewNodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  nodeLabel: NodeLabel;
  mentions: number;
  community: number;
}

/** How nodes are coloured. */
export type ColorMode = "label" | "community";

/** Colour of a node under a colouring. */
export function nodeColor(mode: ColorMode, label: NodeLabel, community: number): string {
  if (mode === "label" || label === "Quote" || label === "Article") return LABEL_COLORS[label];
  return community >= 0 && community < COMMUNITY_COLORS.length ? COMMUNITY_COLORS[community]! : OTHER_COMMUNITY;
}

/** The sigma renderer and the graph it draws, with selection highlighting. */
export class GraphView {
  readonly renderer: Sigma<ViewNodeAttributes>;
  graph = new Graph<ViewNodeAttributes>({ type: "undirected", multi: false });
  private selected: string | undefined;
  private neighbours = new Set<string>();
  private pathNodes = new Set<string>();

  constructor(container: HTMLElement) {
    this.renderer = new Sigma(this.graph, container, {
      labelFont: CJK_FONTS,
      labelSize: 13,
      labelWeight: "500",
      // labels of the biggest nodes first; zooming in makes nodes larger on screen and brings more labels
      labelRenderedSizeThreshold: 5,
      labelDensity: 0.6,
      zIndex: true,
      renderEdgeLabels: false,
      defaultEdgeColor: "#d0d0d0",
      minCameraRatio: 0.02,
      maxCameraRatio: 8,
      stagePadding: 40,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
  }

  /** Replaces what is drawn with a slice from the API. */
  show(slice: GraphSlice, colorMode: ColorMode): void {
    const graph = new Graph<ViewNodeAttributes>({ type: "undirected", multi: false });
    const size = sizeScale(slice);
    for (const [key, label, name, x, y, mentions, community] of slice.nodes) {
      graph.addNode(key, {
        x,
        y,
        size: size(label, mentions),
        color: nodeColor(colorMode, label, community),
        label: name,
        nodeLabel: label,
        mentions,
        community,
      });
    }
    for (const [s, t, weight, kinds] of slice.edges) {
      const source = slice.nodes[s]?.[0];
      const target = slice.nodes[t]?.[0];
      if (source === undefined || target === undefined || source === target) continue;
      graph.mergeEdge(source, target, { size: Math.min(4, 0.4 + Math.log2(1 + weight) * 0.5), weight, kinds });
    }
    this.pathNodes = new Set(slice.path ?? []);
    this.graph = graph;
    this.renderer.setGraph(graph);
    // many edges make each frame of a pan expensive in software WebGL; drawing them only at rest keeps it smooth
    this.renderer.setSetting("hideEdgesOnMove", graph.size > 5_000);
    this.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    this.select(this.selected && graph.hasNode(this.selected) ? this.selected : undefined, false);
  }

  /** Recolours the nodes by label or by community. */
  setColorMode(mode: ColorMode): void {
    this.graph.updateEachNodeAttributes((_key, a) => ({ ...a, color: nodeColor(mode, a.nodeLabel, a.community) }));
  }

  /** Highlights a node and its neighbours (or clears the highlight); `focus` moves the camera to it. */
  select(key: string | undefined, focus: boolean): void {
    this.selected = key && this.graph.hasNode(key) ? key : undefined;
    this.neighbours = new Set(this.selected ? this.graph.neighbors(this.selected) : []);
    this.renderer.refresh({ skipIndexation: true });
    if (this.selected && focus) {
      const pos = this.renderer.getNodeDisplayData(this.selected);
      // close enough to read the neighbours' names, far enough to keep the neighbourhood in view
      if (pos) void this.renderer.getCamera().animate({ x: pos.x, y: pos.y, ratio: 0.6 }, { duration: 500 });
    }
  }

  /** Whether a node is drawn. */
  has(key: string): boolean {
    return this.graph.hasNode(key);
  }

  private reduceNode(node: string, data: ViewNodeAttributes): Partial<NodeDisplayData> {
    const inPath = this.pathNodes.has(node);
    if (!this.selected) return inPath ? { ...data, forceLabel: true, zIndex: 1 } : data;
    if (node === this.selected) return { ...data, highlighted: true, forceLabel: true, zIndex: 3 };
    if (this.neighbours.has(node) || inPath)
      return { ...data, zIndex: 2, forceLabel: inPath || this.neighbours.size <= 40 };
    return { ...data, color: FADED, label: "", zIndex: 0 };
  }

  private reduceEdge(edge: string, data: Record<string, unknown>): Partial<EdgeDisplayData> {
    if (!this.selected) return data as Partial<EdgeDisplayData>;
    // the renderer's graph, not this.graph: a refresh can run while a new graph is being swapped in
    const [s, t] = this.renderer.getGraph().extremities(edge);
    if (s === this.selected || t === this.selected)
      return { ...(data as Partial<EdgeDisplayData>), color: "#a8a8a8", zIndex: 1 };
    return { ...(data as Partial<EdgeDisplayData>), hidden: true };
  }
}

/**
 * Node sizes on screen for one view: entities from small to large by mentions (logarithmic, so the most mentioned do
 * not cover the rest), with a largest size that shrinks as the view holds more nodes (2,000 nodes of the Citizen News
 * archive share the canvas that 50 nodes of the samples have to themselves). Zooming in enlarges them.
 */
function sizeScale(slice: GraphSlice): (label: NodeLabel, mentions: number) => number {
  let most = 1;
  for (const n of slice.nodes) if (n[1] !== "Quote" && n[1] !== "Article") most = Math.max(most, n[5]);
  const largest = Math.max(6, Math.min(22, 250 / Math.sqrt(slice.nodes.length || 1)));
  const smallest = 1.5;
  return (label, mentions) => {
    if (label === "Quote") return 1.2;
    if (label === "Article") return 2;
    return smallest + ((largest - smallest) * Math.log1p(mentions)) / Math.log1p(most);
  };
}
