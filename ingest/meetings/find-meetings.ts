import type { AttendeeRole, MeetingStatus } from "../../schema/meeting.ts";
import type { ArticleEntity } from "../entities/chain-mentions.ts";
import { LEXICON, placeLatin } from "../text/lexicons.ts";
import meetingLexicon from "../lexicon/meetings.json" with { type: "json" };
import { findDates, type DateMention } from "./resolve-dates.ts";
import { findWords, lastBreak, nextBreak, buildWordTrie } from "../text/text-scan.ts";
import { escapeRegExp } from "../text/lexicons.ts";
import { isFollowedBySpeech } from "../entities/find-person-mentions.ts";
import { findQuoteSpans } from "../quotes/find-quotes.ts";
import { tagWords } from "../text/segment.ts";
import { findScheduleMeetings } from "./find-schedule.ts";

/** A meeting as one article reports it. */
export interface ArticleMeeting {
  id: string;
  date?: string;
  dateText?: string;
  /** City (Geneva); a venue (NATO Headquarters) is kept apart so that it never conflicts with its city. */
  location?: string;
  venue?: string;
  status: MeetingStatus;
  /** Phrases of the article that refer to this meeting, as written. */
  forms: string[];
  spans: [number, number][];
  /** Article-local entity ids of attendees, with their role. */
  attendees: { entity: string; role: AttendeeRole; span: [number, number] }[];
  /** Parties named with the meeting (countries, organisations) for naming it: 美俄 → US–Russia. */
  parties: string[];
  /** What kind of meeting the nouns say: talks, meeting, summit, call, dinner. */
  kind: string;
  /** True when a phrase names the event itself (蒙特利尔和平会议, 新书推介会), so it stands without date or people. */
  named?: boolean;
  /** The time of day a schedule gives (08:39): two entries of one day at different times are two meetings. */
  time?: string;
}

const NOUN_WORDS = buildWordTrie(meetingLexicon.nouns);
// Meetings happen in cities and venues; a region (欧洲) or a country is no meeting place.
const PLACE_WORDS = buildWordTrie([...Object.keys(LEXICON.cities), ...Object.keys(LEXICON.venues)]);
const BACK_REF = new RegExp(`(?:${meetingLexicon.backReferences.join("|")})(?:[^，。；、]{0,8})$`);
const PLANNED = new RegExp(`(?:${meetingLexicon.planned.join("|")})`);
const PLANNED_AFTER = new RegExp(`^${PLANNED.source}`);
const ROLE_WORDS: [AttendeeRole, RegExp][] = Object.entries(meetingLexicon.attendVerbs).map(([role, words]) => [
  role as AttendeeRole,
  new RegExp(words.join("|")),
]);
// A meeting phrase reaches back at most this far from its noun (新一轮战略稳定对话 = 9).
const MAX_PHRASE = 14;
// How far back 两人 looks for the two people it stands for (a paragraph of four or five sentences).
const PAIR_REACH = 300;
const PHRASE_STOP = /[，,。；;：:！？\n、“”「」（）()]/;
const CLAUSE_STOP = /[，,。；;：:！？\n]/;
// English kind words for meeting names, by the noun that reported the meeting.
const MEETING_KINDS: Record<string, string> = {
  会谈: "talks",
  双边会谈: "talks",
  首脑会谈: "talks",
  谈判: "talks",
  对话: "talks",
  磋商: "talks",
  峰会: "summit",
  高峰会: "summit",
  首脑会议: "summit",
  首脑峰会: "summit",
  全体会议: "plenary session",
  通话: "call",
  通电话: "call",
  电话会谈: "call",
  发布会: "press conference",
  新闻发布会: "press conference",
  晚宴: "dinner",
  工作晚餐: "dinner",
};
// Words that deny the meeting named after them in the clause (not 未来, and 不 only before 与: 不与任何国家会谈 is
// a refusal, 不仅会与李强会谈 a meeting).
const NEGATED_BEFORE = /(?:从未|未曾|从没|没有|并未|尚未|还未|未(?!来)|拒绝|否认|不(?=与|和|同|跟))[^，,。；;]{0,10}$/;
// Words later in the sentence that call the meeting off (石破原本摸索…与特朗普举行会谈，但…因而此事作罢).
const CALLED_OFF_AFTER = /作罢|告吹|落空|未能(?:举行|成行|实现)|被取消/;
const SPEECH_BETWEEN = /表示|说|称|指出|警告|强调|认为|透露/;
const GENERIC_NOUNS = new Set(["对话", "谈判", "磋商", "会议", "见面", "交谈", "会见", "论坛", "发布会", "新闻发布会"]);
const COUNTRY_ABBR = LEXICON.countryAbbreviations;

// A report's dateline in brackets: outlet, reporter, place, day, 电 or 报道 (traditional forms read simplified).
const DATELINE = /[（(【][^（）()【】\n]{0,40}?\d{1,2}日(?:专|综合外)?电(?:报道|报导)?[)）】]/g;

