import { expect } from "vitest";
import { DetailsQuery, EgoQuery, PathQuery, ViewQuery } from "../../schema/api.ts";
import { NODE_LABELS } from "../../schema/graph.ts";
import type { GraphSource } from "../../src/graph-source.ts";

/**
 * Checks that two GraphSources over the same build answer alike: info, facets (all and per outlet), the default
 * view in both modes, an ego network, a path, searches and the details of the first two keys of every label (and of
 * a key that is none). Used for a graph read back from Neo4j against its build folder; report() is left out, as
 * Neo4j holds no report.json.
 */
export async function expectSameAnswers(actual: GraphSource, expected: GraphSource): Promise<void> {
  expect(actual.version).toBe(expected.version);
  expect(await actual.info()).toEqual(await expected.info());
  const facets = await expected.facets({});
  expect(await actual.facets({})).toEqual(facets);
  const outlet = { outlet: [facets.outlets[0]!.name] };
  expect(await actual.facets(outlet)).toEqual(await expected.facets(outlet));
  for (const query of [{}, { mode: "full" }, { ...outlet, minMentions: 2 }]) {
    const view = ViewQuery.parse(query);
    expect(await actual.view(view), JSON.stringify(query)).toEqual(await expected.view(view));
  }
  const entities = (await expected.view(ViewQuery.parse({}))).nodes.map((n) => n[0]);
  expect(entities.length).toBeGreaterThan(2);
  const ego = EgoQuery.parse({ key: [entities[0]], depth: 2 });
  expect(await actual.ego(ego)).toEqual(await expected.ego(ego));
  const path = PathQuery.parse({ source: entities[0], target: entities.at(-1) });
  expect(await actual.path(path)).toEqual(await expected.path(path));
  for (const q of ["普京", "北约", "美国", "a"])
    expect(await actual.search(q, 10), q).toEqual(await expected.search(q, 10));
  const page = DetailsQuery.parse({ limit: 5 });
  for (const key of [...(await keysByLabel(expected)), "person:nobody"])
    expect(await actual.details(key, page), key).toEqual(await expected.details(key, page));
}

/** The first two keys of every label, found through search and views (a GraphSource lists no keys). */
async function keysByLabel(source: GraphSource): Promise<string[]> {
  const full = await source.view(ViewQuery.parse({ mode: "full" }));
  const keys = NODE_LABELS.flatMap((label) =>
    full.nodes
      .filter((n) => n[1] === label)
      .slice(0, 2)
      .map((n) => n[0]),
  );
  expect(new Set(keys.map((k) => full.nodes.find((n) => n[0] === k)![1]))).toEqual(new Set(NODE_LABELS));
  return keys;
}

/** The items in an order of their own (a fixed shuffle), as a database may return them. */
export function shuffled<T>(items: T[]): T[] {
  let seed = 7;
  const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
