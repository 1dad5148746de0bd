import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { NODE_LABELS } from "../../schema/graph.ts";
import { NODE_PROPERTIES } from "../../schema/neo4j.ts";
import { LABEL_COLORS } from "../../schema/palette.ts";
import { readReadme } from "./_neo4j.ts";

// docs/quotegraph.grass is the Neo4j Browser style users drag onto Browser; it must keep the viewer's palette, and
// the README's model table must keep up with schema/neo4j.ts.

/** The rule blocks of a .grass file (Neo4j Browser's CSS-like graph style), by selector. */
function parseGrass(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  for (const [, selector, body] of text.matchAll(/^([\w.]+)\s*\{$([\s\S]*?)^\}$/gm)) {
    const props: Record<string, string> = {};
    // one declaration a line: captions hold braces and could hold semicolons
    for (const declaration of body!.split("\n").map((l) => l.trim().replace(/;$/, ""))) {
      const at = declaration.indexOf(":");
      if (at > 0) props[declaration.slice(0, at).trim()] = declaration.slice(at + 1).trim();
    }
    rules.set(selector!, props);
  }
  return rules;
}

describe("docs/quotegraph.grass", () => {
  const rules = parseGrass(
    readFileSync(fileURLToPath(new URL("../../docs/quotegraph.grass", import.meta.url)), "utf8"),
  );

  it.each(NODE_LABELS)("colours %s as the viewer does and captions it with a property the loader writes", (label) => {
    const rule = rules.get(`node.${label}`);
    expect(rule, `node.${label}`).toBeDefined();
    expect(rule!["color"]!.toLowerCase()).toBe(LABEL_COLORS[label].toLowerCase());
    const caption = /^"\{(\w+)\}"$/.exec(rule!["caption"] ?? "")?.[1];
    expect(NODE_PROPERTIES[label].map((p) => p.name)).toContain(caption);
  });

  it("styles only labels of the model, and captions relationships with their type", () => {
    for (const selector of rules.keys())
      expect(["node", "relationship", ...NODE_LABELS.map((l) => `node.${l}`)]).toContain(selector);
    expect(rules.get("relationship")!["caption"]).toBe('"<type>"');
  });
});

describe("README's Neo4j model table", () => {
  const section =
    readReadme()
      .split(/^## /m)
      .find((s) => s.startsWith("The graph model in Neo4j")) ?? "";

  it.each(NODE_LABELS)("lists every property the loader writes on %s", (label) => {
    const row = section.split("\n").find((line) => line.startsWith("|") && line.includes(`\`${label}\``)) ?? "";
    for (const { name } of NODE_PROPERTIES[label].filter((p) => p.name !== "buildId"))
      expect(row, `${label}.${name}`).toContain(`\`${name}\``);
  });
});