/** True when an organisation's mention ends with the word at [start, end) (联合国贸易和发展会议, …论坛). */
function orgNameEndsAt(entities: ArticleEntity[], start: number, end: number): boolean {
  return entities.some((e) => e.kind === "Org" && e.mentions.some((m) => m.start < start && m.end === end));
}

/** True when neither end of [start, end) falls on one of jieba's word boundaries (不会|面临 around 会面). */
function straddlesWords(s: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 4);
  const bounds = new Set<number>([from]);
  let offset = from;
  for (const w of tagWords(s.slice(from, end + 4))) bounds.add((offset += w.word.length));
  return !bounds.has(start) && !bounds.has(end);
}

/**
 * Finds the meetings an article reports: each with date, place, attendees and the phrases that name it; only the
 * positions `reports` accepts (body paragraphs and captions) are searched for meeting nouns.
 */
export function findMeetings(
  text: string,
  s: string,
  published: string | undefined,
  articleEntities: ArticleEntity[],
  reports: (at: number) => boolean = () => true,
): ArticleMeeting[] {
  // 追踪石破茂首相（29日）: a leader's day schedule lists its meetings one per line
  const schedule = findScheduleMeetings(text, s, published, articleEntities);
  if (schedule) return schedule;
  // a dateline (（中央社记者吴柏纬上海21日电）, 【共同社伦敦11月25日电】) dates and places the report: a meeting of its
  // sentence held with no date of its own takes its date, a planned one does not; its place is where the reporter
  // sits (台北 for talks in Brussels), and its reporter attends nothing
  const datelines = [...s.matchAll(DATELINE)].map((m) => [m.index, m.index + m[0].length] as const);
  const outsideDatelines = (at: number): boolean => !datelines.some(([from, to]) => at >= from && at < to);
  const allDates = findDates(s, published);
  const dates = allDates.filter((d) => outsideDatelines(d.start));
  const places = findWords(s, PLACE_WORDS).filter((p) => outsideDatelines(p.start) && !inAside(s, p.start, p.end));
  const datelineDates = allDates.filter((d) => !outsideDatelines(d.start));
  const entities = articleEntities.map((e) => ({
    ...e,
    mentions: e.mentions.filter((m) => outsideDatelines(m.start)),
  }));
  const meetings: ArticleMeeting[] = [];
  let lastMentioned: ArticleMeeting | undefined;
  const pending: ArticleMeeting[] = [];
  const nouns = findWords(s, NOUN_WORDS).filter((noun) => reports(noun.start));
  // words in quote marks are what was said, not who was there
  const quotes = nouns.length ? findQuoteSpans(s) : [];
  for (const [n, noun] of nouns.entries()) {
    // 立法会议员 is a lawmaker, not a session of the council
    if (s[noun.end] === "员") continue;
    // 不会面临 holds no 会面, 峰会谈判 no 会谈: a noun cut out of the words on both its sides is none
    if (straddlesWords(s, noun.start, noun.end)) continue;
    // 联合国贸易和发展会议 (UNCTAD), 社区组织联合基督教论坛: the noun ends the name of an organisation, not an event
    if (orgNameEndsAt(entities, noun.start, noun.end)) continue;
    const sentenceStart = lastBreak(s, noun.start, /[。！？\n]/) + 1;
    const sentenceEnd = nextBreak(s, noun.end, /[。！？\n]/);
    const clauseStart = lastBreak(s, noun.start, CLAUSE_STOP) + 1;
    const clauseEnd = nextBreak(s, noun.end, CLAUSE_STOP);
    // a phrase never reaches back over the meeting noun before it (这场会谈与10日的美俄日内瓦会谈)
    const previousNoun = nouns[n - 1];
    const phraseStart = Math.max(
      phraseStartOf(s, noun.start),
      previousNoun && previousNoun.end <= noun.start ? previousNoun.end : 0,
    );
    const phrase = s.slice(phraseStart, noun.end);
    const sentence = s.slice(sentenceStart, sentenceEnd);
    if (/^(对话|谈判)$/.test(noun.word) && !/举行|进行|开始|召开|会谈|轮/.test(sentence)) continue;
    // 在正式会谈开始前 / 会谈前夕: the clause's date is that of something before the meeting
    // (在星期三的会谈之前 dates the talks themselves: the date stands inside the meeting phrase)
    const before = /^(开始前|开始之前|之前|以前|前夕)/.test(s.slice(noun.end, noun.end + 4));
    // (中共中央经济工作会议预计于12月举行: the plan may follow the noun that is the clause's subject)
    const planned =
      (PLANNED.test(s.slice(sentenceStart, noun.start)) || PLANNED_AFTER.test(s.slice(noun.end, noun.end + 4))) &&
      !/了|已/.test(s.slice(sentenceStart, noun.end));
    // 二人曾相约在伦敦会面: a meeting the clause puts in the past is not dated by the report's dateline
    const past = /曾|过去|以前|此前/.test(s.slice(clauseStart, noun.start));
    const dateInPhrase = dates.find((d) => d.date && d.start >= phraseStart && d.end <= noun.start);
    const date =
      dateInPhrase ??
      (before ? undefined : meetingDate(s, dates, noun.start, clauseStart, sentenceStart)) ??
      (before || planned || past ? undefined : meetingDate(s, datelineDates, noun.start, clauseStart, sentenceStart));
    const place = nearest(
      places.filter((p) => p.end <= noun.start || p.start < clauseEnd),
      noun.start,
      clauseStart,
      noun.end + 8,
    );
    const backRef = BACK_REF.test(s.slice(Math.max(0, noun.start - 10), noun.start));
    // 史密斯在星期三的会谈之前对记者说: who acts before the meeting is not shown attending it
    const attendees = before
      ? []
      : findAttendees(s, entities, quotes, [sentenceStart, sentenceEnd], [clauseStart, clauseEnd]);
    for (const a of speakersAt(s, entities, noun, phraseStart, clauseStart))
      if (!attendees.some((x) => x.entity === a.entity)) attendees.push(a);
    const joined = /参与|参加|出席|主持/.test(s.slice(clauseStart, noun.start));
    const named = isNamedEvent(phrase, noun.word, entities, phraseStart);
    // 对话, 谈判 and 磋商 name a concrete meeting only with a date, a place, a reference back to one or its people
    if (GENERIC_NOUNS.has(noun.word) && !date?.date && !place && !backRef && !joined && !named && !attendees.length)
      continue;
    if (!date?.date && !place && !backRef && !named && !attendees.length) continue;
    // 二人从未见面, 俄罗斯否认存在这场通话, 拒绝华盛顿的谈判提议, 普京没有计划会见…: a meeting the clause denies
    const denied =
      NEGATED_BEFORE.test(s.slice(clauseStart, noun.start)) || CALLED_OFF_AFTER.test(s.slice(noun.end, sentenceEnd));
    const status: MeetingStatus = denied ? "not held" : planned ? "planned" : "held";
    const forms = new Set([text.slice(phraseStart, noun.end)]);
    const phraseClause = Math.max(lastBreak(s, noun.start, PHRASE_STOP) + 1, phraseStart - 8);
    if (noun.end - phraseClause <= 16) forms.add(text.slice(phraseClause, noun.end));
    const m: ArticleMeeting = {
      id: `m${meetings.length}`,
      status,
      forms: [...forms].filter((f) => f.length >= 2),
      spans: [[phraseStart, noun.end]],
      attendees,
      parties: partiesOf(phrase, entities, s, phraseStart),
      kind: /电话/.test(phrase) ? "call" : (MEETING_KINDS[noun.word] ?? "meeting"),
    };
    if (date?.date) {
      m.date = date.date;
      m.dateText = text.slice(date.start, date.end);
    }
    if (place) {
      if (LEXICON.venues[place.word]) {
        m.venue = LEXICON.venues[place.word]!;
        const city = LEXICON.venueCities[place.word];
        if (city) m.location = city;
      } else m.location = placeLatin(place.word)!;
    }
    if (named) m.named = true;
    // 维也纳会谈后出席新闻发布会: a press conference after talks named in its sentence is part of them; any other
    // stands alone when two sides hold it (联合新闻发布会), and a later 会谈 or 这次会议 never refers back to it; one
    // speaker's press conference (毛宁在外交部新闻发布会上) is no meeting of people
    if (m.kind === "press conference") {
      const talks = meetings.find((o) => o.spans.some(([from]) => from >= sentenceStart && from < noun.start));
      if (talks) mergeInto(talks, m);
      else if (m.attendees.length >= 2 || /联合|共同/.test(phrase)) meetings.push(m);
      continue;
    }
    // 这场会谈, 参与会谈的X与Y: a reference back to the meeting just named, or to the last one of the same parties
    // or people; a named event or one with its people stands on its own (东京会谈, 石破与特朗普的电话会谈)
    if (!m.date && !m.location && !m.venue) {
      const sameParties = m.parties.length
        ? [...meetings].reverse().find((o) => m.parties.every((p) => o.parties.includes(p)))
        : undefined;
      const samePeople = m.attendees.length ? [...meetings].reverse().find((o) => sharesEvidence(o, m)) : undefined;
      // a bare noun (参与会谈的X与Y) is definite: it names the meeting the article is already about; so does a
      // report of one person at an unnamed meeting in no other time frame (史密斯在会谈之前说)
      const bare = phrase === noun.word;
      const ownTimeframe = /(\d{4}年|今年|去年|明年|上个?月|\d{1,2}月|不久前|此前|日前|近日|上周|曾经|当时)/.test(
        s.slice(sentenceStart, noun.start),
      );
      const aside = !named && m.attendees.length === 1 && !ownTimeframe;
      // (a press conference is its own event, never a reference back to the talks it reports on; a call is not
      // the talks before it unless a phrase refers back to it)
      const referred = lastMentioned && joinable(lastMentioned, m, true) ? lastMentioned : undefined;
      const last = referred && joinable(referred, m) ? referred : undefined;
      const previous =
        backRef || bare
          ? referred
          : ((sameParties && joinable(sameParties, m) ? sameParties : undefined) ??
            (samePeople && joinable(samePeople, m) ? samePeople : undefined) ??
            (aside ? last : undefined));
      // a caption before the story (参与会谈的舍曼与里亚布科夫) refers to a meeting the article names later
      if (bare && !previous) {
        pending.push(m);
        continue;
      }
      if (previous) mergeInto(previous, m);
      else if (named || m.attendees.length) meetings.push(m);
      else if (last) mergeInto(last, m);
      lastMentioned = previous ?? (named || m.attendees.length ? m : lastMentioned);
      continue;
    }
    const found = m.date ? sameDayMeeting(meetings, m) : onlyAt(meetings, m);
    const same = found && joinable(found, m) ? found : undefined;
    if (same) mergeInto(same, m);
    else meetings.push(m);
    lastMentioned = same ?? m;
  }
  // 在柏林德意志剧院的新书推介会 … 默克尔周二在柏林的新书推介会: an undated report at a place joins the one dated
  // meeting of the same kind at that place, whichever the article names first
  for (const m of [...meetings]) {
    if (m.date || !(m.location ?? m.venue)) continue;
    const samePlace = (o: ArticleMeeting): boolean =>
      o !== m && o.kind === m.kind && (o.location ?? o.venue) === (m.location ?? m.venue);
    const dated = meetings.filter((o) => o.date && samePlace(o));
    // …and two undated reports of one kind at one place (蒙特利尔和平会议, 为期两天的蒙特利尔会议) are one
    const target =
      dated.length === 1 ? dated[0] : dated.length ? undefined : meetings.find((o) => !o.date && samePlace(o));
    if (!target) continue;
    mergeInto(target, m);
    meetings.splice(meetings.indexOf(m), 1);
  }
  // (…首脑会议，还与习近平举行会谈: a bare noun that can be no earlier meeting stands alone with its two people)
  for (const m of pending) {
    const target = meetings.find((o) => sharesEvidence(o, m)) ?? meetings[0];
    if (target && joinable(target, m, true)) mergeInto(target, m);
    else if (new Set(m.attendees.map((a) => a.entity)).size >= 2) meetings.push(m);
  }
  for (const visit of findVisits(text, s, entities, dates, reports)) {
    const same = meetings.find(
      (o) =>
        (visit.date ? o.date === visit.date : !o.date) &&
        sameMeeting(o, visit) &&
        sharesEvidence(o, visit) &&
        joinable(o, visit),
    );
    if (same) mergeInto(same, visit);
    else meetings.push({ ...visit, id: `m${meetings.length}` });
  }
  joinAtTheMeeting(s, entities, lastMentionedAt(meetings));
  // an undated report is kept when it has a place, a name or people: it may join a dated report from another article
  return meetings.filter((m) => m.date || m.location || m.venue || m.named || m.attendees.length >= 1);
}

