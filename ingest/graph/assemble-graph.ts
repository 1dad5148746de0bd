import { DirectedGraph } from "graphology";
import {
  edgeKey,
  type ArticleAttributes,
  type EdgeAttributes,
  type EntityAttributes,
  type EvidenceRef,
  type MeetingAttributes,
  type QuoteAttributes,
} from "../../schema/graph.ts";
import type { ArticleExtraction } from "../extract-article.ts";
import { lastBreak, nextBreak } from "../text/text-scan.ts";
import {
  joinable,
  sameMeeting,
  sharesEvidence,
  strongerStatus,
  type ArticleMeeting,
} from "../meetings/find-meetings.ts";
import {
  resolveAliases,
  slugify,
  type AliasDecisions,
  type MergeCandidate,
  type ResolvedEntity,
} from "../entities/resolve-aliases.ts";
import { createHash } from "node:crypto";

/** The assembled graph plus what the alias resolver was unsure about. */
export interface AssembledGraph {
  graph: DirectedGraph;
  candidates: MergeCandidate[];
}

const hash = (s: string): string => createHash("sha256").update(s).digest("hex").slice(0, 16);

/** Options of the graph assembly. */
export interface AssemblyOptions {
  /** SAID edges below this attribution confidence are left out; their quotes stay, without a speaker (default 0). */
  minConfidence?: number;
}

/** Builds the knowledge graph from per-article extractions: entities resolved across articles, quotes, meetings. */
export function assembleGraph(
  extractions: ArticleExtraction[],
  decisions?: AliasDecisions,
  options: AssemblyOptions = {},
): AssembledGraph {
  const sorted = [...extractions].sort((a, b) => a.article.id.localeCompare(b.article.id));
  const graph = new DirectedGraph({ allowSelfLoops: false });
  const { entities, candidates } = resolveAliases(
    sorted.map((x) => ({ article: x.article.id, entities: x.entities })),
    decisions,
  );
  const globalOf = new Map<string, ResolvedEntity>();
  for (const e of entities) for (const m of e.members) globalOf.set(`${m.article}\u0000${m.entity.id}`, e);

  for (const x of sorted) {
    const a = x.article;
    const attrs: ArticleAttributes = { label: "Article", file: a.file, title: a.title };
    if (a.url) attrs.url = a.url;
    if (a.published) attrs.published = a.published;
    if (a.outlet) attrs.outlet = a.outlet;
    if (a.author) attrs.author = a.author;
    graph.mergeNode(a.id, attrs);
  }

  for (const e of [...entities].sort((a, b) => a.key.localeCompare(b.key))) {
    let key = e.key;
    for (let n = 2; graph.hasNode(key); n++) key = `${e.key}-${n}`;
    e.key = key;
    const attrs: EntityAttributes = {
      label: e.kind,
      name: e.name,
      aliases: e.aliases,
      titles: e.titles,
      mergedBecause: e.mergedBecause,
      mentions: e.members.reduce((n, m) => n + m.entity.mentions.length, 0),
      evidence: e.members.map((m) => ({
        article: m.article,
        spans: m.entity.mentions.map((x) => [x.start, x.end] as [number, number]),
      })),
    };
    if (e.latin) attrs.latin = e.latin;
    if (e.wikidata) attrs.wikidata = e.wikidata;
    graph.addNode(key, attrs);
    for (const m of e.members) {
      const edge: EdgeAttributes = {
        type: "MENTIONED_IN",
        forms: m.entity.forms,
        evidence: [{ article: m.article, spans: m.entity.mentions.map((x) => [x.start, x.end] as [number, number]) }],
      };
      mergeEdge(graph, key, m.article, edge);
    }
  }

  const quoteKeys = addQuotes(graph, sorted, globalOf, options.minConfidence ?? 0);
  const meetingKeys = addMeetings(graph, sorted, globalOf);
  linkQuotesToMeetings(graph, sorted, quoteKeys, meetingKeys);
  return { graph, candidates };
}

function mergeEdge(graph: DirectedGraph, source: string, target: string, attrs: EdgeAttributes): void {
  const existing = graph.edge(source, target);
  if (!existing) {
    graph.addDirectedEdgeWithKey(edgeKey(attrs.type, source, target), source, target, attrs);
    return;
  }
  const old = graph.getEdgeAttributes(existing) as EdgeAttributes;
  const merged: EdgeAttributes = { ...old, evidence: [...(old.evidence ?? []), ...(attrs.evidence ?? [])] };
  if (old.forms || attrs.forms) merged.forms = [...new Set([...(old.forms ?? []), ...(attrs.forms ?? [])])];
  graph.replaceEdgeAttributes(existing, merged);
}

