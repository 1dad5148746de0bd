import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { GraphExport, type EdgeAttributes, type NodeAttributes } from "../../schema/graph.ts";
import { UserError } from "../user-error.ts";
import { GraphJsonScanner } from "./json-elements.ts";

/** A node of graph.json, validated against the export contract. */
export interface GraphNode {
  kind: "node";
  key: string;
  attributes: NodeAttributes;
}

/** An edge of graph.json, validated against the export contract. */
export interface GraphEdge {
  kind: "edge";
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

const NodeElement = GraphExport.shape.nodes.element;
const EdgeElement = GraphExport.shape.edges.element;

/** The graph.json of a build folder, with the id that stamps what is loaded from it. */
export interface BuildGraph {
  path: string;
  /** sha256 of graph.json (16 hex digits): identical builds (exports are byte-identical) share it */
  buildId: string;
}

/** Finds graph.json in a build folder and computes its build id in one streaming pass. */
export async function openBuildGraph(dataDir: string): Promise<BuildGraph> {
  const path = join(dataDir, "graph.json");
  try {
    if (!(await stat(path)).isFile()) throw new Error("not a file");
  } catch {
    throw new UserError(`No graph.json in ${dataDir}: run \`quotegraph build … --out ${dataDir}\` first.`, 2);
  }
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { path, buildId: hash.digest("hex").slice(0, 16) };
}

/**
 * Streams the nodes, then the edges, of graph.json, each validated on its own. An element that breaks the contract
 * is reported through `onIssue` (one line naming it and why) and skipped; a file that is not JSON stops the read.
 */
export async function* readGraph(
  path: string,
  onIssue: (message: string) => void = () => {},
): AsyncGenerator<GraphNode | GraphEdge> {
  const scanner = new GraphJsonScanner();
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      let elements;
      try {
        elements = scanner.feed(chunk as string);
      } catch (error) {
        throw new UserError(`${path} is not a graph.json export: ${(error as Error).message}`, 2);
      }
      for (const { section, index, value } of elements) {
        if (section === "nodes") {
          const node = NodeElement.safeParse(value);
          if (node.success) yield { kind: "node", key: node.data.key, attributes: node.data.attributes };
          else onIssue(`${path}: nodes[${index}] skipped: ${describeIssue(node.error)}`);
        } else {
          const edge = EdgeElement.safeParse(value);
          if (edge.success)
            yield {
              kind: "edge",
              source: edge.data.source,
              target: edge.data.target,
              attributes: edge.data.attributes,
            };
          else onIssue(`${path}: edges[${index}] skipped: ${describeIssue(edge.error)}`);
        }
      }
    }
    try {
      scanner.end();
    } catch (error) {
      throw new UserError(`${path}: ${(error as Error).message}`, 2);
    }
  } finally {
    stream.destroy();
  }
}

function describeIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  return first ? `${first.path.map(String).join(".") || "(element)"}: ${first.message}` : "invalid";
}