const VISIT_RE = new RegExp(
  `(访问|到访|出访|造访)(${[
    ...Object.keys(LEXICON.cities),
    ...Object.keys(LEXICON.venues),
    ...Object.keys(LEXICON.countries),
  ]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|")})`,
  "g",
);

/**
 * Visits: 格罗西在上周访问德黑兰时表示, 她第一次访问白宫: the visitor (the person opening the clause) meets the
 * hosts at that place; a visit with no person named is no meeting.
 */
function findVisits(
  text: string,
  s: string,
  entities: ArticleEntity[],
  dates: DateMention[],
  reports: (at: number) => boolean,
): ArticleMeeting[] {
  const out: ArticleMeeting[] = [];
  for (const m of s.matchAll(VISIT_RE)) {
    if (!reports(m.index)) continue;
    const clauseStart = lastBreak(s, m.index, CLAUSE_STOP) + 1;
    const sentenceStart = lastBreak(s, m.index, /[。！？\n]/) + 1;
    const visitor = entities
      .filter((e) => e.kind === "Person")
      .flatMap((e) => e.mentions.filter((x) => x.start >= clauseStart && x.end <= m.index).map((x) => ({ e, x })))
      .filter(({ x }) => !/[与和对向跟给把被]/.test(s[x.start - 1] ?? ""))
      .sort((a, b) => a.x.start - b.x.start)[0];
    // 呼吁特朗普访问广岛, 邀请他访问: a visit asked for is no visit
    if (!visitor || /(呼吁|邀请|希望|敦促|要求|请求|欢迎)/.test(s.slice(clauseStart, m.index))) continue;
    const place = m[2]!;
    const end = m.index + m[0].length;
    const visit: ArticleMeeting = {
      id: "",
      status: PLANNED.test(s.slice(clauseStart, m.index)) ? "planned" : "held",
      forms: [text.slice(m.index, end)],
      spans: [[m.index, end]],
      attendees: [{ entity: visitor.e.id, role: "participant", span: [visitor.x.start, visitor.x.end] }],
      parties: [],
      kind: "visit",
    };
    const date = meetingDate(s, dates, m.index, clauseStart, sentenceStart);
    if (date?.date) {
      visit.date = date.date;
      visit.dateText = text.slice(date.start, date.end);
    }
    if (LEXICON.venues[place]) {
      visit.venue = LEXICON.venues[place]!;
      const city = LEXICON.venueCities[place];
      if (city) visit.location = city;
    } else if (LEXICON.cities[place]) visit.location = LEXICON.cities[place];
    else visit.parties = [LEXICON.countries[place]!];
    out.push(visit);
  }
  return out;
}

