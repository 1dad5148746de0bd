import { PROPERTY_TYPES } from "../../schema/neo4j.ts";
import type { Batch, PropertyValue } from "./rows.ts";

/**
 * Cypher literals for the Cypher export, where the rows travel inside the statement instead of as parameters.
 * Every value comes from graph.json (article text included), so every string is escaped, never pasted raw.
 */

const ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  "'": "\\'",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

/** A single-quoted Cypher string literal: backslash escapes for quotes and control characters, `\uXXXX` otherwise. */
export function cypherString(text: string): string {
  const escaped = text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped here
    /[\\'\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `'${escaped}'`;
}

/** A Cypher number literal of the property's type: a float keeps its point (1 → 1.0) so Neo4j stores a FLOAT. */
export function cypherNumber(value: number, type: "long" | "double"): string {
  if (!Number.isFinite(value)) throw new Error(`Cypher has no literal for ${value}`);
  if (type === "long") return String(Math.trunc(value));
  const text = String(value).replace("e+", "e");
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** The literal of one property value, by the key's type in schema/neo4j.ts. */
export function cypherValue(name: string, value: PropertyValue): string {
  if (Array.isArray(value)) return `[${value.map(cypherString).join(", ")}]`;
  if (typeof value === "number") return cypherNumber(value, PROPERTY_TYPES.get(name) === "long" ? "long" : "double");
  if (typeof value === "boolean") return String(value);
  return cypherString(value);
}

/** A map literal; quotegraph's keys are plain identifiers, anything else is backquoted. */
export function cypherMap(entries: [string, string][]): string {
  const key = (k: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `\`${k.replace(/`/g, "``")}\``);
  return `{${entries.map(([k, v]) => `${key(k)}: ${v}`).join(", ")}}`;
}

function propsLiteral(props: Record<string, PropertyValue>): string {
  return cypherMap(Object.entries(props).map(([k, v]) => [k, cypherValue(k, v)]));
}

/** The rows of a batch as a list literal, one row per line, for `UNWIND [...] AS row`. */
export function rowsLiteral(batch: Batch): string {
  const rows =
    batch.kind === "nodes"
      ? batch.rows.map((r) =>
          cypherMap([
            ["key", cypherString(r.key)],
            ["props", propsLiteral(r.props)],
          ]),
        )
      : batch.rows.map((r) =>
          cypherMap([
            ["source", cypherString(r.source)],
            ["target", cypherString(r.target)],
            ["props", propsLiteral(r.props)],
          ]),
        );
  return `[\n  ${rows.join(",\n  ")}\n]`;
}