function addQuotes(
  graph: DirectedGraph,
  extractions: ArticleExtraction[],
  globalOf: Map<string, ResolvedEntity>,
  minConfidence: number,
): Map<string, string> {
  const keys = new Map<string, string>(); // article id + quote index -> Quote node key
  for (const x of extractions) {
    for (const [i, q] of x.quotes.entries()) {
      // the same words reported by several articles are one Quote node
      const key = `quote:${hash(`${q.kind}\u0000${q.text.replace(/\s+/g, "")}`)}`;
      const speaker = q.speaker ? globalOf.get(`${x.article.id}\u0000${q.speaker}`) : undefined;
      if (!graph.hasNode(key)) {
        const attrs: QuoteAttributes = {
          label: "Quote",
          text: q.text,
          kind: q.kind,
          confidence: q.confidence,
          evidence: [],
        };
        if (q.verb) attrs.verb = q.verb;
        graph.addNode(key, attrs);
      }
      const evidence = [{ article: x.article.id, spans: [[q.start, q.end] as [number, number]], sentence: q.sentence }];
      appendEvidence(graph, key, evidence);
      mergeEdge(graph, key, x.article.id, { type: "QUOTED_IN", evidence, confidence: q.confidence });
      if (speaker && q.confidence >= minConfidence)
        mergeEdge(graph, speaker.key, key, { type: "SAID", evidence, confidence: q.confidence });
      keys.set(`${x.article.id}\u0000${i}`, key);
    }
  }
  return keys;
}

/**
 * SAID_AT: a quote spoken at a meeting, when its speaker attended the meeting and the quote's sentence names
 * the meeting (谢尔曼周三在举行了近四个小时的会议后在一个新闻发布会上说).
 */
function linkQuotesToMeetings(
  graph: DirectedGraph,
  extractions: ArticleExtraction[],
  quoteKeys: Map<string, string>,
  meetingKeys: Map<string, string>,
): void {
  for (const x of extractions) {
    // no meeting, no SAID_AT: skip cutting sentences (the build keeps the text only of articles with meetings)
    if (!x.meetings.length) continue;
    for (const [i, q] of x.quotes.entries()) {
      if (!q.speaker) continue;
      const [from, to] = sentenceBounds(x.article.text, q.start);
      for (const m of x.meetings) {
        if (!m.attendees.some((a) => a.entity === q.speaker)) continue;
        const span = m.spans.find(([s, e]) => s >= from && e <= to);
        const quote = quoteKeys.get(`${x.article.id}\u0000${i}`);
        const meeting = meetingKeys.get(`${x.article.id}\u0000${m.id}`);
        if (!span || !quote || !meeting) continue;
        mergeEdge(graph, quote, meeting, { type: "SAID_AT", evidence: [{ article: x.article.id, spans: [span] }] });
      }
    }
  }
}

/** The sentence around a position: from the last 。！？ or line break before it to the next one. */
function sentenceBounds(text: string, at: number): [number, number] {
  return [lastBreak(text, at, SENTENCE_END) + 1, nextBreak(text, at, SENTENCE_END)];
}

const SENTENCE_END = /[。！？\n]/;

/** Adds a report's evidence to a node's list in place (a quote or meeting reported by many articles). */
function appendEvidence(graph: DirectedGraph, key: string, evidence: EvidenceRef[]): void {
  (graph.getNodeAttribute(key, "evidence") as EvidenceRef[]).push(...evidence);
}

