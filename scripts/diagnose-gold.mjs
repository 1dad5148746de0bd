#!/usr/bin/env node
// Development aid: lists, per gold article, the quotes whose speaker or text disagree with a graph.json export,
// and the output meetings/quotes that match no gold item. Usage: node scripts/diagnose-gold.mjs GOLD graph.json
import { readFileSync } from "node:fs";

const gold = JSON.parse(readFileSync(process.argv[2], "utf8"));
const graph = JSON.parse(readFileSync(process.argv[3], "utf8"));
const norm = (s) =>
  String(s ?? "")
    .normalize("NFKC")
    .replace(/[\s“”"「」『』‘’'《》]/g, "");
const bigrams = (s) => {
  const m = new Map();
  for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
};
const dice = (a, b) => {
  a = norm(a);
  b = norm(b);
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const A = bigrams(a),
    B = bigrams(b);
  let i = 0,
    n = 0;
  for (const [k, v] of A) {
    n += v;
    i += Math.min(v, B.get(k) ?? 0);
  }
  for (const v of B.values()) n += v;
  return (2 * i) / n;
};
const nodes = new Map(graph.nodes.map((n) => [n.key, n.attributes]));
const edges = graph.edges.map((e) => ({ s: e.source, t: e.target, a: e.attributes }));
for (const doc of gold.docs) {
  const art = [...nodes].find(([, a]) => a.label === "Article" && norm(a.file).endsWith(norm(doc.file)))?.[0];
  const quotes = edges.filter((e) => e.a.type === "QUOTED_IN" && e.t === art).map((e) => e.s);
  const speakerOf = (q) =>
    edges
      .filter((e) => e.a.type === "SAID" && e.t === q)
      .map((e) => nodes.get(e.s)?.name)
      .join("|") || "unknown";
  console.log(`\n== ${doc.file}`);
  const used = new Set();
  for (const g of doc.quotes) {
    let best,
      bestS = 0;
    for (const q of quotes) {
      const a = nodes.get(q);
      if (used.has(q) || a.kind !== g.kind) continue;
      const d = dice(g.text, a.text);
      if (d > bestS) {
        bestS = d;
        best = q;
      }
    }
    if (!best || bestS < 0.6) {
      console.log(`  MISSED ${g.kind} [${g.speaker}] ${g.text}`);
      continue;
    }
    used.add(best);
    const sp = speakerOf(best);
    const gsp = g.speaker;
    const ent = [...doc.persons, ...doc.orgs].find((e) => e.id === gsp);
    const ok =
      gsp === "unknown"
        ? sp === "unknown" || true
        : ent &&
          (sp.toLowerCase().includes(ent.name.toLowerCase().split(" ").pop()) ||
            ent.mentions.some((m) => sp.includes(m)));
    if (!ok) console.log(`  SPEAKER ${g.kind} gold=${gsp} out=${sp}: ${g.text.slice(0, 40)}`);
  }
  for (const q of quotes)
    if (!used.has(q)) console.log(`  EXTRA ${nodes.get(q).kind} [${speakerOf(q)}] ${nodes.get(q).text}`);
  const meetings = edges.filter(
    (e) => e.a.type === "MENTIONED_IN" && e.t === art && nodes.get(e.s)?.label === "Meeting",
  );
  for (const m of meetings) {
    const who = edges
      .filter((e) => e.a.type === "ATTENDED" && e.t === m.s)
      .map((e) => `${nodes.get(e.s)?.name}(${e.a.role})`);
    console.log(
      `  MEETING ${nodes.get(m.s).name} ${nodes.get(m.s).date ?? ""} attendees=${who.join(",")} forms=${JSON.stringify(m.a.forms)}`,
    );
  }
}
