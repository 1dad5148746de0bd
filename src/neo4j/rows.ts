import type { EdgeType, NodeLabel } from "../../schema/graph.ts";
import {
  BUILD_ID_PROPERTY,
  DERIVED_PROPERTIES,
  NODE_PROPERTIES,
  RELATIONSHIP_ENDS,
  RELATIONSHIP_PROPERTIES,
  type Neo4jProperty,
} from "../../schema/neo4j.ts";
import type { GraphEdge, GraphNode } from "./read-graph.ts";

/** A property value as Neo4j stores it: a scalar or a list of strings. */
export type PropertyValue = string | number | boolean | string[];

/** One node to write: its key and every property it has (absent ones are left out, so `SET n = props` drops them). */
export interface NodeRow {
  key: string;
  props: Record<string, PropertyValue>;
}

/** One relationship to write, its ends by key. */
export interface RelationshipRow {
  source: string;
  target: string;
  props: Record<string, PropertyValue>;
}

/** Rows of one label, or of one relationship type between two labels: one UNWIND statement each. */
export type Batch =
  | { kind: "nodes"; label: NodeLabel; rows: NodeRow[] }
  | { kind: "relationships"; type: EdgeType; from: NodeLabel; to: NodeLabel; rows: RelationshipRow[] };

/**
 * Converts attributes to properties by the Neo4j model of schema/neo4j.ts. Nested values (evidence, mergedBecause)
 * become JSON text. Empty lists are left out: neo4j-admin import cannot store them (an empty CSV field is no value),
 * so the loader and both exports leave them out alike and the three give the same graph.
 */
export function toProperties(
  attributes: Record<string, unknown>,
  properties: Neo4jProperty[],
  buildId: string,
): Record<string, PropertyValue> {
  const props: Record<string, PropertyValue> = {};
  for (const { name, type } of properties) {
    const value = attributes[name];
    if (value === undefined || value === null) continue;
    if (type === "json") props[name] = JSON.stringify(value);
    else if (type === "string[]") {
      if ((value as string[]).length > 0) props[name] = value as string[];
    } else props[name] = value as string | number | boolean;
  }
  if (properties.some((p) => p.name === "aliasText") && Array.isArray(attributes["aliases"]))
    props["aliasText"] = (attributes["aliases"] as string[]).join(" ");
  props[BUILD_ID_PROPERTY] = buildId;
  return props;
}

/**
 * The inverse of {@link toProperties}: graph.json attributes from the properties Neo4j holds. JSON text is parsed
 * back; what toProperties adds (aliasText, the build stamp) and whatever the model does not name are dropped. A list
 * toProperties left out because it was empty comes back as [] when graph.json always has the attribute (`aliases`,
 * `titles`: most organisations have none); an optional one (`forms` of MENTIONED_IN) stays absent, which every reader
 * of the graph takes as none. Throws a SyntaxError on JSON that does not parse.
 */
export function fromProperties(
  props: Readonly<Record<string, PropertyValue>>,
  properties: Neo4jProperty[],
): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const { name, type, required } of properties) {
    if (DERIVED_PROPERTIES.has(name)) continue;
    const value = props[name];
    if (value === undefined) {
      if (type === "string[]" && required) attributes[name] = [];
    } else attributes[name] = type === "json" ? JSON.parse(value as string) : value;
  }
  return attributes;
}

/** A node's graph.json attributes from its label and properties: {@link fromProperties} with the label, no key. */
export function nodeAttributesOf(
  label: NodeLabel,
  props: Readonly<Record<string, PropertyValue>>,
): Record<string, unknown> {
  const { key: _key, ...attributes } = fromProperties(props, NODE_PROPERTIES[label]);
  return { label, ...attributes };
}

/** A relationship's graph.json attributes from its type and properties. */
export function edgeAttributesOf(
  type: EdgeType,
  props: Readonly<Record<string, PropertyValue>>,
): Record<string, unknown> {
  return { type, ...fromProperties(props, RELATIONSHIP_PROPERTIES) };
}

/** The row of one node. */
export function toNodeRow(node: GraphNode, buildId: string): NodeRow {
  const label = node.attributes.label;
  return { key: node.key, props: toProperties({ ...node.attributes, key: node.key }, NODE_PROPERTIES[label], buildId) };
}

