import type { z } from "zod";
import {
  ArticleAttributes,
  EdgeAttributes,
  EntityAttributes,
  MeetingAttributes,
  QuoteAttributes,
  type EdgeType,
  type NodeLabel,
} from "./graph.ts";

/**
 * The graph as Neo4j holds it, derived from the export contract in graph.ts so that the loader, both exporters and
 * the Cypher linter in the tests agree on one list of labels, relationship types and property keys.
 */

/** How a property is stored: Neo4j properties are scalars or lists of scalars, so nested values go as JSON text. */
export type Neo4jPropertyType = "string" | "string[]" | "long" | "double" | "boolean" | "json";

/** One property key of a label or relationship type, with its Neo4j type. */
export interface Neo4jProperty {
  name: string;
  type: Neo4jPropertyType;
  /**
   * Whether every element has it in graph.json. Neo4j cannot hold an empty list, so the loader leaves one out; read
   * back, a required list that is absent was empty (titles: []), an optional one may have been absent or empty.
   */
  required: boolean;
}

/** Attributes of graph.json that Neo4j does not store: the label is the node's label, x/y are the viewer's layout. */
const NOT_STORED = new Set(["label", "type", "x", "y"]);

/** The stamp every node and relationship carries: the id of the build that last wrote it (see src/neo4j/load.ts). */
export const BUILD_ID_PROPERTY = "buildId";

/** Properties the loader adds that are no attribute of graph.json: the build stamp, the aliases for full-text search. */
export const DERIVED_PROPERTIES: ReadonlySet<string> = new Set([BUILD_ID_PROPERTY, "aliasText"]);

/** Neo4j type of one zod attribute schema: strings, enums and literals are strings, objects and their lists JSON. */
export function neo4jTypeOf(schema: z.ZodType): Neo4jPropertyType {
  const def = schema.def as { type: string; innerType?: z.ZodType; element?: z.ZodType };
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
      return neo4jTypeOf(def.innerType!);
    case "string":
    case "enum":
    case "literal":
      return "string";
    case "number":
      return (schema as unknown as { isInt: boolean }).isInt ? "long" : "double";
    case "boolean":
      return "boolean";
    case "array": {
      const element = neo4jTypeOf(def.element!);
      return element === "string" ? "string[]" : "json";
    }
    default:
      return "json";
  }
}

function propertiesOf(shape: Record<string, z.ZodType>): Neo4jProperty[] {
  return Object.entries(shape)
    .filter(([name]) => !NOT_STORED.has(name))
    .map(([name, schema]) => ({ name, type: neo4jTypeOf(schema), required: !schema.safeParse(undefined).success }));
}

const KEY: Neo4jProperty = { name: "key", type: "string", required: true };
const BUILD_ID: Neo4jProperty = { name: BUILD_ID_PROPERTY, type: "string", required: true };
// the aliases joined by spaces: full-text indexes take strings, not lists (entity_aliases in constraints.cypher)
const ALIAS_TEXT: Neo4jProperty = { name: "aliasText", type: "string", required: true };

/** Property keys of each node label, `key` first, in the column order of the CSV export. */
export const NODE_PROPERTIES: Record<NodeLabel, Neo4jProperty[]> = {
  Person: [KEY, ...propertiesOf(EntityAttributes.shape), ALIAS_TEXT, BUILD_ID],
  Org: [KEY, ...propertiesOf(EntityAttributes.shape), ALIAS_TEXT, BUILD_ID],
  Meeting: [KEY, ...propertiesOf(MeetingAttributes.shape), BUILD_ID],
  Quote: [KEY, ...propertiesOf(QuoteAttributes.shape), BUILD_ID],
  Article: [KEY, ...propertiesOf(ArticleAttributes.shape), BUILD_ID],
};

/** Property keys of every relationship type (`forms` is only on MENTIONED_IN, `role` only on ATTENDED). */
export const RELATIONSHIP_PROPERTIES: Neo4jProperty[] = [...propertiesOf(EdgeAttributes.shape), BUILD_ID];

/** The label pairs each relationship type joins, as in the README's export contract. */
export const RELATIONSHIP_ENDS: { type: EdgeType; from: NodeLabel; to: NodeLabel }[] = [
  { type: "MENTIONED_IN", from: "Person", to: "Article" },
  { type: "MENTIONED_IN", from: "Org", to: "Article" },
  { type: "MENTIONED_IN", from: "Meeting", to: "Article" },
  { type: "SAID", from: "Person", to: "Quote" },
  { type: "SAID", from: "Org", to: "Quote" },
  { type: "QUOTED_IN", from: "Quote", to: "Article" },
  { type: "ATTENDED", from: "Person", to: "Meeting" },
  { type: "SAID_AT", from: "Quote", to: "Meeting" },
];

/** Procedures quotegraph's statements and README queries call; all ship with Neo4j 5 (no plugin such as APOC). */
export const NEO4J_PROCEDURES = ["db.index.fulltext.queryNodes"] as const;

/** Every property key quotegraph writes, on nodes or relationships. */
export function allPropertyKeys(): string[] {
  const keys = new Set<string>();
  for (const props of Object.values(NODE_PROPERTIES)) for (const p of props) keys.add(p.name);
  for (const p of RELATIONSHIP_PROPERTIES) keys.add(p.name);
  return [...keys].sort();
}

/** The Neo4j type of every property key; a key has one type wherever it appears (checked in the tests). */
export const PROPERTY_TYPES: ReadonlyMap<string, Neo4jPropertyType> = new Map(
  [...Object.values(NODE_PROPERTIES).flat(), ...RELATIONSHIP_PROPERTIES].map((p) => [p.name, p.type]),
);
