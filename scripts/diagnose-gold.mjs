#!/usr/bin/env node
// Development aid: per gold article, what a graph.json export gets wrong, in the terms score.mjs counts.
//
//   node scripts/diagnose-gold.mjs GOLD graph.json [--only persons,orgs,quotes,meetings] [--sentences] [--summary]
//
// persons / orgs: MISS (a gold entity with no output form), SPLIT (one gold entity over several nodes), PARTIAL
// (forms the node lacks), EXTRA (an output entity no gold form matches). quotes: MISSED, SPEAKER (found with another
// speaker or none), EXTRA (an output quote no gold quote matches); --sentences prints the sentence of each.
// meetings: MEETING lines for every output meeting, MISSED for gold meetings no output meeting reports.
// --summary counts the error kinds over the whole gold set.
import { readFileSync } from "node:fs";

const [goldFile, graphFile, ...rest] = process.argv.slice(2);
if (!goldFile || !graphFile) {
  console.error(
    "usage: node scripts/diagnose-gold.mjs GOLD graph.json [--only persons,orgs,quotes,meetings] [--sentences] [--summary]",
  );
  process.exit(2);
}
const only = rest.includes("--only") ? new Set(rest[rest.indexOf("--only") + 1].split(",")) : undefined;
const show = (part) => !only || only.has(part);
const sentences = rest.includes("--sentences");
const summaryOnly = rest.includes("--summary");
const gold = JSON.parse(readFileSync(goldFile, "utf8"));
const graph = JSON.parse(readFileSync(graphFile, "utf8"));

