import type { DirectedGraph } from "graphology";
import type { NodeLabel } from "../schema/graph.ts";
import { LABEL_COLORS } from "../schema/palette.ts";

/**
 * Key order of graph.json: UTF-16 code units. String#localeCompare, used before, orders by the collation of the
 * machine's locale (LANG), so the same input gave different bytes on two machines; it also cost a second per
 * 80,000 keys, 12 s on the whole Citizen News archive.
 */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * graph.json in pieces: graphology's own serialization (`graph.export()`), nodes and edges sorted by key so that
 * identical input gives identical bytes, one node or edge per piece so that no string holds the whole graph.
 */
export function* graphJsonChunks(graph: DirectedGraph): Generator<string> {
  const head = JSON.stringify({
    options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops },
    attributes: graph.getAttributes(),
  });
  yield `${head.slice(0, -1)},"nodes":[`;
  let first = true;
  for (const key of graph.nodes().sort(compareKeys)) {
    const attributes = graph.getNodeAttributes(key);
    // the bytes of JSON.stringify({ key, attributes }), without making that object for each of 260,000 nodes
    const head = `${first ? "" : ","}{"key":${JSON.stringify(key)}`;
    yield isEmpty(attributes) ? `${head}}` : `${head},"attributes":${JSON.stringify(attributes)}}`;
    first = false;
  }
  yield `],"edges":[`;
  first = true;
  for (const key of graph.edges().sort(compareKeys)) {
    const attributes = graph.getEdgeAttributes(key);
    const edge: Record<string, unknown> = { key, source: graph.source(key), target: graph.target(key) };
    if (!isEmpty(attributes)) edge["attributes"] = attributes;
    if (graph.type === "mixed" && graph.isUndirected(key)) edge["undirected"] = true;
    yield (first ? "" : ",") + JSON.stringify(edge);
    first = false;
  }
  yield "]}";
}

/** graph.json as one string (small graphs and tests; builds stream `graphJsonChunks`). */
export function exportGraphJson(graph: DirectedGraph): string {
  return [...graphJsonChunks(graph)].join("");
}

/** A display label for a node of any kind. */
export function nodeDisplayLabel(attrs: Record<string, unknown>): string {
  const text = (attrs["name"] ?? attrs["title"] ?? attrs["text"] ?? "") as string;
  return attrs["label"] === "Quote" && text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A node or edge as GEXF shows it: label, scalar attributes, and for nodes colour, size and position. */
export interface GexfElement {
  label: string;
  attributes: Record<string, string | number>;
  viz?: GexfViz;
}

/** A node's colour, size and position in Gephi. */
interface GexfViz {
  color: string;
  size: number;
  x?: number;
  y?: number;
}

/** How a node appears in Gephi: coloured by label, sized by mentions, at its layout position. */
export function gexfNode(_key: string, attrs: Record<string, unknown>): GexfElement {
  return { label: nodeDisplayLabel(attrs), viz: nodeViz(attrs), attributes: scalarAttributes(attrs, NODE_SKIP) };
}

/** How an edge appears in Gephi: its type as label, scalar attributes. */
export function gexfEdge(_key: string, attrs: Record<string, unknown>): GexfElement {
  return { label: attrs["type"] as string, attributes: scalarAttributes(attrs, EDGE_SKIP) };
}

function nodeViz(attrs: Record<string, unknown>): GexfViz {
  const viz: GexfViz = {
    color: LABEL_COLORS[attrs["label"] as NodeLabel] ?? "#999999",
    size:
      attrs["label"] === "Person" || attrs["label"] === "Org"
        ? 4 + Math.log2(1 + ((attrs["mentions"] as number) ?? 1))
        : 3,
  };
  if (typeof attrs["x"] === "number") viz.x = attrs["x"];
  if (typeof attrs["y"] === "number") viz.y = attrs["y"];
  return viz;
}

// Attributes GEXF leaves out: positions (they are viz), and the nested evidence and merge reasons.
const NODE_SKIP = new Set(["x", "y", "evidence", "mergedBecause"]);
const EDGE_SKIP = new Set(["evidence"]);

/** An attribute as GEXF shows it: a list joined with " | ", a number as it is, anything else as text. */
function scalarValue(v: unknown): string | number | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v.join(" | ");
  if (typeof v === "number") return v;
  return String(v);
}

