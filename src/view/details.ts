import type { DirectedGraph } from "graphology";
import type {
  ArticleDetails,
  ArticleRef,
  DetailsQuery,
  EntityDetails,
  MeetingDetails,
  NodeDetails,
  NodeRef,
  QuoteDetails,
  QuoteRef,
} from "../../schema/api.ts";
import type { MergeReason } from "../../schema/entities.ts";
import type { NodeLabel } from "../../schema/graph.ts";
import { MeetingStatus, type AttendeeRole } from "../../schema/meeting.ts";

type Attrs = Record<string, unknown>;

/** Merge reasons with the same forms and reason once each (the resolver records one per merged mention). */
function distinctReasons(reasons: MergeReason[]): (MergeReason & { times: number })[] {
  const byKey = new Map<string, MergeReason & { times: number }>();
  for (const r of reasons) {
    const key = JSON.stringify([[...r.forms].sort(), r.reason]);
    const seen = byKey.get(key);
    if (seen) {
      seen.times++;
      seen.score = Math.max(seen.score, r.score);
    } else byKey.set(key, { ...r, times: 1 });
  }
  return [...byKey.values()].sort((x, y) => y.times - x.times || y.score - x.score);
}

/** Copies the optional string attributes that are set (exactOptionalPropertyTypes: absent, never undefined). */
function pick<K extends string>(a: Attrs, names: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const name of names) if (typeof a[name] === "string" && a[name] !== "") out[name] = a[name] as string;
  return out;
}

/** Answers the details panel from a graph of the export contract. */
export class NodeDetailsReader {
  constructor(private readonly graph: DirectedGraph) {}

  /** A node's details by label, or undefined when the key is unknown. */
  read(key: string, page: DetailsQuery): NodeDetails | undefined {
    if (!this.graph.hasNode(key)) return undefined;
    const a = this.graph.getNodeAttributes(key);
    switch (a["label"] as NodeLabel) {
      case "Person":
      case "Org":
        return this.entity(key, a, page);
      case "Meeting":
        return this.meeting(key, a, page);
      case "Article":
        return this.article(key, a, page);
      case "Quote":
        return { label: "Quote", ...this.quote(key) } satisfies QuoteDetails;
    }
  }

  private ref(key: string): NodeRef {
    const a = this.graph.getNodeAttributes(key);
    const label = a["label"] as NodeLabel;
    return { key, label, name: String(a["name"] ?? a["title"] ?? a["text"] ?? key) };
  }

  private articleRef(key: string): ArticleRef {
    const a = this.graph.getNodeAttributes(key);
    return { key, title: String(a["title"] ?? key), ...pick(a, ["outlet", "published", "url"] as const) };
  }

  /** Neighbours over edges of one type, in one direction, with the edge's attributes. */
  private linked(key: string, type: string, direction: "out" | "in"): { node: string; edge: Attrs }[] {
    const out: { node: string; edge: Attrs }[] = [];
    const visit = (_e: string, edge: Attrs, source: string, target: string) => {
      if (edge["type"] === type) out.push({ node: direction === "out" ? target : source, edge });
    };
    if (direction === "out") this.graph.forEachOutEdge(key, visit);
    else this.graph.forEachInEdge(key, visit);
    return out;
  }

  /** A quote with its speaker, the meeting it was said at and the articles reporting it, newest first. */
  private quote(key: string): QuoteRef {
    const a = this.graph.getNodeAttributes(key);
    const said = this.linked(key, "SAID", "in")[0];
    const meeting = this.linked(key, "SAID_AT", "out")[0];
    const evidence = (a["evidence"] as { sentence?: string }[] | undefined) ?? [];
    const sentence = evidence.find((e) => e.sentence)?.sentence;
    const confidence = (said?.edge["confidence"] as number | undefined) ?? (a["confidence"] as number | undefined);
    return {
      key,
      text: String(a["text"] ?? ""),
      kind: a["kind"] === "indirect" ? "indirect" : "direct",
      confidence: confidence ?? 0,
      ...pick(a, ["verb"] as const),
      ...(sentence ? { sentence } : {}),
      ...(said ? { speaker: this.ref(said.node) } : {}),
      ...(meeting ? { meeting: this.ref(meeting.node) } : {}),
      articles: this.newestFirst(this.linked(key, "QUOTED_IN", "out").map((l) => this.articleRef(l.node))),
    };
  }

  private newestFirst(articles: ArticleRef[]): ArticleRef[] {
    return articles.sort((x, y) => (y.published ?? "").localeCompare(x.published ?? "") || x.key.localeCompare(y.key));
  }