/** The meeting named last before a position, for 会上 (at the meeting) to refer back to. */
function lastMentionedAt(meetings: ArticleMeeting[]): (at: number) => ArticleMeeting | undefined {
  return (at) =>
    meetings
      .filter((m) => m.spans.some(([start]) => start < at))
      .sort(
        (a, b) =>
          Math.max(...b.spans.map(([x]) => (x < at ? x : -1))) - Math.max(...a.spans.map(([x]) => (x < at ? x : -1))),
      )[0];
}

/** 会上财务相加藤胜信认为…: 会上 opens a clause about the meeting named before, and its people attended it. */
function joinAtTheMeeting(
  s: string,
  entities: ArticleEntity[],
  meetingBefore: (at: number) => ArticleMeeting | undefined,
): void {
  for (const m of s.matchAll(/(?<=^|[。！？\n，])会上/g)) {
    const meeting = meetingBefore(m.index);
    if (!meeting) continue;
    const clauseEnd = nextBreak(s, m.index, CLAUSE_STOP);
    meeting.forms = [...new Set([...meeting.forms, "会上"])];
    meeting.spans.push([m.index, m.index + 2]);
    for (const e of entities) {
      const mention = e.mentions.find((x) => x.start >= m.index && x.end <= clauseEnd);
      if (e.kind !== "Person" || !mention || meeting.attendees.some((a) => a.entity === e.id)) continue;
      meeting.attendees.push({ entity: e.id, role: "participant", span: [mention.start, mention.end] });
    }
  }
}