// the same normalisation and matching as ../shared/eval/score.mjs
const norm = (s) =>
  String(s ?? "")
    .normalize("NFKC")
    .replace(/[·•‧・‧･∙⋅]/g, "·")
    .replace(/[\s\u3000]+/g, "")
    .replace(/[“”"「」『』‘’'《》〈〉]/g, "")
    .toLowerCase();
const bigrams = (s) => {
  const m = new Map();
  for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
};
const dice = (a, b) => {
  a = norm(a);
  b = norm(b);
  if (!a || !b) return 0;
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const A = bigrams(a);
  const B = bigrams(b);
  let inter = 0;
  let n = 0;
  for (const [k, v] of A) {
    n += v;
    inter += Math.min(v, B.get(k) ?? 0);
  }
  for (const v of B.values()) n += v;
  return (2 * inter) / n;
};

const nodes = new Map(graph.nodes.map((n) => [n.key, n.attributes]));
const edges = graph.edges.map((e) => ({ s: e.source, t: e.target, a: e.attributes }));
const counts = new Map();
const count = (kind) => counts.set(kind, (counts.get(kind) ?? 0) + 1);
const out = [];
const say = (line) => out.push(line);

for (const doc of gold.docs) {
  const art = [...nodes].find(([, a]) => a.label === "Article" && norm(a.file).endsWith(norm(doc.file)))?.[0];
  const start = out.length;
  if (!art) {
    say(`  NOT BUILT (no Article node for this file)`);
    count("article not built");
  }
  const mentioned = edges.filter((e) => e.a.type === "MENTIONED_IN" && e.t === art);
  for (const [label, key] of [
    ["Person", "persons"],
    ["Org", "orgs"],
  ]) {
    if (!show(key)) continue;
    const outForms = new Map(
      mentioned.filter((e) => nodes.get(e.s)?.label === label).map((e) => [e.s, new Set((e.a.forms ?? []).map(norm))]),
    );
    for (const ent of doc[key] ?? []) {
      const gf = new Set(ent.mentions.map(norm));
      const hits = [...outForms].filter(([, fs]) => [...fs].some((f) => gf.has(f)));
      if (!hits.length) {
        say(`  MISS ${label} ${ent.id}: ${ent.mentions.join(" / ")}`);
        count(`${key}: missed`);
      } else if (hits.length > 1) {
        say(`  SPLIT ${label} ${ent.id}: ${hits.map(([k, fs]) => `${k}{${[...fs].join(",")}}`).join(" ; ")}`);
        count(`${key}: split in one article`);
      } else {
        const missing = ent.mentions.filter((m) => !hits[0][1].has(norm(m)));
        if (missing.length) {
          say(`  PARTIAL ${label} ${ent.id}: no form ${missing.join(", ")}`);
          count(`${key}: form not found`);
        }
      }
    }
    for (const [k, fs] of outForms) {
      if ((doc[key] ?? []).some((ent) => ent.mentions.some((m) => fs.has(norm(m))))) continue;
      say(`  EXTRA ${label} ${k}: ${[...fs].join(", ")}`);
      count(`${key}: extra`);
    }
  }

  if (show("quotes")) {
    const quotes = edges.filter((e) => e.a.type === "QUOTED_IN" && e.t === art).map((e) => e.s);
    const speakersOf = (q) => edges.filter((e) => e.a.type === "SAID" && e.t === q).map((e) => e.s);
    const sentenceOf = (q) => (nodes.get(q).evidence ?? []).find((ev) => ev.article === art)?.sentence ?? "";
    const used = new Set();
    for (const g of doc.quotes ?? []) {
      let best;
      let bestScore = 0;
      for (const q of quotes) {
        const a = nodes.get(q);
        if (used.has(q) || a.kind !== g.kind) continue;
        const d = dice(g.text, a.text);
        if (d > bestScore) [best, bestScore] = [q, d];
      }
      if (!best || bestScore < 0.6) {
        say(`  MISSED ${g.kind} [${g.speaker}] ${g.text}`);
        count(`${g.kind} quotes: missed`);
        continue;
      }
      used.add(best);
      if (g.speaker === "unknown") continue;
      const ent = [...(doc.persons ?? []), ...(doc.orgs ?? [])].find((e) => e.id === g.speaker);
      const gforms = new Set((ent?.mentions ?? []).map(norm));
      const named = speakersOf(best);
      const ok = named.some((k) => {
        const formsHere = mentioned.find((e) => e.s === k)?.a.forms ?? [];
        const aliases = [nodes.get(k)?.name, ...(nodes.get(k)?.aliases ?? [])];
        return [...formsHere, ...aliases].some((f) => gforms.has(norm(f)));
      });
      if (ok) continue;
      const who = named.map((k) => nodes.get(k)?.name).join("|") || "none";
      say(`  SPEAKER ${g.kind} gold=${g.speaker} out=${who}: ${g.text.slice(0, 50)}`);
      if (sentences) say(`      ${sentenceOf(best)}`);
      count(`${g.kind} quotes: ${named.length ? "wrong speaker" : "no speaker"}`);
    }
    for (const q of quotes) {
      if (used.has(q)) continue;
      const a = nodes.get(q);
      const who =
        speakersOf(q)
          .map((k) => nodes.get(k)?.name)
          .join("|") || "none";
      say(`  EXTRA ${a.kind} [${who}] ${a.text}`);
      if (sentences) say(`      ${sentenceOf(q)}`);
      count(`${a.kind} quotes: extra`);
    }
  }

  if (show("meetings")) {
    const meetings = mentioned.filter((e) => nodes.get(e.s)?.label === "Meeting");
    for (const m of meetings) {
      const who = edges
        .filter((e) => e.a.type === "ATTENDED" && e.t === m.s)
        .map((e) => `${nodes.get(e.s)?.name}(${e.a.role})`);
      const n = nodes.get(m.s);
      say(`  MEETING ${n.name} ${n.date ?? ""} attendees=${who.join(",")} forms=${JSON.stringify(m.a.forms)}`);
    }
    for (const g of doc.meetings ?? []) {
      const reported = meetings.some((m) => {
        const n = nodes.get(m.s);
        if (g.date && n.date && n.date.slice(0, 10) !== g.date) return false;
        return (m.a.forms ?? []).some((f) => g.mentions.some((x) => dice(x, f) >= 0.6));
      });
      if (!reported) {
        say(`  MISSED meeting ${g.id} ${g.date ?? ""}: ${g.mentions.join(" / ")} attendees=${g.attendees.join(",")}`);
        count("meetings: missed");
      }
    }
  }
  if (out.length > start) out.splice(start, 0, `\n== ${doc.file}`);
}
if (!summaryOnly) console.log(out.join("\n"));
console.log("\nerror kinds, commonest first:");
for (const [kind, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${kind}`);
