import type { AttendeeRole, MeetingStatus } from "../schema/meeting.ts";
import type { ArticleEntity } from "./chain-mentions.ts";
import { LEXICON, placeLatin } from "./lexicons.ts";
import meetingLexicon from "./lexicon/meetings.json" with { type: "json" };
import { findDates, type DateMention } from "./resolve-dates.ts";
import { findWords, wordAlternation } from "./text-scan.ts";

/** A meeting as one article reports it. */
export interface ArticleMeeting {
  id: string;
  date?: string;
  dateText?: string;
  location?: string;
  status: MeetingStatus;
  /** Phrases of the article that refer to this meeting, as written. */
  forms: string[];
  spans: [number, number][];
  /** Article-local entity ids of attendees, with their role. */
  attendees: { entity: string; role: AttendeeRole; span: [number, number] }[];
  /** Parties named with the meeting (countries, organisations) for naming it: 美俄 → US–Russia. */
  parties: string[];
}

const NOUN_RE = wordAlternation(meetingLexicon.nouns);
const PLACE_RE = wordAlternation([...Object.keys(LEXICON.cities), ...Object.keys(LEXICON.venues)]);
const BACK_REF = new RegExp(`(?:${meetingLexicon.backReferences.join("|")})(?:[^，。；、]{0,8})$`);
const PLANNED = new RegExp(`(?:${meetingLexicon.planned.join("|")})`);
const ROLE_WORDS: [AttendeeRole, RegExp][] = Object.entries(meetingLexicon.attendVerbs).map(([role, words]) => [
  role as AttendeeRole,
  new RegExp(words.join("|")),
]);
// A meeting phrase reaches back at most this far from its noun (新一轮战略稳定对话 = 9).
const MAX_PHRASE = 14;
const PHRASE_STOP = /[，,。；;：:！？\n、“”「」（）()]/;
const COUNTRY_ABBR = LEXICON.countryAbbreviations;

/** Finds the meetings an article reports: each with date, place, attendees and the phrases that name it. */
export function findMeetings(
  text: string,
  s: string,
  published: string | undefined,
  entities: ArticleEntity[],
): ArticleMeeting[] {
  const dates = findDates(s, published);
  const places = findWords(s, PLACE_RE);
  const meetings: ArticleMeeting[] = [];
  for (const noun of findWords(s, NOUN_RE)) {
    // 对话 and 谈判 are meetings only with a marker of a concrete event nearby
    const sentenceStart = lastBreak(s, noun.start, /[。！？\n]/) + 1;
    const sentenceEnd = nextBreak(s, noun.end, /[。！？\n]/);
    const phraseStart = phraseStartOf(s, noun.start);
    const phrase = s.slice(phraseStart, noun.end);
    const sentence = s.slice(sentenceStart, sentenceEnd);
    if (/^(对话|谈判)$/.test(noun.word) && !/举行|进行|开始|召开|会谈|轮/.test(sentence)) continue;
    if (
      /(?:进行|开展|展开)$/.test(s.slice(noun.start - 2, noun.start)) &&
      /对话|谈判|磋商/.test(noun.word) &&
      phrase.length <= noun.word.length + 2
    )
      continue;
    const date = nearestDate(dates, noun.start, sentenceStart, sentenceEnd);
    const place = nearest(places, noun.start, sentenceStart, sentenceEnd);
    const backRef = BACK_REF.test(s.slice(Math.max(0, noun.start - 10), noun.start));
    const attendees = findAttendees(s, entities, sentenceStart, sentenceEnd);
    if (!date?.date && !place && !backRef && attendees.length < 2) continue;
    const status: MeetingStatus =
      PLANNED.test(s.slice(sentenceStart, noun.start)) && !/了|已/.test(s.slice(sentenceStart, noun.end))
        ? "planned"
        : "held";
    const forms = new Set([text.slice(phraseStart, noun.end)]);
    const clauseStart = lastBreak(s, noun.start, PHRASE_STOP) + 1;
    if (noun.end - clauseStart <= 16) forms.add(text.slice(clauseStart, noun.end));
    const m: ArticleMeeting = {
      id: `m${meetings.length}`,
      status,
      forms: [...forms].filter((f) => f.length >= 2),
      spans: [[phraseStart, noun.end]],
      attendees,
      parties: partiesOf(phrase, entities, s, phraseStart),
    };
    if (date?.date) {
      m.date = date.date;
      m.dateText = text.slice(date.start, date.end);
    }
    const location = place ? placeLatin(place.word) : undefined;
    if (location) m.location = location;
    if (backRef && !m.date && !m.location) {
      const previous = meetings[meetings.length - 1];
      if (previous) mergeInto(previous, m);
      continue;
    }
    const same = meetings.find((o) => sameMeeting(o, m));
    if (same) mergeInto(same, m);
    else meetings.push(m);
  }
  return meetings.filter((m) => m.date || m.location);
}