// Words that make a meeting phrase a named event: 和平会议, 内阁会议, 全体会议, 电话会谈, 新书推介会.
const EVENT_MODIFIERS = /(和平|内阁|全体|首脑|财报|新书|中央委员会|理事会|部长|外长|局长|联合|双边|多边)/;
// Event nouns that name a particular gathering by themselves.
const SPECIFIC_NOUNS = new Set(["推介会", "全体会议", "电话会谈", "财报电话会议"]);

/**
 * A meeting phrase that names a particular event: a city, an organisation or an event word attached to the noun
 * (蒙特利尔和平会议, 东京会谈, 内阁会议). A modifier joined by 的 describes a meeting (乌克兰危机的会谈) rather than
 * names one.
 */
function isNamedEvent(phrase: string, noun: string, entities: ArticleEntity[], phraseStart: number): boolean {
  if (SPECIFIC_NOUNS.has(noun)) return true;
  const attached = phrase.slice(phrase.lastIndexOf("的") + 1, phrase.length - noun.length);
  if (attached.length < 2) return false;
  if (EVENT_MODIFIERS.test(attached) || /[A-Z]{2,}/.test(attached)) return true;
  if (findWords(attached, PLACE_WORDS).length) return true;
  const from = phraseStart + phrase.length - noun.length - attached.length;
  return entities.some(
    (e) => e.kind === "Org" && e.mentions.some((m) => m.start >= from && m.end <= from + attached.length),
  );
}

/**
 * 特鲁多在为期两天的蒙特利尔会议上表示: the subject of a clause that says it was at the meeting (在…会议上, 期间,
 * 时) attended it, even when what follows is a speech verb.
 */
function speakersAt(
  s: string,
  entities: ArticleEntity[],
  noun: { start: number; end: number },
  phraseStart: number,
  clauseStart: number,
): ArticleMeeting["attendees"] {
  if (!/^[”」』]?(上|期间|中|时|后)/.test(s.slice(noun.end, noun.end + 3))) return [];
  const before = s.slice(clauseStart, phraseStart);
  const at = before.lastIndexOf("在");
  if (at < 0 || /[，。；]/.test(before.slice(at))) return [];
  const subject = entities
    .filter((e) => e.kind === "Person")
    .flatMap((e) =>
      e.mentions.filter((m) => m.start >= clauseStart && m.end <= clauseStart + at).map((m) => ({ e, m })),
    )
    .sort((a, b) => a.m.start - b.m.start)[0];
  return subject ? [{ entity: subject.e.id, role: "participant", span: [subject.m.start, subject.m.end] }] : [];
}

/**
 * The meeting of the article a dated report belongs to: the same date, no conflicting place, and something
 * shared (place, party, attendee); a bare report (1月10日的会谈) joins the only meeting of that date.
 */
function sameDayMeeting(meetings: ArticleMeeting[], m: ArticleMeeting): ArticleMeeting | undefined {
  const sameDay = meetings.filter((o) => o.date === m.date && sameMeeting(o, m) && joinable(o, m));
  const corroborated = sameDay.find((o) => sharesEvidence(o, m));
  if (corroborated) return corroborated;
  // the only meeting of that day in the article, unless both name different parties (美俄 vs 欧盟–中国)
  const only = sameDay.length === 1 ? sameDay[0]! : undefined;
  if (only && !(only.parties.length && m.parties.length)) return only;
  return undefined;
}

