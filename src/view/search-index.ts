import type { DirectedGraph } from "graphology";
import type { SearchHit } from "../../schema/api.ts";
import { NODE_LABELS, type NodeLabel } from "../../schema/graph.ts";
import { simplifyText } from "../../ingest/text/simplify.ts";

/** A name the registry knows for an entity, so 川普 finds Donald Trump even in a corpus that only wrote 特朗普. */
export interface KnownNames {
  latin?: string;
  wikidata?: string;
  names: string[];
}

interface Entry {
  key: string;
  label: NodeLabel;
  name: string;
  mentions: number;
  /** Written forms and their normalised copies, index-aligned. */
  forms: string[];
  normal: string[];
}

/** Lower case, NFKC (full-width Latin), simplified script, one kind of name dot: how queries and names compare. */
export function normaliseForSearch(text: string): string {
  return simplifyText(text.normalize("NFKC").toLowerCase()).replace(/\s+/g, " ").trim();
}

const LABEL_RANK = new Map(NODE_LABELS.map((l, i) => [l, i]));
const SNIPPET = 60;

/**
 * Search over every name and alias of people, organisations and meetings (both scripts), quote text and article
 * titles. Entities are scanned in full and ranked; quotes and articles, which rank below every entity, are scanned
 * only until the list is full.
 */
export class SearchIndex {
  private constructor(
    private readonly entities: Entry[],
    private readonly quotes: Entry[],
    private readonly articles: Entry[],
  ) {}

  /** Indexes a graph of the export contract; `known` adds registry names to the entities they identify. */
  static build(graph: DirectedGraph, mentions: Map<string, number>, known: KnownNames[] = []): SearchIndex {
    const byLatin = new Map<string, string[]>();
    const byWikidata = new Map<string, string[]>();
    for (const k of known) {
      if (k.latin) byLatin.set(k.latin.toLowerCase(), k.names);
      if (k.wikidata) byWikidata.set(k.wikidata, k.names);
    }
    const entities: Entry[] = [];
    const quotes: Entry[] = [];
    const articles: Entry[] = [];
    const speakerOf = new Map<string, string>();
    graph.forEachEdge((_e, a, source, target) => {
      if (a["type"] === "SAID") speakerOf.set(target, String(graph.getNodeAttribute(source, "name") ?? source));
    });
    graph.forEachNode((key, a) => {
      const label = a["label"] as NodeLabel;
      const entry = (name: string, forms: string[], count: number): Entry => {
        const unique = [...new Set(forms.filter((f) => typeof f === "string" && f.length > 0))];
        return { key, label, name, mentions: count, forms: unique, normal: unique.map(normaliseForSearch) };
      };
      if (label === "Person" || label === "Org") {
        const registry = [
          ...(byWikidata.get(String(a["wikidata"])) ?? []),
          ...(byLatin.get(String(a["latin"] ?? a["name"]).toLowerCase()) ?? []),
        ];
        const forms = [a["name"], ...((a["aliases"] as string[]) ?? []), a["latin"], ...registry] as string[];
        entities.push(entry(String(a["name"]), forms, mentions.get(key) ?? 0));
      } else if (label === "Meeting") {
        entities.push(entry(String(a["name"]), [a["name"], a["location"]] as string[], mentions.get(key) ?? 0));
      } else if (label === "Quote") {
        const speaker = speakerOf.get(key);
        const text = String(a["text"] ?? "");
        quotes.push({ ...entry(speaker ? `${speaker}：${text}` : text, [text], 1) });
      } else if (label === "Article") {
        articles.push(entry(String(a["title"] ?? key), [a["title"]] as string[], 0));
      }
    });
    return new SearchIndex(entities, quotes, articles);
  }

  /** Ranked suggestions: exact name first, then label (Person, Org, Meeting, Quote, Article), closeness, mentions. */
  search(query: string, limit: number): SearchHit[] {
    const q = normaliseForSearch(query);
    if (!q) return [];
    const scored: { hit: SearchHit; closeness: number }[] = [];
    for (const entry of this.entities) {
      let best = -1;
      let closeness = 9;
      entry.normal.forEach((form, i) => {
        const c = closenessOf(form, q);
        if (c < closeness) {
          closeness = c;
          best = i;
        }
      });
      if (best < 0) continue;
      const hit = toHit(entry, entry.forms[best]!, closeness === 0);
      scored.push({ hit, closeness });
    }
    scored.sort(
      (a, b) =>
        Number(b.hit.exact) - Number(a.hit.exact) ||
        LABEL_RANK.get(a.hit.label)! - LABEL_RANK.get(b.hit.label)! ||
        a.closeness - b.closeness ||
        b.hit.mentions - a.hit.mentions ||
        a.hit.name.localeCompare(b.hit.name),
    );
    const hits = scored.slice(0, limit).map((s) => s.hit);
    for (const list of [this.quotes, this.articles])
      for (const entry of list) {
        if (hits.length >= limit) return hits;
        const at = entry.normal[0]?.indexOf(q) ?? -1;
        if (at >= 0) hits.push(toHit(entry, snippet(entry.forms[0]!, at), false));
      }
    return hits;
  }
}

/** 0: the same; 1: a whole part (a word of a Latin name, a part between name dots) or the start; 2: inside; 9: no. */
function closenessOf(form: string, q: string): number {
  if (form === q) return 0;
  const at = form.indexOf(q);
  if (at < 0) return 9;
  if (at === 0 || form.split(/[\s·.-]+/).includes(q)) return 1;
  return 2;
}

/** The part of a long text around a match. */
function snippet(text: string, at: number): string {
  if (text.length <= SNIPPET) return text;
  const start = Math.max(0, Math.min(at - 20, text.length - SNIPPET));
  const end = start + SNIPPET;
  return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`.replace(/\s+/g, " ");
}

const toHit = (entry: Entry, matched: string, exact: boolean): SearchHit => ({
  key: entry.key,
  label: entry.label,
  name: entry.name.length > 120 ? `${entry.name.slice(0, 120)}…` : entry.name,
  matched,
  exact,
  mentions: entry.mentions,
});
