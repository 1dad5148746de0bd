import { DirectedGraph } from "graphology";
import { createHash } from "node:crypto";
import { EdgeAttributes, NodeAttributes, edgeKey, type EdgeType, type NodeLabel } from "../../schema/graph.ts";
import { BUILD_ID_PROPERTY } from "../../schema/neo4j.ts";
import { compareKeys } from "../export-graph.ts";
import { edgeAttributesOf, nodeAttributesOf, type PropertyValue } from "./rows.ts";

/** One node as Neo4j holds it: its label and properties (integers already JavaScript numbers). */
export interface StoredNode {
  label: NodeLabel;
  props: Record<string, PropertyValue>;
}

/** One relationship as Neo4j holds it: its type, the keys of its two ends and its properties. */
export interface StoredRelationship {
  type: EdgeType;
  source: string;
  target: string;
  props: Record<string, PropertyValue>;
}

/** A graph rebuilt from what Neo4j holds, with the build stamps found on it and what had to be left out. */
export interface StoredGraph {
  graph: DirectedGraph;
  /** Every distinct build stamp, sorted; {@link UNSTAMPED} for elements without one. One stamp: a finished load. */
  stamps: string[];
  /** One line per node or relationship left out, and why. */
  issues: string[];
}

/** The stamp counted for an element that has none (written by hand, or by something other than quotegraph). */
export const UNSTAMPED = "unstamped";

type Keyed = { key: string; attributes: Record<string, unknown> };

/** The first issue zod found, as "path: message". */
function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join(".") || "(attributes)"}: ${issue.message}` : "invalid";
}

/** Attributes from properties, checked against the export contract; a reason when they break it. */
function checked(
  read: () => Record<string, unknown>,
  schema: typeof NodeAttributes | typeof EdgeAttributes,
): { attributes: Record<string, unknown> } | { reason: string } {
  let attributes: Record<string, unknown>;
  try {
    attributes = read();
  } catch (error) {
    return { reason: `a JSON property does not parse (${(error as Error).message})` };
  }
  const parsed = schema.safeParse(attributes);
  // the attributes as read, not zod's copy: graph-index.ts keeps graph.json's the same way
  return parsed.success ? { attributes } : { reason: firstIssue(parsed.error) };
}

/**
 * Rebuilds the graph of the export contract from Neo4j's nodes and relationships, equal to the one graph-index.ts
 * reads from the build's graph.json: the same node keys, edge keys ({@link edgeKey}) and attributes
 * (rows.ts `fromProperties`), nodes and edges added in graph.json's order (sorted by key), since the order of
 * iteration decides ties in the views, the search and the details panel. An element that breaks the contract, or a
 * relationship whose end was left out, is left out and named in `issues`.
 */
export function assembleStoredGraph(
  nodes: Iterable<StoredNode>,
  relationships: Iterable<StoredRelationship>,
): StoredGraph {
  const stamps = new Set<string>();
  const issues: string[] = [];
  const stamp = (props: Record<string, PropertyValue>): void => {
    const value = props[BUILD_ID_PROPERTY];
    stamps.add(typeof value === "string" ? value : UNSTAMPED);
  };
  const keyedNodes: Keyed[] = [];
  for (const { label, props } of nodes) {
    stamp(props);
    const key = props["key"];
    if (typeof key !== "string") {
      issues.push(`a ${label} node without a key`);
      continue;
    }
    const result = checked(() => nodeAttributesOf(label, props), NodeAttributes);
    if ("reason" in result) issues.push(`${label} ${key}: ${result.reason}`);
    else keyedNodes.push({ key, attributes: result.attributes });
  }
  const graph = new DirectedGraph();
  for (const { key, attributes } of keyedNodes.sort((a, b) => compareKeys(a.key, b.key))) {
    if (graph.hasNode(key)) issues.push(`${String(attributes["label"])} ${key}: a second node with this key`);
    else graph.addNode(key, attributes);
  }
  const keyedEdges: (Keyed & { source: string; target: string })[] = [];
  for (const { type, source, target, props } of relationships) {
    stamp(props);
    const name = `${type} ${source} -> ${target}`;
    if (!graph.hasNode(source) || !graph.hasNode(target)) {
      issues.push(`${name}: ${graph.hasNode(source) ? target : source} is no node read`);
      continue;
    }
    const result = checked(() => edgeAttributesOf(type, props), EdgeAttributes);
    if ("reason" in result) issues.push(`${name}: ${result.reason}`);
    else keyedEdges.push({ key: edgeKey(type, source, target), source, target, attributes: result.attributes });
  }
  for (const { key, source, target, attributes } of keyedEdges.sort((a, b) => compareKeys(a.key, b.key))) {
    // graph.json has one edge per pair of nodes (its graph is not multi): a second one was not written by a load
    if (graph.hasEdge(source, target))
      issues.push(`${String(attributes["type"])} ${source} -> ${target}: a second relationship between them`);
    else graph.addDirectedEdgeWithKey(key, source, target, attributes);
  }
  return { graph, stamps: [...stamps].sort(), issues };
}

/**
 * The version a graph read from Neo4j is served under: its build id when one load wrote all of it (the version the
 * build folder has, graph-index.ts), else a hash of the stamps found, so that ETags still change with the data.
 */
export function storedGraphVersion(stamps: string[]): string {
  if (stamps.length === 1) return stamps[0]!;
  return createHash("sha256").update(stamps.join("\n")).digest("hex").slice(0, 16);
}