/**
 * True when two reports of one day and place are plainly different meetings: each names two people or more and
 * each someone the other does not (王毅与秋叶刚男的对话 and 习近平会见… in Beijing; 石破与习近平会谈 and 石破同斯塔默的
 * 会谈), or each names its event and the kinds differ (全国人大常委会会议 and 中日高级别政治对话).
 */
function tellApart(
  a: Pick<ArticleMeeting, "kind" | "named"> & { parties?: string[] },
  b: Pick<ArticleMeeting, "kind" | "named"> & { parties?: string[] },
  attendeesA: string[],
  attendeesB: string[],
): boolean {
  // (亚太经济合作会议 and G20峰会: meetings of two organisations, none of the one in the other)
  const orgsA = (a.parties ?? []).filter((p) => !COUNTRY_PARTIES.has(p));
  const orgsB = (b.parties ?? []).filter((p) => !COUNTRY_PARTIES.has(p));
  if (orgsA.length && orgsB.length && !orgsA.some((p) => orgsB.some((q) => p.includes(q) || q.includes(p))))
    return true;
  const setA = new Set(attendeesA);
  const setB = new Set(attendeesB);
  // (石破与习近平会谈 and 同英国首相斯塔默的个别会谈: one person at both, each with someone the other lacks)
  if (setA.size >= 2 && setB.size >= 2 && [...setA].some((x) => !setB.has(x)) && [...setB].some((x) => !setA.has(x)))
    return true;
  return Boolean(a.named && b.named && a.kind !== b.kind);
}

// Kinds of event that are never another kind's report: a phone call is not the summit where the leaders later
// met, and a press conference is not the talks it reports on.
const SEPARATE_KINDS = new Set(["call", "press conference"]);

/**
 * True when report `b` may join meeting `a`: not plainly a different meeting (tellApart), and of one kind unless
 * both are of the general kinds (会谈 and 会议 of one event); a reference back (这次会谈, a bare noun) may join a
 * call, never a press conference. A plenary session is reported as a 会议, never as talks or a summit
 * (在国会参众两院全体会议上发表了施政演说 … 他与习近平不久前举行的首脑会谈). Attendees are article-local ids, or the
 * graph's keys across articles.
 */
export function joinable(
  a: Pick<ArticleMeeting, "kind" | "named"> & { parties?: string[] },
  b: Pick<ArticleMeeting, "kind" | "named"> & { parties?: string[] },
  referenceBack = false,
  attendeesA: string[] = (a as ArticleMeeting).attendees?.map((x) => x.entity) ?? [],
  attendeesB: string[] = (b as ArticleMeeting).attendees?.map((x) => x.entity) ?? [],
): boolean {
  if (tellApart(a, b, attendeesA, attendeesB)) return false;
  // 出席APEC和G20首脑会议，还与习近平举行会谈: the talks held at a summit of an organisation are a meeting of their own
  if ((multilateral(a) && b.kind === "talks") || (multilateral(b) && a.kind === "talks")) return false;
  if (a.kind === b.kind) return true;
  if (a.kind === "plenary session" || b.kind === "plenary session") return a.kind === "meeting" || b.kind === "meeting";
  if (referenceBack) return a.kind !== "press conference" && b.kind !== "press conference";
  return !SEPARATE_KINDS.has(a.kind) && !SEPARATE_KINDS.has(b.kind);
}

const COUNTRY_PARTIES = new Set([...Object.values(COUNTRY_ABBR), ...Object.values(LEXICON.countries)]);

/** A summit named with an organisation (APEC, G20, NATO), not only with countries (美俄峰会). */
function multilateral(m: { kind: string; parties?: string[] }): boolean {
  return m.kind === "summit" && !!m.parties?.some((p) => !COUNTRY_PARTIES.has(p));
}

/** True when two reports share a place, a party or an attendee. */
export function sharesEvidence(
  a: Pick<ArticleMeeting, "location" | "venue" | "parties">,
  b: Pick<ArticleMeeting, "location" | "venue" | "parties">,
  attendeesA: Iterable<string> = (a as ArticleMeeting).attendees?.map((x) => x.entity) ?? [],
  attendeesB: Iterable<string> = (b as ArticleMeeting).attendees?.map((x) => x.entity) ?? [],
): boolean {
  if (a.location && a.location === b.location) return true;
  if (a.venue && a.venue === b.venue) return true;
  // NATO and the NATO–Russia Council: one party's name may contain the other's
  if (a.parties.some((p) => b.parties.some((q) => p.includes(q) || q.includes(p)))) return true;
  // attendees: two shared, or one shared when one report names only that one (two calls with Trump on one day
  // are two calls; 谢尔曼与里亚布科夫会面 and 里亚布科夫表示他与谢尔曼的会晤 are one meeting)
  const listA = [...new Set(attendeesA)];
  const setB = new Set(attendeesB);
  const shared = listA.filter((x) => setB.has(x)).length;
  return shared >= 2 || (shared === 1 && Math.min(listA.length, setB.size) === 1);
}

