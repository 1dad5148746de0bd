import type { NodeLabel } from "./graph.ts";

/** Node colours by label, shared by the viewer and the GEXF export (Tableau 10). */
export const LABEL_COLORS: Record<NodeLabel, string> = {
  Person: "#e15759",
  Org: "#4e79a7",
  Meeting: "#f28e2b",
  Quote: "#59a14f",
  Article: "#9c9c9c",
};