function scalarAttributes(attrs: Record<string, unknown>, skip: Set<string>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const k in attrs) {
    const v = skip.has(k) ? undefined : scalarValue(attrs[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * graph.gexf (GEXF 1.2, for Gephi and Gephi Lite) in pieces, one node or edge per piece. The markup is what
 * graphology-gexf writes for the same elements (a test holds the two to the same bytes), but graphology-gexf builds
 * the whole document as one string, which on the 49,000-article archive is hundreds of megabytes. Attribute types
 * are inferred over all elements first (a second pass), as GEXF declares them before the nodes.
 */
export function* graphGexfChunks(graph: DirectedGraph): Generator<string> {
  const nodeModel = new Map<string, string>();
  graph.forEachNode((_key, attrs) => inferTypes(nodeModel, attrs, NODE_SKIP));
  const edgeModel = new Map<string, string>();
  graph.forEachEdge((_key, attrs) => inferTypes(edgeModel, attrs, EDGE_SKIP));
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http:///www.gexf.net/1.1draft/viz">\n';
  yield '  <meta/>\n  <graph defaultedgetype="directed">';
  for (const [model, kind] of [
    [nodeModel, "node"],
    [edgeModel, "edge"],
  ] as const) {
    if (!model.size) continue;
    yield `\n    <attributes class="${kind}">`;
    for (const [name, type] of model)
      yield `\n      <attribute id="${escape(name)}" title="${escape(name)}" type="${type}"/>`;
    yield "\n    </attributes>";
  }
  yield graph.order ? "\n    <nodes>" : "\n    <nodes/>";
  for (const key of graph.nodes()) {
    const attrs = graph.getNodeAttributes(key);
    const open = `<node id="${escape(key)}"`;
    yield elementXml("node", open, nodeDisplayLabel(attrs), attrs, nodeModel, nodeViz(attrs));
  }
  if (graph.order) yield "\n    </nodes>";
  yield graph.size ? "\n    <edges>" : "\n    <edges/>";
  for (const key of graph.edges()) {
    const attrs = graph.getEdgeAttributes(key);
    const ends = `source="${escape(graph.source(key))}" target="${escape(graph.target(key))}"`;
    const type = graph.isUndirected(key) ? ' type="undirected"' : "";
    yield elementXml("edge", `<edge id="${escape(key)}"${type} ${ends}`, attrs["type"] as string, attrs, edgeModel);
  }
  if (graph.size) yield "\n    </edges>";
  yield "\n  </graph>\n</gexf>";
}

function elementXml(
  tag: string,
  open: string,
  label: string,
  attrs: Record<string, unknown>,
  model: Map<string, string>,
  viz?: GexfViz,
): string {
  let xml = `\n      ${open}${label ? ` label="${escape(label)}"` : ""}`;
  if (model.size) {
    let values = "";
    // the model never holds a left-out attribute, so the raw attributes can be read by its names
    for (const name of model.keys()) {
      const value = scalarValue(attrs[name]);
      if (value === undefined || isEmptyValue(value)) continue;
      values += `\n          <attvalue for="${escape(name)}" value="${escape(String(value))}"/>`;
    }
    xml += values ? `>\n        <attvalues>${values}\n        </attvalues>` : `>\n        <attvalues/>`;
  }
  if (viz) {
    if (!model.size) xml += ">";
    xml += `\n        <viz:color${rgb(viz.color)}/>\n        <viz:size value="${viz.size}"/>`;
    if (viz.x !== undefined || viz.y !== undefined)
      xml += `\n        <viz:position${viz.x !== undefined ? ` x="${viz.x}"` : ""}${viz.y !== undefined ? ` y="${viz.y}"` : ""}/>`;
  }
  return xml + (model.size || viz ? `\n      </${tag}>` : "/>");
}

/** Adds the GEXF types of an element's attributes to the model: names in order of first appearance, the widest type. */
function inferTypes(model: Map<string, string>, attrs: Record<string, unknown>, skip: Set<string>): void {
  for (const name in attrs) {
    if (skip.has(name)) continue;
    const type = valueType(scalarValue(attrs[name]));
    if (!type) continue;
    const current = model.get(name);
    if (!current || TYPE_RANK[type]! < TYPE_RANK[current]!) model.set(name, type);
  }
}

const TYPE_RANK: Record<string, number> = { string: 5, double: 6, long: 7, integer: 8 };

function valueType(value: string | number | undefined): string | undefined {
  if (value === undefined || isEmptyValue(value)) return undefined;
  if (typeof value === "string") return "string";
  if (value !== (value | 0)) return "double";
  return value <= 0x7fffffff && value >= -0x7fffffff ? "integer" : "long";
}

const isEmptyValue = (v: unknown): boolean => v === undefined || v === null || v === "" || Number.isNaN(v);

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  '"': "&quot;",
  "\t": "&#x9;",
  "\n": "&#xA;",
  "\r": "&#xD;",
};

const NEEDS_ESCAPE = /[&<"\t\n\r]/;

/** Escapes text for an XML attribute value (most values need nothing: test before replacing). */
const escape = (s: string): string => (NEEDS_ESCAPE.test(s) ? s.replace(/[&<"\t\n\r]/g, (c) => XML_ESCAPES[c]!) : s);

/** A CSS hex colour as GEXF 1.2's r, g, b attributes. */
function rgb(color: string): string {
  const hex = color.startsWith("#") ? color.slice(1) : "";
  if (!hex) return "";
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  return ` r="${r}" g="${g}" b="${b}"`;
}

/** A JSON array written as `JSON.stringify(items, null, 2)` writes it, one item per piece. */
export function* prettyJsonArrayChunks(items: unknown[]): Generator<string> {
  if (!items.length) {
    yield "[]";
    return;
  }
  for (const [i, item] of items.entries())
    yield `${i ? ",\n  " : "[\n  "}${JSON.stringify(item, null, 2).replace(/\n/g, "\n  ")}`;
  yield "\n]";
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}