  /** Quotes newest first (by their latest report), one page of them. */
  private quotePage(keys: string[], page: DetailsQuery): { total: number; items: QuoteRef[] } {
    const dated = keys.map((k) => ({ k, date: this.latestReport(k) }));
    dated.sort((x, y) => y.date.localeCompare(x.date) || x.k.localeCompare(y.k));
    return {
      total: keys.length,
      items: dated.slice(page.offset, page.offset + page.limit).map(({ k }) => this.quote(k)),
    };
  }

  private latestReport(quote: string): string {
    let latest = "";
    for (const { node } of this.linked(quote, "QUOTED_IN", "out")) {
      const published = this.graph.getNodeAttribute(node, "published");
      if (typeof published === "string" && published > latest) latest = published;
    }
    return latest;
  }

  private articlePage(keys: string[], page: DetailsQuery): { total: number; items: ArticleRef[] } {
    const all = this.newestFirst([...new Set(keys)].map((k) => this.articleRef(k)));
    return { total: all.length, items: all.slice(page.offset, page.offset + page.limit) };
  }

  private entity(key: string, a: Attrs, page: DetailsQuery): EntityDetails {
    const quoteKeys = this.linked(key, "SAID", "out").map((l) => l.node);
    const meetings = this.linked(key, "ATTENDED", "out").map(({ node, edge }) => ({
      ...this.ref(node),
      ...pick(this.graph.getNodeAttributes(node), ["date"] as const),
      ...(edge["role"] ? { role: edge["role"] as AttendeeRole } : {}),
    }));
    meetings.sort((x, y) => (y.date ?? "").localeCompare(x.date ?? ""));
    const articles = this.linked(key, "MENTIONED_IN", "out").map((l) => l.node);
    return {
      key,
      label: a["label"] as "Person" | "Org",
      name: String(a["name"]),
      aliases: (a["aliases"] as string[] | undefined) ?? [],
      titles: (a["titles"] as string[] | undefined) ?? [],
      ...pick(a, ["latin", "wikidata"] as const),
      mergedBecause: distinctReasons((a["mergedBecause"] as MergeReason[] | undefined) ?? []),
      mentions: (a["mentions"] as number | undefined) ?? articles.length,
      quotes: this.quotePage(quoteKeys, page),
      meetings,
      quotedWith: this.quotedWith(key, quoteKeys),
      articles: this.articlePage(articles, page),
    };
  }

  /** The speakers most often quoted in the same articles as this one (at most 12). */
  private quotedWith(key: string, quoteKeys: string[]): (NodeRef & { count: number })[] {
    const articles = new Set(quoteKeys.flatMap((q) => this.linked(q, "QUOTED_IN", "out").map((l) => l.node)));
    const counts = new Map<string, Set<string>>();
    for (const art of articles)
      for (const { node: quote } of this.linked(art, "QUOTED_IN", "in"))
        for (const { node: speaker } of this.linked(quote, "SAID", "in")) {
          if (speaker === key) continue;
          counts.set(speaker, (counts.get(speaker) ?? new Set()).add(art));
        }
    return [...counts]
      .map(([speaker, arts]) => ({ ...this.ref(speaker), count: arts.size }))
      .sort((x, y) => y.count - x.count || x.name.localeCompare(y.name))
      .slice(0, 12);
  }

  private meeting(key: string, a: Attrs, page: DetailsQuery): MeetingDetails {
    return {
      key,
      label: "Meeting",
      name: String(a["name"]),
      status: MeetingStatus.safeParse(a["status"]).data ?? "held",
      ...pick(a, ["date", "dateText", "location"] as const),
      attendees: this.linked(key, "ATTENDED", "in").map(({ node, edge }) => ({
        ...this.ref(node),
        ...(edge["role"] ? { role: edge["role"] as AttendeeRole } : {}),
      })),
      quotes: this.quotePage(
        this.linked(key, "SAID_AT", "in").map((l) => l.node),
        page,
      ),
      articles: this.articlePage(
        this.linked(key, "MENTIONED_IN", "out").map((l) => l.node),
        page,
      ),
    };
  }

  private article(key: string, a: Attrs, page: DetailsQuery): ArticleDetails {
    const entities = this.linked(key, "MENTIONED_IN", "in").map(({ node, edge }) => ({
      ...this.ref(node),
      forms: (edge["forms"] as string[] | undefined) ?? [],
    }));
    const labelOrder = ["Person", "Org", "Meeting"];
    entities.sort((x, y) => labelOrder.indexOf(x.label) - labelOrder.indexOf(y.label) || x.name.localeCompare(y.name));
    return {
      ...this.articleRef(key),
      label: "Article",
      ...pick(a, ["author"] as const),
      entities,
      quotes: this.quotePage(
        this.linked(key, "QUOTED_IN", "in").map((l) => l.node),
        page,
      ),
    };
  }
}