/** The row of one edge. */
export function toRelationshipRow(edge: GraphEdge, buildId: string): RelationshipRow {
  return {
    source: edge.source,
    target: edge.target,
    props: toProperties(edge.attributes, RELATIONSHIP_PROPERTIES, buildId),
  };
}

const ALLOWED_ENDS = new Set(RELATIONSHIP_ENDS.map((e) => `${e.type} ${e.from} ${e.to}`));

/** Characters of property text a batch may hold, whatever its row count (see {@link toBatches}). */
export const MAX_BATCH_CHARS = 2_000_000;

/** The characters of text a row's properties hold, to keep batches of heavy rows small. */
function rowChars(props: Record<string, PropertyValue>): number {
  let chars = 0;
  for (const v of Object.values(props))
    if (typeof v === "string") chars += v.length;
    else if (Array.isArray(v)) for (const s of v) chars += s.length;
  return chars;
}

/**
 * Groups a stream of nodes and edges into batches of at most `batchSize` rows, nodes first (graph.json lists them
 * first). A batch also closes at {@link MAX_BATCH_CHARS} characters: on the hkcnews build a thousand organisations
 * carry some 30 MB of evidence, which would make one transaction (and the CSV export's memory) that large. Each relationship batch joins one pair of labels, so its statement can match both ends by label and key.
 * Edges between missing nodes or between labels the model does not join are reported and skipped.
 */
export async function* toBatches(
  items: AsyncIterable<GraphNode | GraphEdge>,
  options: { batchSize: number; buildId: string; onIssue?: (message: string) => void },
): AsyncGenerator<Batch> {
  const labels = new Map<string, NodeLabel>();
  const nodeBatches = new Map<NodeLabel, NodeRow[]>();
  const relationshipBatches = new Map<string, Extract<Batch, { kind: "relationships" }>>();
  const chars = new Map<string, number>();
  const full = (name: string, rows: number, row: Record<string, PropertyValue>): boolean => {
    const total = (chars.get(name) ?? 0) + rowChars(row);
    chars.set(name, total);
    if (rows < options.batchSize && total < MAX_BATCH_CHARS) return false;
    chars.delete(name);
    return true;
  };
  let edgesStarted = false;
  for await (const item of items) {
    if (item.kind === "node") {
      if (labels.has(item.key)) {
        options.onIssue?.(`node ${item.key} appears twice in graph.json; the second is skipped`);
        continue;
      }
      const label = item.attributes.label;
      labels.set(item.key, label);
      const rows = nodeBatches.get(label) ?? [];
      const row = toNodeRow(item, options.buildId);
      rows.push(row);
      nodeBatches.set(label, rows);
      if (full(label, rows.length, row.props)) {
        yield { kind: "nodes", label, rows };
        nodeBatches.delete(label);
      }
      continue;
    }
    if (!edgesStarted) {
      // every node is written before the first relationship that might need it
      edgesStarted = true;
      for (const [label, rows] of nodeBatches) yield { kind: "nodes", label, rows };
      nodeBatches.clear();
      chars.clear();
    }
    const type = item.attributes.type;
    const from = labels.get(item.source);
    const to = labels.get(item.target);
    if (!from || !to) {
      options.onIssue?.(
        `${type} edge ${item.source} → ${item.target} skipped: ${!from ? item.source : item.target} is no node of graph.json`,
      );
      continue;
    }
    const ends = `${type} ${from} ${to}`;
    if (!ALLOWED_ENDS.has(ends)) {
      options.onIssue?.(
        `${type} edge ${item.source} → ${item.target} skipped: the model has no ${type} from ${from} to ${to}`,
      );
      continue;
    }
    const batch = relationshipBatches.get(ends) ?? { kind: "relationships", type, from, to, rows: [] };
    const row = toRelationshipRow(item, options.buildId);
    batch.rows.push(row);
    relationshipBatches.set(ends, batch);
    if (full(ends, batch.rows.length, row.props)) {
      yield batch;
      relationshipBatches.delete(ends);
    }
  }
  for (const [label, rows] of nodeBatches) yield { kind: "nodes", label, rows };
  for (const batch of relationshipBatches.values()) yield batch;
}