/** Two reports name one meeting when dates agree and places do not conflict. */
export function sameMeeting(a: { date?: string; location?: string }, b: { date?: string; location?: string }): boolean {
  if (a.date && b.date && a.date !== b.date) return false;
  if (a.location && b.location && a.location !== b.location) return false;
  if (!a.date && !b.date) return !!a.location && a.location === b.location;
  return !!(a.date && b.date) || (!!a.location && a.location === b.location);
}

function mergeInto(target: ArticleMeeting, other: ArticleMeeting): void {
  target.forms = [...new Set([...target.forms, ...other.forms])];
  target.spans.push(...other.spans);
  for (const a of other.attendees) if (!target.attendees.some((t) => t.entity === a.entity)) target.attendees.push(a);
  target.parties = [...new Set([...target.parties, ...other.parties])];
  if (!target.date && other.date) target.date = other.date;
  if (!target.dateText && other.dateText) target.dateText = other.dateText;
  if (!target.location && other.location) target.location = other.location;
  if (other.status === "held") target.status = "held";
}

function phraseStartOf(s: string, nounStart: number): number {
  let i = nounStart;
  while (i > 0 && nounStart - i < MAX_PHRASE && !PHRASE_STOP.test(s[i - 1]!)) i--;
  // the phrase begins after the last verb or particle that introduces it: 举行(了)新一轮战略稳定对话, 1月10日的会谈
  const window = s.slice(i, nounStart);
  const cut = Math.max(
    window.lastIndexOf("举行了") + 3,
    window.lastIndexOf("举行") + 2,
    window.lastIndexOf("进行") + 2,
    window.lastIndexOf("召开") + 2,
    window.lastIndexOf("参加") + 2,
    window.lastIndexOf("出席") + 2,
    0,
  );
  return i + (cut > 0 ? cut : 0);
}

function nearestDate(dates: DateMention[], at: number, from: number, to: number): DateMention | undefined {
  const inSentence = dates.filter((d) => d.start >= from && d.end <= to && d.date);
  const before = inSentence.filter((d) => d.end <= at);
  return before[before.length - 1] ?? inSentence[0];
}

function nearest<T extends { start: number; end: number }>(
  items: T[],
  at: number,
  from: number,
  to: number,
): T | undefined {
  const inSentence = items.filter((d) => d.start >= from && d.end <= to);
  return inSentence.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
}

function findAttendees(s: string, entities: ArticleEntity[], from: number, to: number): ArticleMeeting["attendees"] {
  const sentence = s.slice(from, to);
  if (!ROLE_WORDS.some(([, re]) => re.test(sentence))) return [];
  const out: ArticleMeeting["attendees"] = [];
  for (const e of entities) {
    if (e.kind !== "Person") continue;
    const m = e.mentions.find((x) => x.start >= from && x.end <= to);
    if (!m) continue;
    const near = s.slice(m.end, Math.min(to, m.end + 20));
    const role: AttendeeRole =
      /^[^，。]{0,12}主持/.test(near) || /主持[^，。]{0,6}$/.test(s.slice(from, m.start)) ? "chair" : "participant";
    out.push({ entity: e.id, role, span: [m.start, m.end] });
  }
  return out;
}

function partiesOf(phrase: string, entities: ArticleEntity[], s: string, start: number): string[] {
  const parties = new Set<string>();
  for (const [abbr, name] of Object.entries(COUNTRY_ABBR))
    if (abbr.length === 1 && new RegExp(`${abbr}[美俄中英法德日韩朝乌欧]|[美俄中英法德日韩朝乌欧]${abbr}`).test(phrase))
      parties.add(name);
  for (const e of entities)
    if (e.kind === "Org" && e.mentions.some((m) => m.start >= start && m.end <= start + phrase.length))
      parties.add(e.latin ?? s.slice(e.mentions[0]!.start, e.mentions[0]!.end));
  return [...parties];
}

function lastBreak(s: string, before: number, re: RegExp): number {
  for (let i = before - 1; i >= 0; i--) if (re.test(s[i]!)) return i;
  return -1;
}

function nextBreak(s: string, from: number, re: RegExp): number {
  for (let i = from; i < s.length; i++) if (re.test(s[i]!)) return i;
  return s.length;
}
