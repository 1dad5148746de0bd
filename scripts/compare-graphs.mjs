#!/usr/bin/env node
// `node scripts/compare-graphs.mjs A/graph.json B/graph.json [--ignore-layout]`: compares two graph.json files node
// by node and edge by edge, whatever order their keys were sorted in (builds before the scale work sorted them by
// the locale's collation, now by code units). Exits 0 when every node and edge serializes to the same bytes.
import { readFileSync } from "node:fs";

const [a, b] = process.argv.slice(2).filter((x) => !x.startsWith("--"));
const ignoreLayout = process.argv.includes("--ignore-layout");
if (!a || !b) {
  console.error("usage: compare-graphs.mjs A/graph.json B/graph.json [--ignore-layout]");
  process.exit(2);
}
const load = (file) => {
  const g = JSON.parse(readFileSync(file, "utf8"));
  const map = (items) =>
    new Map(
      items.map((item) => {
        if (ignoreLayout && item.attributes) {
          delete item.attributes.x;
          delete item.attributes.y;
        }
        return [item.key, JSON.stringify(item)];
      }),
    );
  return { head: JSON.stringify([g.options, g.attributes]), nodes: map(g.nodes), edges: map(g.edges) };
};
const A = load(a);
const B = load(b);
let differences = 0;
const report = (what) => {
  if (differences++ < 10) console.log(what);
};
if (A.head !== B.head) report("graph options or attributes differ");
for (const kind of ["nodes", "edges"]) {
  for (const [key, json] of A[kind]) {
    if (!B[kind].has(key)) report(`${kind}: ${key} only in ${a}`);
    else if (B[kind].get(key) !== json) report(`${kind}: ${key} differs`);
  }
  for (const key of B[kind].keys()) if (!A[kind].has(key)) report(`${kind}: ${key} only in ${b}`);
}
console.log(
  differences
    ? `${differences} differences`
    : `identical: ${A.nodes.size} nodes and ${A.edges.size} edges serialize to the same bytes`,
);
process.exit(differences ? 1 : 0);
