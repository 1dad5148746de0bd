import { assembleGraph, type AssembledGraph, type AssemblyOptions } from "../../ingest/graph/assemble-graph.ts";
import type { ArticleExtraction } from "../../ingest/extract-article.ts";
import type { AliasDecisions } from "../../ingest/entities/resolve-aliases.ts";

/** The assembled graph, and the articles left out of it with the reason. */
export interface IsolatedAssembly extends AssembledGraph {
  /** Article id → why the cross-article stages could not take it. */
  failures: Map<string, string>;
}

/**
 * Runs the cross-article stages (alias resolution, meeting merge, graph assembly) over every article. Should they
 * throw, the article that makes them throw is found by assembling each article alone, reported, and left out, so
 * that one bad article never costs the whole graph. Only a failure that no single article explains is thrown.
 */
export function assembleEachArticle(
  extractions: ArticleExtraction[],
  decisions?: AliasDecisions,
  options: AssemblyOptions = {},
): IsolatedAssembly {
  try {
    return { ...assembleGraph(extractions, decisions, options), failures: new Map() };
  } catch (error) {
    const failures = new Map<string, string>();
    for (const x of extractions) {
      try {
        assembleGraph([x], decisions, options);
      } catch (alone) {
        failures.set(x.article.id, `graph assembly failed: ${(alone as Error).message}`);
      }
    }
    if (!failures.size) throw error;
    const rest = extractions.filter((x) => !failures.has(x.article.id));
    return { ...assembleGraph(rest, decisions, options), failures };
  }
}