/**
 * The dated meeting an undated report at a place belongs to: the one meeting of the article at that place,
 * else the one dated meeting whose place the article has not given (在维也纳会谈后 → the 1月13日 meeting).
 */
function onlyAt(meetings: ArticleMeeting[], m: ArticleMeeting): ArticleMeeting | undefined {
  const dated = meetings.filter((o) => o.date);
  const at = dated.filter((o) => (m.location && o.location === m.location) || (m.venue && o.venue === m.venue));
  if (at.length) return at.length === 1 ? at[0] : undefined;
  const placeless = dated.filter((o) => !o.location && !o.venue);
  return placeless.length === 1 ? placeless[0] : undefined;
}

/**
 * A meeting's date: the nearest date before the noun in its clause, else one earlier in the sentence when no
 * speech verb stands between (俄罗斯周日表示…，并警告说本周的会谈: 周日 is when Russia spoke, not the meeting).
 */
function meetingDate(
  s: string,
  dates: DateMention[],
  at: number,
  clauseStart: number,
  sentenceStart: number,
): DateMention | undefined {
  const inClause = nearestDate(dates, at, clauseStart, at);
  if (inClause) return inClause;
  if (/本周|下周|上周|本月|下月|明年|今年/.test(s.slice(clauseStart, at))) return undefined;
  const earlier = nearestDate(dates, at, sentenceStart, at);
  if (!earlier || SPEECH_BETWEEN.test(s.slice(earlier.end, at))) return undefined;
  return earlier;
}

/** Two reports name one meeting when dates agree and places do not conflict (a venue never conflicts with a city). */
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
  if (target.kind === "meeting" && other.kind !== "meeting" && other.kind !== "press conference")
    target.kind = other.kind;
  if (!target.date && other.date) target.date = other.date;
  if (!target.dateText && other.dateText) target.dateText = other.dateText;
  if (!target.location && other.location) target.location = other.location;
  if (!target.venue && other.venue) target.venue = other.venue;
  target.status = strongerStatus(target.status, other.status);
}

/** The status two reports of one meeting give it: held if either says so, else planned, else not held. */
export function strongerStatus(a: MeetingStatus, b: MeetingStatus): MeetingStatus {
  return a === "held" || b === "held" ? "held" : a === "planned" || b === "planned" ? "planned" : "not held";
}