function addMeetings(
  graph: DirectedGraph,
  extractions: ArticleExtraction[],
  globalOf: Map<string, ResolvedEntity>,
): Map<string, string> {
  const keys = new Map<string, string>(); // article id + meeting id -> Meeting node key
  const nodes: { key: string; meeting: ArticleMeeting; attendees: Set<string> }[] = [];
  // A dated report is compared only with the meetings of its day: scanning every meeting for every report took 1 s
  // on the 3,600 meetings of the Citizen News archive and grows with their square.
  const byDate = new Map<string, typeof nodes>();
  for (const x of extractions) {
    for (const m of x.meetings) {
      const attendees = new Set(
        m.attendees.map((a) => globalOf.get(`${x.article.id}\u0000${a.entity}`)?.key).filter((k): k is string => !!k),
      );
      const match = findSameMeeting(nodes, byDate, m, attendees, x.article.published);
      let key: string;
      if (match) {
        key = match.key;
        for (const a of attendees) match.attendees.add(a);
        if (!match.meeting.location && m.location) {
          match.meeting.location = m.location;
          graph.setNodeAttribute(key, "location", m.location);
        }
        const parties = [...new Set([...match.meeting.parties, ...m.parties])];
        match.meeting.parties = parties.filter((p) => !parties.some((o) => o !== p && o.includes(p)));
        if (match.meeting.kind === "meeting") match.meeting.kind = m.kind;
        const status = strongerStatus(match.meeting.status, m.status);
        if (status !== match.meeting.status) {
          match.meeting.status = status;
          graph.setNodeAttribute(key, "status", status);
        }
      } else {
        // an undated report that matches no known meeting stands only as a named event or with its people
        if (!m.date && !m.named && m.attendees.length < 1) continue;
        // (12 hex digits: with 6, two of the archive's thousands of undated meetings met on one key)
        const base = `meeting:${m.date ?? "undated"}-${slugify(m.location ?? m.venue ?? "")}-`;
        key = base + hash(`${x.article.id}\u0000${m.id}`).slice(0, 12);
        for (let n = 2; graph.hasNode(key); n++)
          key = `${base}${hash(`${x.article.id}\u0000${m.id}`).slice(0, 12)}-${n}`;
        const attrs: MeetingAttributes = { label: "Meeting", name: "", status: m.status, evidence: [] };
        if (m.date) attrs.date = m.date;
        if (m.dateText) attrs.dateText = m.dateText;
        if (m.location ?? m.venue) attrs.location = (m.location ?? m.venue)!;
        graph.addNode(key, attrs);
        const node = { key, meeting: { ...m }, attendees };
        nodes.push(node);
        if (m.date) {
          const sameDay = byDate.get(m.date);
          if (sameDay) sameDay.push(node);
          else byDate.set(m.date, [node]);
        }
      }
      keys.set(`${x.article.id}\u0000${m.id}`, key);
      const evidence = [{ article: x.article.id, spans: m.spans }];
      appendEvidence(graph, key, evidence);
      mergeEdge(graph, key, x.article.id, { type: "MENTIONED_IN", forms: m.forms, evidence });
      for (const a of m.attendees) {
        const person = globalOf.get(`${x.article.id}\u0000${a.entity}`);
        if (person)
          mergeEdge(graph, person.key, key, {
            type: "ATTENDED",
            role: a.role,
            evidence: [{ article: x.article.id, spans: [a.span] }],
          });
      }
    }
  }
  nameMeetings(graph, nodes);
  return keys;
}

/**
 * The meeting node a report belongs to: same date with no conflicting city (or overlapping attendees), or, for
 * an undated report, the one meeting at its place within a week of the article's date.
 */
function nameMeetings(
  graph: DirectedGraph,
  nodes: { key: string; meeting: ArticleMeeting; attendees: Set<string> }[],
): void {
  for (const n of nodes) {
    const names = [...n.attendees].sort().map((k) => graph.getNodeAttribute(k, "name") as string);
    graph.setNodeAttribute(n.key, "name", meetingName(n.meeting, names));
  }
}

function findSameMeeting(
  nodes: { key: string; meeting: ArticleMeeting; attendees: Set<string> }[],
  byDate: Map<string, { key: string; meeting: ArticleMeeting; attendees: Set<string> }[]>,
  m: ArticleMeeting,
  attendees: Set<string>,
  published: string | undefined,
): { key: string; meeting: ArticleMeeting; attendees: Set<string> } | undefined {
  // across articles a merge needs the same date and positive evidence: the same city, a shared party or attendee;
  // two reports with different people, a call and talks, stay apart (joinable)
  if (m.date) {
    return byDate.get(m.date)?.find(
      (n) =>
        n.meeting.date === m.date &&
        // (a schedule's 08:39 and 15:59 meetings with one minister are two)
        !(n.meeting.time && m.time && n.meeting.time !== m.time) &&
        sameMeeting(n.meeting, m) &&
        sharesEvidence(n.meeting, m, n.attendees, attendees) &&
        joinable(n.meeting, m, false, [...n.attendees], [...attendees]),
    );
  }
  if (!m.location && !m.venue) return undefined;
  const near = nodes.filter(
    (n) =>
      n.meeting.date &&
      ((m.location && n.meeting.location === m.location) || (m.venue && n.meeting.venue === m.venue)) &&
      (!published || Math.abs(Date.parse(n.meeting.date) - Date.parse(published)) <= 7 * 86_400_000),
  );
  return near.length === 1 ? near[0] : undefined;
}

/** A readable meeting name: "2022-01-10 Geneva: United States–Russia talks", else with the attendees' names. */
function meetingName(m: ArticleMeeting, attendeeNames: string[]): string {
  const head = [m.date, m.location ?? m.venue].filter(Boolean).join(" ");
  const who = m.parties.length ? m.parties.join("–") : attendeeNames.slice(0, 3).join("–");
  const body = who ? `${who} ${m.kind}` : m.kind;
  return head ? `${head}: ${body}` : body;
}
