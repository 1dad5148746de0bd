import { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { iterationBudget, layoutGraph } from "../../src/layout.ts";

/** Two groups of eight people, each person linked to every other of the group, and one link between the groups. */
function twoGroups(): DirectedGraph {
  const g = new DirectedGraph();
  for (const group of ["a", "b"])
    for (let i = 0; i < 8; i++) g.addNode(`person:${group}${i}`, { label: "Person", name: `${group}${i}` });
  for (const group of ["a", "b"])
    for (let i = 0; i < 8; i++)
      for (let j = i + 1; j < 8; j++) g.addEdge(`person:${group}${i}`, `person:${group}${j}`, { type: "ATTENDED" });
  g.addEdge("person:a0", "person:b0", { type: "ATTENDED" });
  return g;
}

const distance = (g: DirectedGraph, a: string, b: string): number =>
  Math.hypot(
    (g.getNodeAttribute(a, "x") as number) - (g.getNodeAttribute(b, "x") as number),
    (g.getNodeAttribute(a, "y") as number) - (g.getNodeAttribute(b, "y") as number),
  );

describe("layoutGraph", () => {
  it("draws linked groups apart: people sit nearer their own group than the other", async () => {
    const g = twoGroups();
    await layoutGraph(g);
    const within: number[] = [];
    const across: number[] = [];
    for (let i = 1; i < 8; i++)
      for (let j = 1; j < 8; j++) {
        if (i < j)
          within.push(distance(g, `person:a${i}`, `person:a${j}`), distance(g, `person:b${i}`, `person:b${j}`));
        across.push(distance(g, `person:a${i}`, `person:b${j}`));
      }
    expect(Math.max(...within)).toBeLessThan(Math.min(...across));
  });

  it("gives the same positions to the same graph", async () => {
    const a = twoGroups();
    const b = twoGroups();
    await layoutGraph(a);
    await layoutGraph(b);
    expect(a.mapNodes((_k, attrs) => [attrs["x"], attrs["y"]])).toEqual(
      b.mapNodes((_k, attrs) => [attrs["x"], attrs["y"]]),
    );
  });

  it("puts a quote next to its speaker, and an unattributed quote next to its article", async () => {
    const g = twoGroups();
    g.addNode("a_1", { label: "Article", title: "t" });
    for (let i = 0; i < 8; i++) g.addEdge(`person:a${i}`, "a_1", { type: "MENTIONED_IN" });
    g.addNode("quote:said", { label: "Quote", text: "q" });
    g.addEdge("person:b3", "quote:said", { type: "SAID" });
    g.addEdge("quote:said", "a_1", { type: "QUOTED_IN" });
    g.addNode("quote:unsaid", { label: "Quote", text: "r" });
    g.addEdge("quote:unsaid", "a_1", { type: "QUOTED_IN" });
    await layoutGraph(g);
    const nearest = (q: string): string =>
      g.filterNodes((_k, a) => a["label"] !== "Quote").sort((m, n) => distance(g, q, m) - distance(g, q, n))[0]!;
    expect(nearest("quote:said")).toBe("person:b3");
    expect(nearest("quote:unsaid")).toBe("a_1");
  });

  it("spends fewer iterations on larger graphs, and less work per node", () => {
    const sizes = [100, 3_000, 30_000, 300_000];
    const budgets = sizes.map(iterationBudget);
    expect(budgets).toEqual([...budgets].sort((a, b) => b - a));
    expect(Math.min(...budgets)).toBeGreaterThan(0);
    // nodes × iterations grows with the graph, but less than ten times for ten times the nodes
    for (let i = 1; i < sizes.length; i++)
      expect(budgets[i]! * sizes[i]!).toBeLessThan(10 * budgets[i - 1]! * sizes[i - 1]!);
  });

  it("lays out nodes that start on one spot to finite positions", async () => {
    const g = new DirectedGraph();
    for (let i = 0; i < 50; i++) g.addNode(`person:p${i}`, { label: "Person", name: "同名" });
    await layoutGraph(g);
    expect(
      g
        .mapNodes((_k, a) => [a["x"], a["y"]])
        .flat()
        .every(Number.isFinite),
    ).toBe(true);
  });
});
