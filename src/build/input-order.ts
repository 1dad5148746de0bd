import { sep } from "node:path";
import { compareKeys } from "../export-graph.ts";

/**
 * The build's order of input files: path component by component, in UTF-16 code-unit order (as graph.json orders
 * keys, whatever the machine's locale), with exact duplicates dropped. Whatever order files and folders are listed
 * in on the command line, the build sees them in this order, so the outputs are the same: which copy of a
 * duplicated article is kept, the order of report.json.
 */
export function orderInputFiles(files: string[]): string[] {
  const split = new Map<string, string[]>();
  for (const f of files) split.set(f, f.split(sep));
  return [...split.keys()].sort((a, b) => comparePaths(split.get(a)!, split.get(b)!));
}

function comparePaths(a: string[], b: string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return compareKeys(a[i]!, b[i]!);
  return a.length - b.length;
}