function phraseStartOf(s: string, nounStart: number): number {
  let i = nounStart;
  for (;;) {
    while (i > 0 && nounStart - i < MAX_PHRASE && !PHRASE_STOP.test(s[i - 1]!)) i--;
    // 20国集团（G20）会议: a bracketed acronym stays inside the phrase
    const acronym = /[（(][A-Z0-9]{2,8}[)）]$/.exec(s.slice(Math.max(0, i - 10), i));
    if (!acronym || nounStart - i >= MAX_PHRASE) break;
    i -= acronym[0].length;
  }
  // the phrase begins after the verb that introduces it: 举行(了)新一轮战略稳定对话, 开始会谈
  const window = s.slice(i, nounStart);
  let cut = 0;
  for (const m of window.matchAll(
    /举行了|举行|进行了|进行|召开了|召开|参加|参与|出席|开始|展开|结束|(?<![存现实内])在|于/g,
  ))
    cut = m.index + m[0].length;
  return i + cut;
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

/**
 * The people a sentence says took part: those named in the meeting noun's own clause, or in a sentence that
 * says who took part (主持, 出席, 参加, a caption listing people 从左起…合影). Bylines (【文/…】) never attend.
 */
function findAttendees(
  s: string,
  entities: ArticleEntity[],
  quotes: { open: number; close: number }[],
  sentence: [number, number],
  clause: [number, number],
): ArticleMeeting["attendees"] {
  const [from, to] = sentence;
  const text = s.slice(from, to);
  if (!ROLE_WORDS.some(([, re]) => re.test(text))) return [];
  const listsPeople = /从左|左起|右起|合影|主持|出席|参加|率团|率领/.test(text);
  const [clauseFrom, clauseTo] = listsPeople ? sentence : clause;
  const out: ArticleMeeting["attendees"] = [];
  const quoted = quotes.filter((q) => q.close > from && q.open < to);
  // words in quote marks are what was said, not who was there
  const inQuote = (at: number): boolean => quoted.some((q) => at > q.open && at < q.close);
  for (const e of entities) {
    if (e.kind !== "Person") continue;
    const m = e.mentions.find(
      (x) => x.start >= clauseFrom && x.end <= clauseTo && !inByline(s, x.start) && !inQuote(x.start),
    );
    if (!m) continue;
    // the speaker of a report about the meeting is not thereby an attendee (佩斯科夫表示，在日内瓦举行的会谈…)
    if (isFollowedBySpeech(s, m.end) && !listsPeople) continue;
    const near = s.slice(m.end, Math.min(to, m.end + 30));
    const role: AttendeeRole =
      /^[^，。]{0,24}主持/.test(near) || /主持[^，。]{0,6}$/.test(s.slice(from, m.start))
        ? "chair"
        : /^[^，。]{0,12}(设宴|接待|主办)/.test(near)
          ? "host"
          : "participant";
    out.push({ entity: e.id, role, span: [m.start, m.end] });
  }
  // 他与中国国家主席习近平举行的首脑会谈: a pronoun meeting someone is the person named last before the clause
  // (她昨天和…会面, 他在会见青年志愿者时: a time or place may stand between; 他的妻子和… is someone else)
  const pronoun = /(他|她)(?!们)(?=[^，。的“”「」]{0,12}?(与|和|同|跟|会见|会晤|接见|会面|通话|通电话))/.exec(
    s.slice(clauseFrom, clauseTo),
  );
  if (pronoun) {
    const at = clauseFrom + pronoun.index;
    const last = entities
      .filter((e) => e.kind === "Person")
      .flatMap((e) => e.mentions.filter((x) => x.end <= at).map((x) => ({ e, x })))
      .sort((a, b) => b.x.end - a.x.end)[0];
    if (last && !out.some((a) => a.entity === last.e.id))
      out.push({ entity: last.e.id, role: "participant", span: [at, at + 1] });
  }
  // 两人隔年在索契会面, 两位领导人之间的首次通话: the two people named last in the paragraph
  const pair = /两人|二人|两位领导人/.exec(s.slice(clauseFrom, clauseTo));
  if (pair && !out.length) {
    const at = clauseFrom + pair.index;
    for (const x of lastTwoPeople(s, entities, quotes, at, Math.max(lastBreak(s, at, /\n/) + 1, at - PAIR_REACH)))
      out.push({ entity: x.entity, role: "participant", span: [at, at + pair[0].length] });
  }
  return out;
}

/**
 * The two people a plural reference (两人) at `at` stands for: the last two named between `from` and `at`, none in
 * a quotation. Nothing when fewer than two are named, or when someone unnamed speaks in between (他说，…认识了罗杰斯，
 * 两人曾在伦敦见面: 他 is one of the two).
 */
function lastTwoPeople(
  s: string,
  entities: ArticleEntity[],
  quotes: { open: number; close: number }[],
  at: number,
  from: number,
): { entity: string }[] {
  const quoted = quotes.filter((q) => q.close > from && q.open < at);
  const named = entities
    .filter((e) => e.kind === "Person")
    .flatMap((e) =>
      e.mentions
        .filter((x) => x.start >= from && x.end <= at && !quoted.some((q) => x.start > q.open && x.start < q.close))
        .map((x) => ({ entity: e.id, start: x.start })),
    )
    .sort((a, b) => b.start - a.start);
  const two: { entity: string; start: number }[] = [];
  for (const x of named) if (two.length < 2 && !two.some((t) => t.entity === x.entity)) two.push(x);
  if (two.length < 2 || /(他|她)(说|表示|称|指出)/.test(s.slice(two[1]!.start, at))) return [];
  return two;
}

/**
 * True when [start, end) stands inside a bracketed aside that says more than the place (（克里姆林宫对此予以否认）):
 * the aside's subject, not where the meeting was. A bracket holding only a name or its gloss does not count.
 */
function inAside(s: string, start: number, end: number): boolean {
  const open = Math.max(s.lastIndexOf("（", start), s.lastIndexOf("(", start));
  if (open < 0 || start - open > 20) return false;
  const closes = [s.indexOf("）", end), s.indexOf(")", end)].filter((i) => i >= 0);
  const close = closes.length ? Math.min(...closes) : -1;
  if (close < 0 || s.slice(open, start).match(/[)）]/)) return false;
  return close - open - 1 > end - start + 4;
}

/** True inside a byline bracket: 【文/观察者网 熊超然】. */
function inByline(s: string, at: number): boolean {
  const open = s.lastIndexOf("【", at);
  return open >= 0 && s.indexOf("】", open) > at && at - open < 30;
}

/** The parties named in a meeting phrase: country pairs (美俄 → United States, Russia) and organisations. */
function partiesOf(phrase: string, entities: ArticleEntity[], s: string, start: number): string[] {
  // blank out place names first, so that 日内瓦 does not read as 日 (Japan)
  let bare = phrase;
  for (const p of findWords(phrase, PLACE_WORDS))
    bare = bare.slice(0, p.start) + " ".repeat(p.end - p.start) + bare.slice(p.end);
  const parties: string[] = [];
  for (const run of bare.matchAll(/[美俄中英法德日韩朝乌欧]{2,4}/g)) {
    for (const ch of run[0]) {
      const name = COUNTRY_ABBR[ch];
      if (name && !parties.includes(name)) parties.push(name);
    }
  }
  for (const e of entities) {
    if (e.kind !== "Org" || !e.mentions.some((m) => m.start >= start && m.end <= start + phrase.length)) continue;
    const name = e.latin ?? s.slice(e.mentions[0]!.start, e.mentions[0]!.end);
    if (!parties.includes(name)) parties.push(name);
  }
  // NATO and NATO–Russia Council: keep the fuller name
  return parties.filter((p) => !parties.some((o) => o !== p && o.includes(p)));
}
