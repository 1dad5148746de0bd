/**
 * Edge kinds a view of the viewer's API can draw (schema/api.ts). The first five join entities in the entity layer
 * (derived, weighted); the last four are relationships of graph.json drawn in the full view. An edge of a view carries
 * a bit mask of these (bit i = kind i). Kept apart from the zod schemas so the viewer can import it without zod.
 */
export const EDGE_KINDS = [
  "MENTIONED_WITH", // two entities named in the same article
  "QUOTED_WITH", // two speakers quoted in the same article
  "MET", // two people who attended the same meeting
  "ATTENDED", // a person at a meeting
  "SPOKE_AT", // a person quoted at a meeting (SAID_AT)
  "MENTIONED_IN",
  "SAID",
  "QUOTED_IN",
  "SAID_AT",
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];
