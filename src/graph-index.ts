import { DirectedGraph } from "graphology";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { GraphExport } from "../schema/graph.ts";
import { UserError } from "./user-error.ts";

/** One search hit: a node and the text that matched. */
export interface SearchHit {
  key: string;
  label: string;
  name: string;
  matched: string;
}

/** A built graph held in memory for the server: search by any alias or quote text, node details. */
export class GraphIndex {
  private constructor(
    readonly graph: DirectedGraph,
    readonly graphJson: string,
    readonly report: unknown,
  ) {}

  /** Loads and validates graph.json (and report.json when present) from a build folder. */
  static async load(dataDir: string): Promise<GraphIndex> {
    let raw: string;
    try {
      raw = await readFile(join(dataDir, "graph.json"), "utf8");
    } catch {
      throw new UserError(
        `No graph.json in ${dataDir}: run \`quotegraph build <articles> --out ${dataDir}\` first.`,
        2,
      );
    }
    const parsed = GraphExport.safeParse(JSON.parse(raw));
    if (!parsed.success)
      throw new UserError(
        `${join(dataDir, "graph.json")} does not follow the export contract: ${parsed.error.issues[0]!.message}`,
        2,
      );
    const graph = new DirectedGraph();
    graph.import(JSON.parse(raw));
    let report: unknown = null;
    try {
      report = JSON.parse(await readFile(join(dataDir, "report.json"), "utf8"));
    } catch {
      // report.json is optional for serving
    }
    return new GraphIndex(graph, raw, report);
  }

  /** Nodes whose name, any alias, title or quote text contains the query (case-insensitive). */
  search(query: string, limit: number): SearchHit[] {
    const q = query.toLowerCase();
    const hits: SearchHit[] = [];
    this.graph.forEachNode((key, a) => {
      if (hits.length >= limit) return;
      const texts = [a["name"], ...((a["aliases"] as string[]) ?? []), a["text"], a["title"]].filter(
        (t): t is string => typeof t === "string",
      );
      const matched = texts.find((t) => t.toLowerCase().includes(q));
      if (matched)
        hits.push({
          key,
          label: a["label"] as string,
          name: (a["name"] ?? a["title"] ?? a["text"]) as string,
          matched,
        });
    });
    return hits;
  }

  /** A node with its neighbours: for a person or org, their quotes with outlet, date and article link. */
  details(key: string): Record<string, unknown> | undefined {
    if (!this.graph.hasNode(key)) return undefined;
    const g = this.graph;
    const articleOf = (quote: string) =>
      g
        .outNeighbors(quote)
        .filter((n) => g.getNodeAttribute(n, "label") === "Article")
        .map((n) => ({ key: n, ...g.getNodeAttributes(n) }));
    // a person's or organisation's quotes point out of it (SAID); a meeting's quotes point into it (SAID_AT)
    const quotes = [...g.outNeighbors(key), ...g.inNeighbors(key)]
      .filter((n) => g.getNodeAttribute(n, "label") === "Quote")
      .map((n) => ({ key: n, ...g.getNodeAttributes(n), articles: articleOf(n) }));
    const neighbours = g.neighbors(key).map((n) => ({
      key: n,
      label: g.getNodeAttribute(n, "label"),
      name: g.getNodeAttribute(n, "name") ?? g.getNodeAttribute(n, "title") ?? g.getNodeAttribute(n, "text"),
    }));
    const speakers = g
      .inNeighbors(key)
      .filter((n) => g.getNodeAttribute(n, "label") === "Person" || g.getNodeAttribute(n, "label") === "Org");
    return { key, attributes: g.getNodeAttributes(key), quotes, neighbours, speakers };
  }
}
