import type { QuoteKind } from "../../schema/quote.ts";
import type { ArticleEntity } from "../entities/chain-mentions.ts";
import { LEXICON } from "../text/lexicons.ts";
import { tagWords } from "../text/segment.ts";
import {
  findReferences,
  findSpeechVerbs,
  findSubject,
  subjectOfClause,
  type Reference,
  type SpeakerContext,
  type SpeechVerb,
} from "./speakers.ts";

/** A quote found in one article, with its speaker's article-local entity id (undefined = the text names nobody). */
export interface FoundQuote {
  kind: QuoteKind;
  text: string;
  start: number;
  end: number;
  speaker?: string;
  verb?: string;
  sentence: string;
  confidence: number;
}

// Verbs that attribute a quotation but do not introduce reported speech of their own (把…说成是“…”, 给出…评价).
const NOT_REPORTING = new Set(["说成", "评价"]);
const PAIRS: Record<string, string> = { "“": "”", "「": "」", "『": "』", '"': '"' };
// The closing marks by the code unit of the opening one: findQuoteSpans looks at every character of the text, and a
// lookup by a string of each Han character was a fifth of findQuotes' time.
const CLOSING_MARKS = new Map(Object.entries(PAIRS).map(([open, close]) => [open.charCodeAt(0), close]));
const [BOOK_OPEN, BOOK_CLOSE, NEWLINE] = [..."《》\n"].map((ch) => ch.charCodeAt(0));
// A quoted run this short with no inner punctuation may be a term in scare quotes (“克里米亚事件”).
const SHORT_QUOTE = 10;
const SCARE_BEFORE = /(所谓|称为|称之为|被称为|名为|叫做|号称|以|这一|这个|该|一场|一种|的)$/;
// What a name in quotation marks is followed by: the kind of thing it names, or its coming into force.
const NAMED_AFTER =
  /^(?:军演|演习|演练|决议|规则|主题|罪名?|运动|计划|倡议|构想|战略|政策|法案|条例|协议|协定|行动|项目|口号|理念|方针|框架|机制|一词|一说|字样|标语|系列|工程|奖项?|专案|节目|(?:自.{1,12}起)?(?:正式)?(?:施行|生效|实施|上路))/;
// Verbs whose object in quotation marks is a name: a policy pursued, a theme, a rule broken.
const NAMED_BY = /(奉行|围绕|违反|遵守|推行|贯彻|落实|主题为|口号为)$/;
// A speaker's characterisation: 形容X是, 称X为, 斥X为, 视X为 — the quoted words after it are the speaker's.
const CHARACTERISED = /(?:形容|称|斥|视|定性|比喻|描述)[^，。“”「」]{1,15}(?:为|是|成)\s*$/;
const NAMING_BEFORE = /(所谓|被称为|名为|叫做|号称|题为|标题为|称作|简称)$/;
const EVALUATIVE = /^(a|ad|an|d|m|i|l|z)$/;
const NOUNISH = /^(n|nz|ns|nt|nr|nrt|vn|an|a|ad|b|j|eng|m|q|x|f|s|uj)$/;

/** Quote-mark spans of the text (outermost pairs; nothing inside 《》). */
export function findQuoteSpans(s: string): { open: number; close: number }[] {
  const spans: { open: number; close: number }[] = [];
  let i = 0;
  let bookDepth = 0;
  while (i < s.length) {
    const code = s.charCodeAt(i);
    // a title mark counts only with its 》 in the same paragraph (《香港自由新聞」 is a typo, not a title to the end)
    if (code === BOOK_OPEN && /^[^\n》]*》/.test(s.slice(i + 1, i + 200))) bookDepth++;
    if (code === BOOK_CLOSE) bookDepth = Math.max(0, bookDepth - 1);
    if (code === NEWLINE) bookDepth = 0;
    const closeCh = CLOSING_MARKS.get(code);
    if (closeCh && bookDepth === 0) {
      const close = s.indexOf(closeCh, i + 1);
      const paragraphEnd = s.indexOf("\n", i);
      if (close > i + 1 && (paragraphEnd < 0 || close < paragraphEnd)) {
        spans.push({ open: i, close });
        i = close + 1;
        continue;
      }
    }
    i++;
  }
  return spans;
}

/**
 * Finds direct and indirect quotes in an article and attributes each to a speaker where the text names one; only
 * the positions `reports` accepts (the article's body paragraphs) are searched for quotes and speech verbs.
 */
export function findQuotes(
  text: string,
  s: string,
  entities: ArticleEntity[],
  reports: (at: number) => boolean = () => true,
): FoundQuote[] {
  const refs = findReferences(s, entities);
  // titles, captions and asides report nothing: no quote and no speech verb is taken from them
  const verbs = findSpeechVerbs(s).filter((v) => reports(v.start));
  const spans = findQuoteSpans(s).filter((q) => reports(q.open));
  const insideQuote = (pos: number): boolean => spans.some((q) => pos > q.open && pos < q.close);
  const context: SpeakerContext = {
    // (names in titles and link lists are no speakers, nor antecedents of a 他 in the body)
    refs: refs.filter((r) => !insideQuote(r.start) && reports(r.start)),
    verbs: verbs.filter((v) => !insideQuote(v.start)),
  };
  const indirect = findIndirectQuotes(text, s, spans, context);
  const direct = findDirectQuotes(text, s, spans, context, indirect);
  return [...direct, ...indirect];
}

/** A speaker found by one step of the sieve, with that step's confidence. */
interface Attribution {
  speaker: Reference;
  verb?: SpeechVerb;
  confidence: number;
}

// Confidence of an attribution by how the speaker was named: a name beats a title, a title beats a pronoun.
const BY_VIA: Record<Reference["via"], number> = { name: 1, title: 0.95, pronoun: 0.85 };
// A source in brackets right after a quotation (Kyodo style): “不知道特朗普会说些什么”（防卫省相关人士）.
const BRACKETED_SOURCE = /^[（(]([^（）()]{2,20})[)）]/;

/**
 * Attributes direct quotes with a sieve, strongest pattern first: the speaker named right after the quote (“…”，X说;
 * “…，”他说), a source in brackets after it, the speaker of the speech verb before it in its sentence (X说：“…”; a
 * quote inside an indirect quote), the subject of a clause ending in a colon (X为…辩护：“…”), the speaker of a verb
 * that ends the sentence (X在市场“…”，…涂乐说), and a quote continuing the speaker of the sentence before it.
 * A quote the text attributes to nobody keeps no speaker.
 */
function findDirectQuotes(
  text: string,
  s: string,
  spans: { open: number; close: number }[],
  context: SpeakerContext,
  reported: FoundQuote[],
): FoundQuote[] {
  const { refs, verbs } = context;
  const out: FoundQuote[] = [];
  let previous: { entity: string; end: number } | undefined;
  // the last speech act before a position, direct or reported (他还说…，\n“…”: the quote continues him)
  const lastSpeaker = (at: number): { entity: string; end: number } | undefined => {
    const acts = reported.filter((q) => q.speaker && q.end <= at).map((q) => ({ entity: q.speaker!, end: q.end }));
    if (previous && previous.end <= at) acts.push(previous);
    return acts.sort((a, b) => b.end - a.end)[0];
  };
  for (const span of spans) {
    const inner = s.slice(span.open + 1, span.close);
    const sentenceStart = lastSentenceBreak(s, span.open) + 1;
    const sentenceEnd = nextSentenceBreak(s, span.close + 1);
    const before = s.slice(sentenceStart, span.open);
    const opensSentence = /^[\s（(]*$/.test(before) || /[。！？]$/.test(before.trim());
    // (a short name in quote marks between, 咨询公司“中国汽车洞察”的董事总经理涂乐说, is no other quotation)
    const quoteBetween = (from: number, to: number): boolean =>
      spans.some(
        (q) =>
          q.open > from &&
          q.open < to &&
          (q.close - q.open > SHORT_QUOTE || /[，。！？,!?]/.test(s.slice(q.open, q.close))),
      );
    const attribution =
      speakerCharacterising(s, span, sentenceStart, context) ??
      speakerIntroducing(s, span, sentenceStart, context) ??
      speakerAfter(s, span, sentenceEnd, context, quoteBetween) ??
      speakerInBrackets(s, span, refs) ??
      speakerBefore(s, span, sentenceStart, context) ??
      speakerOfColonClause(s, span, sentenceStart, context) ??
      speakerAtSentenceEnd(s, span, sentenceEnd, context, quoteBetween) ??
      speakerLaterInSentence(s, span, opensSentence, sentenceEnd, context, quoteBetween) ??
      continuation(s, span, opensSentence, sentenceStart, sentenceEnd, context, lastSpeaker(span.open));
    // words in quote marks after a speech verb are reported words even when nobody named said them
    const reportedWords = verbs.some((v) => v.end <= span.open && v.start >= sentenceStart && !v.attributionOnly);
    const named = !!attribution && attribution.confidence >= 0.75;
    if (!isQuoteLike(s, span, inner, !!attribution || reportedWords, named)) continue;
    const q: FoundQuote = {
      kind: "direct",
      text: text.slice(span.open + 1, span.close),
      start: span.open + 1,
      end: span.close,
      sentence: text.slice(sentenceStart, sentenceEnd + 1).trim(),
      confidence: attribution?.confidence ?? 0.5,
    };
    if (attribution) q.speaker = attribution.speaker.entity;
    if (attribution?.verb) q.verb = attribution.verb.verb;
    out.push(q);
    if (attribution) previous = { entity: attribution.speaker.entity, end: Math.max(sentenceEnd, span.close) };
  }
  return out;
}

/** 默克尔称其对华政策为“现实主义政策”: the subject of the verb that characterises something with the quoted words. */
function speakerCharacterising(
  s: string,
  span: { open: number; close: number },
  sentenceStart: number,
  context: SpeakerContext,
): Attribution | undefined {
  const from = Math.max(sentenceStart, span.open - 24);
  const clause = s.slice(from, span.open);
  const m = CHARACTERISED.exec(clause);
  if (!m || /被[^，。]{0,3}(称|视|看作|形容)/.test(clause)) return undefined;
  const at = from + m.index;
  if (/[，。；：！？\n]/.test(s.slice(at, span.open))) return undefined;
  const verb = context.verbs.find((v) => v.start === at);
  if (!verb) return undefined;
  const speaker = findSubject(s, verb.start, context);
  return speaker ? { speaker, verb, confidence: 0.85 * BY_VIA[speaker.via] } : undefined;
}

/** “…”，X说 / “…，”他在2021年曾经说道: the subject of the speech verb's clause right after the quote. */
function speakerAfter(
  s: string,
  span: { open: number; close: number },
  sentenceEnd: number,
  context: SpeakerContext,
  quoteBetween: (from: number, to: number) => boolean,
): Attribution | undefined {
  const verb = context.verbs.find(
    (v) => v.start > span.close && v.start < sentenceEnd && !quoteBetween(span.close, v.start),
  );
  if (!verb) return undefined;
  let from = span.close + 1;
  while (/[，,\s]/.test(s[from] ?? "")) from++;
  // only the verb's own clause may stand between: “…”，X在…后表示 (no clause break)
  if (/[，,；;。：:]/.test(s.slice(from, verb.start))) return undefined;
  const speaker = subjectOfClause(s, from, verb.start, context.refs, span.open);
  return speaker ? { speaker, verb, confidence: 0.9 * BY_VIA[speaker.via] } : undefined;
}

/** X说：“…” / 里亚布科夫说，「…」: a speech verb that introduces the quote directly, with only punctuation between. */
function speakerIntroducing(
  s: string,
  span: { open: number; close: number },
  sentenceStart: number,
  context: SpeakerContext,
): Attribution | undefined {
  const verb = [...context.verbs].reverse().find((v) => v.end <= span.open && v.start >= sentenceStart);
  if (!verb || !/^[，,：:\s]*$/.test(s.slice(verb.end, span.open))) return undefined;
  const speaker = findSubject(s, verb.start, context);
  return speaker ? { speaker, verb, confidence: 0.9 * BY_VIA[speaker.via] } : undefined;
}

/** “不知道特朗普会说些什么”（防卫省相关人士）: an entity in brackets right after the quote is its source. */
function speakerInBrackets(
  s: string,
  span: { open: number; close: number },
  refs: Reference[],
): Attribution | undefined {
  const m = BRACKETED_SOURCE.exec(s.slice(span.close + 1));
  if (!m || !/(人士|官员|干部|语|说|称|表示)$/.test(m[1]!)) return undefined;
  const from = span.close + 2;
  const speaker = refs.find((r) => r.start >= from && r.end <= from + m[1]!.length);
  return speaker ? { speaker, confidence: 0.75 } : undefined;
}

/** X说：“…” / X表示，…“…”: the speaker of the nearest speech verb before the quote in its sentence. */
function speakerBefore(
  s: string,
  span: { open: number; close: number },
  sentenceStart: number,
  context: SpeakerContext,
): Attribution | undefined {
  // 沙利文声称，美国情报机构认为，…“…”: when the nearest verb's subject is nobody named, the quote is part of the
  // report of the verb before it
  for (const verb of [...context.verbs].reverse().filter((v) => v.end <= span.open && v.start >= sentenceStart)) {
    const speaker = findSubject(s, verb.start, context);
    if (speaker) return { speaker, verb, confidence: 0.85 * BY_VIA[speaker.via] };
  }
  return undefined;
}

/** 默克尔也为这样的日常生活辩护：“…”: a clause that ends in a colon right before the quote introduces its words. */
function speakerOfColonClause(
  s: string,
  span: { open: number; close: number },
  sentenceStart: number,
  context: SpeakerContext,
): Attribution | undefined {
  const colon = span.open - 1;
  if (!/[：:]/.test(s[colon] ?? "") || colon <= sentenceStart) return undefined;
  // only a subject that opens the clause: 从她第一次访问白宫就可见一斑：“…” names no speaker
  const clauseStart = Math.max(sentenceStart, s.lastIndexOf("，", colon) + 1);
  const speaker = subjectOfClause(s, clauseStart, colon, context.refs, clauseStart, { atStartOnly: true });
  return speaker ? { speaker, confidence: 0.75 * BY_VIA[speaker.via] } : undefined;
}

/** 特斯拉在中国市场“完全处于劣势”，…的董事总经理涂乐说。: the quote belongs to the verb that ends its sentence. */
function speakerAtSentenceEnd(
  s: string,
  span: { open: number; close: number },
  sentenceEnd: number,
  context: SpeakerContext,
  quoteBetween: (from: number, to: number) => boolean,
): Attribution | undefined {
  const verb = [...context.verbs].reverse().find((v) => v.start > span.close && v.end <= sentenceEnd);
  if (!verb || quoteBetween(span.close, verb.start) || !/^[\s。！？”」]*$/.test(s.slice(verb.end, sentenceEnd)))
    return undefined;
  const speaker = findSubject(s, verb.start, context);
  return speaker ? { speaker, verb, confidence: 0.8 * BY_VIA[speaker.via] } : undefined;
}

/** “…”7日上午在官邸，石破结束…会谈后，向记者团强调…: a quote opening its sentence, and the sentence's speech verb. */
function speakerLaterInSentence(
  s: string,
  span: { open: number; close: number },
  opensSentence: boolean,
  sentenceEnd: number,
  context: SpeakerContext,
  quoteBetween: (from: number, to: number) => boolean,
): Attribution | undefined {
  if (!opensSentence) return undefined;
  const verb = context.verbs.find((v) => v.start > span.close && v.end <= sentenceEnd && !v.attributionOnly);
  if (!verb || quoteBetween(span.close, verb.start)) return undefined;
  const speaker = findSubject(s, verb.start, context);
  return speaker ? { speaker, verb, confidence: 0.75 * BY_VIA[speaker.via] } : undefined;
}

/** A quote opening its sentence right after a speech act, with nobody else named between, continues that speaker. */
function continuation(
  s: string,
  span: { open: number; close: number },
  opensSentence: boolean,
  sentenceStart: number,
  sentenceEnd: number,
  context: SpeakerContext,
  last: { entity: string; end: number } | undefined,
): Attribution | undefined {
  const { refs, verbs } = context;
  if (!last || span.open - last.end >= 160) return undefined;
  // “…”他在2023年说。“…”: continues him; but not across another person or organisation named in between
  if (refs.some((r) => r.start >= last.end && r.end <= span.open && r.entity !== last.entity)) return undefined;
  const speaker = refs.find((r) => r.entity === last.entity);
  if (!speaker) return undefined;
  if (opensSentence) return { speaker, confidence: 0.7 };
  // 她说，…入侵乌克兰是一个新阶段的开始。目前必要的是在北约内“很快构建起可信的威慑力”: a quotation inside the next
  // sentence of the same paragraph goes on with the report, when that sentence names nobody and reports nothing
  const nextSentence = last.end <= sentenceStart && !/\n/.test(s.slice(last.end, sentenceStart));
  const quiet =
    !refs.some((r) => r.start >= sentenceStart && r.end <= sentenceEnd) &&
    !verbs.some((v) => v.start >= sentenceStart && v.end <= sentenceEnd);
  // (whole sentences only: a short term in quotes there, “暴风之影”, is as often the writer's as the speaker's)
  const inner = s.slice(span.open + 1, span.close);
  const sentence = inner.length >= SHORT_QUOTE || /[，。！？,!?]/.test(inner);
  return nextSentence && quiet && sentence ? { speaker, confidence: 0.6 } : undefined;
}

/** Tells words someone said from a term in scare quotes or a title. */
function isQuoteLike(
  s: string,
  span: { open: number; close: number },
  inner: string,
  attributed: boolean,
  speakerNamed = false,
): boolean {
  if (!/\p{Script=Han}/u.test(inner)) return inner.split(/\s+/).length >= 4;
  const after = s.slice(span.close + 1, span.close + 3);
  // “讨论”（discussion）, 「高机动性多管火箭系统」（HIMARS）: a glossed term or name
  if (/^[（(][A-Za-z]/.test(after) && !/[，。！？,!?]/.test(inner)) return false;
  const before = s.slice(Math.max(0, span.open - 4), span.open);
  // “联合利剑-2024A”军演, 「聯大2758」決議, 奉行“基于国家利益的现实外交”, 「外商投資准入特別管理措施」自11月1日起施行:
  // a span the noun after it or the verb before it makes a name, with no sentence of its own inside
  // (not an attribute ending in 的: “历史性且非常及时的”协议 is the speaker's words)
  if (
    !/[，。！？；,!?;]|的$/.test(inner) &&
    (NAMED_AFTER.test(s.slice(span.close + 1, span.close + 16)) || NAMED_BY.test(before))
  )
    return false;
  if (inner.length >= SHORT_QUOTE || /[，。！？、；：,!?]/.test(inner)) return true;
  // 罗子维形容特朗普是「狂人总统」, 毛宁称持刀袭击事件为 “偶发事件”: a named speaker's word for something is theirs
  // (被称为“…”, a name the thing goes by, is not)
  const clause = s
    .slice(Math.max(0, span.open - 24), span.open)
    .split(/[，。；：！？\n]/)
    .pop()!;
  if (speakerNamed && CHARACTERISED.test(clause) && !/被[^，。]{0,3}(称|视|看作|形容)/.test(clause)) return true;
  if (NAMING_BEFORE.test(before)) return false;
  // a named speaker's evaluative fragment is their words (战争的“真正升级”, 有“很大的勇气”, 提供了“一千多枚导弹”): it
  // holds an adjective, adverb, number or idiom, where a term in scare quotes is nouns (“军事基础设施”, “执行议程”)
  // (an adjective naming a noun, “悲观情绪”, is a term like the others)
  const words = tagWords(inner);
  const adjectiveNoun = words.length === 2 && words[0]!.tag === "a" && /^n/.test(words[1]!.tag);
  if (speakerNamed && inner.length >= 2 && !adjectiveNoun && words.some((w) => EVALUATIVE.test(w.tag))) return true;
  if (SCARE_BEFORE.test(before) && !/(说|称|是)$/.test(before)) return false;
  if (after.startsWith("的") && !/(说成是|说|称|是)$/.test(before)) return false;
  if (inner.length < 3) return false;
  if (words.every((w) => NOUNISH.test(w.tag))) return false;
  return attributed;
}

function findIndirectQuotes(
  text: string,
  s: string,
  spans: { open: number; close: number }[],
  context: SpeakerContext,
): FoundQuote[] {
  const out: FoundQuote[] = [];
  const claimed: { start: number; end: number; speaker: string }[] = [];
  for (const verb of context.verbs) {
    if (verb.attributionOnly || NOT_REPORTING.has(verb.verb)) continue;
    const bounds = reportedClause(s, verb, spans, context.verbs);
    if (!bounds) continue;
    const speaker = findSubject(s, verb.start, context);
    // 诉讼称，…, 决议还称…: a document reports the clause, and nobody in the sentence is named as its author
    if (!speaker && !reportedByDocument(s, verb)) continue;
    const { start, end } = bounds;
    const who = speaker?.entity ?? "";
    if (claimed.some((c) => c.start <= verb.start && verb.start < c.end && c.speaker === who)) continue;
    // 警告说 after 表示: two verbs of one speaker reporting the same clause give one quote
    if (claimed.some((c) => c.start === start && c.end === end)) continue;
    const sentenceStart = lastSentenceBreak(s, verb.start) + 1;
    const q: FoundQuote = {
      kind: "indirect",
      text: text.slice(start, end),
      start,
      end,
      verb: verb.verb,
      sentence: text.slice(sentenceStart, nextSentenceBreak(s, end) + 1).trim(),
      confidence: speaker ? 0.8 * BY_VIA[speaker.via] : 0.5,
    };
    if (speaker) q.speaker = speaker.entity;
    out.push(q);
    claimed.push({ start, end, speaker: who });
  }
  return out;
}

const DOCUMENT_SUBJECT = new RegExp(
  `^(?:[据根据按照]{0,2})(?:该|这份|这项|这起|此|本)?(?:${LEXICON.reportingDocuments.join("|")})(?:中|里|还|也|则|亦|又|更|同时|进一步|[，,\\s])*$`,
);

/** True when the clause before a speech verb is only a document: 诉讼称, 决议还称, 《发展纲要》提出, 根据诉讼. */
function reportedByDocument(s: string, verb: SpeechVerb): boolean {
  const from =
    Math.max(
      s.lastIndexOf("，", verb.start - 1),
      s.lastIndexOf("。", verb.start - 1),
      s.lastIndexOf("\n", verb.start - 1),
    ) + 1;
  const subject = s
    .slice(from, verb.start)
    .replace(/[《》「」“”\s]/g, "")
    .replace(/^(但|而|另外|此外|同时)/, "");
  return DOCUMENT_SUBJECT.test(subject);
}

/** True when the words after 称 are a noun phrase and 为: 称其对华政策为…, 称伊尔贡为… (naming, not reporting). */
function namesSomething(after: string): boolean {
  const m = /^([^，。；：]{0,8}?)(?<![成作认因以行是视])为(?![了止])/.exec(after);
  if (!m) return false;
  if (!m[1]) return true;
  return tagWords(m[1]).every(
    (w) => /^(n|nr|nrt|ns|nt|nz|r|j|eng|x|uj)$/.test(w.tag) && !/^[成作认因以行是视]$/.test(w.word),
  );
}

// Before a verb: a negation (她不认为…: no report of the clause), a passive (被认为, 遭到质疑) or a purpose (以补充).
const NOT_A_REPORT_BEFORE = /(不|没有|没|未|并不|从未|从不|并未|无法|不会|被|遭到|受到|遭|以|来|为了)$/;
// After a verb: a time word that makes it an adverbial (得知…报道后, 在宣布时), a noun it forms (批评声浪), or a
// name as its object (一位不愿透露姓名的官员: disclosing a name reports nothing).
const NOT_A_REPORT_AFTER = /^(后|时|中|前|之后|之前|期间|以后|声浪|者|人士|姓名|身份|名字)/;
// A reporting word with its comma: what follows is its report, not that of the verb before it (分析显示，…).
const REPORT_OPENS = /^(显示|表明|指出|发现|认为|估计|预计|预测|称|说|表示)[，,：:]/;
// Where a reported clause ends early: the speaker's next speech verb (，表示…, ，并指出…).
// (…，并指出… continues the same report; …，他补充说，… starts the next one)
const NEXT_REPORT =
  /[，,；;](?:他|她|其)?(?:同时|也|还|又)?(?:表示|指出|强调|认为|称|说|补充|透露|警告|重申|坦言|直言)/;

// Observers whose view follows a comma (，外界预期, ，分析人士认为, ，市场估计): not the speaker's words.
const OBSERVERS_REPORT =
  /[，,](?:外界|分析人士|分析家|观察人士|观察家|市场|舆论|专家|学者)(?:普遍|均|也|则)?(?:预期|认为|预计|估计|指出|表示|担心|猜测)/;

/**
 * The clause a speech verb reports, or nothing when the verb reports none: the words after the verb (after the
 * addressee of 告诉/对记者) to the end of the sentence or to the speaker's next speech verb. No clause is reported
 * by a negated, passive or adverbial verb, by a verb taking a noun phrase with no punctuation after it (批评X,
 * 宣布签署协议), by a clause that is only quotations (a direct quote), or by a relative clause (最早宣称…的人之一).
 */
function reportedClause(
  s: string,
  verb: SpeechVerb,
  spans: { open: number; close: number }[],
  verbs: SpeechVerb[],
): { start: number; end: number } | undefined {
  const rest = s.slice(verb.end, verb.end + 6);
  if (/^(引述|援引|称|说|表示)/.test(rest) && /报道|报导/.test(verb.verb)) return undefined; // 报道引述X的话说: X speaks
  // 称其为解决战事的唯一途径, 称之为: naming something, not reporting words
  // (称其对华政策为“现实主义政策”: a noun phrase for the thing named may stand between; 称台湾应为其国防…支付 and
  // 称…行为具攻击性 report)
  if (/称$/.test(verb.verb) && namesSomething(s.slice(verb.end, verb.end + 12))) return undefined;
  // (说过 and 说了 report: 拜登先前就说过龚萨雷兹赢得大选)
  if (/^(出了|出|[的着])/.test(rest) || (/^[了过]/.test(rest) && !/说$/.test(verb.verb)) || /^[，,]?$/.test(rest))
    return undefined;
  if (NOT_A_REPORT_BEFORE.test(s.slice(Math.max(0, verb.start - 2), verb.start)) || NOT_A_REPORT_AFTER.test(rest))
    return undefined;
  const base = verb.verb.replace(/(说|称|道)$/, "");
  // (宣布将提名…, 威胁要征收…: a modal opens a clause)
  if (LEXICON.objectTakingVerbs.has(verb.verb) && base === verb.verb && !/^([，,：:]|将|要|会)/.test(rest))
    return undefined;
  // 说过…, 说了…: the aspect particle belongs to the verb
  let start = verb.end + (/说$/.test(verb.verb) && /^[了过]/.test(rest) ? 1 : 0);
  // 告诉俄罗斯国际电视台（RTVI），… : skip the addressee
  if (/告诉|对记者/.test(verb.verb) || /^(记者|媒体|路透社|本台|本报)/.test(rest)) {
    const comma = s.slice(start, start + 30).search(/[，,：:]/);
    if (comma >= 0) start += comma;
  }
  if (verb.verb === "说法") start += /^来看|^看/.exec(s.slice(start))?.[0].length ?? 0;
  while (/[，,：: ]/.test(s[start] ?? "")) start++;
  // 发布分析显示，…: a clause that opens with another speech verb is that verb's report (分析 is its subject)
  if (verbs.some((v) => v !== verb && v.start === start) || REPORT_OPENS.test(s.slice(start, start + 4)))
    return undefined;
  let end = nextSentenceBreak(s, start);
  const next = NEXT_REPORT.exec(s.slice(start, end));
  if (next && verbs.some((v) => v.start > start + next.index && v.start <= start + next.index + next[0].length))
    end = start + next.index;
  // …擔任國務卿，外界預期…: the voices of observers start a report of their own
  const observers = OBSERVERS_REPORT.exec(s.slice(start, end));
  if (observers) end = start + observers.index;
  // 因工作關係較留意今次選舉：「…」: what the colon opens is a direct quote of its own, not part of the clause
  const colon = /[：:](?=[「“『])/.exec(s.slice(start, end));
  if (colon) {
    end = start + colon.index;
    // (据法新社报道，童貝里指出：「…」: a clause that ends in another speech verb only frames that quote)
    if (verbs.some((v) => v.start > start && v.end <= end && end - v.end <= 6)) return undefined;
  }
  // 何亚东回应特朗普表示，…关税时说，…: a clause that ends in 时 before another speech verb is its time adverbial
  // (not 同时, 及时, 随时, 届时, 此时: adverbs, no clause ends there)
  const when = /(?<![同及随届此那平暂适按准当])时(?:说|称|表示|指出|强调|回应)/.exec(s.slice(start, end));
  if (when && verbs.some((v) => v.start === start + when.index + 1)) end = start + when.index;
  while (end > start && /[，,。；;\s]/.test(s[end - 1]!)) end--;
  const clause = s.slice(start, end);
  if (clause.length < 6 || !/\p{Script=Han}/u.test(clause)) return undefined;
  if (spans.some((q) => q.open < verb.start && q.close > verb.start)) return undefined;
  // 博雷利对记者表示：“…”，“…”: a clause made of quotations is direct speech, not an indirect quote
  const outsideQuotes = [...clause].filter((_, i) => !spans.some((q) => start + i >= q.open && start + i <= q.close));
  if (!outsideQuotes.some((ch) => /\p{Script=Han}/u.test(ch))) return undefined;
  // 特朗普称「…」的看法, 最早宣称美国正走在崩溃不归路上的人之一: the verb sits in a noun phrase
  const quoteFirst = spans.find((q) => q.open === start);
  if (quoteFirst && s[quoteFirst.close + 1] === "的") return undefined;
  // 石破就向记者称“衷心祝贺特朗普的胜利”，并在X上发帖: the quotation is all that was said; the rest is what he did
  // (…”，并将在协议框架内进行: a modal goes on with what was said)
  if (
    quoteFirst &&
    /^[，,](并|还|又|随后|之后|同时)(?!将|会|要|应|能|可|称|表示|说|指出)/.test(
      s.slice(quoteFirst.close + 1, quoteFirst.close + 5),
    )
  )
    return undefined;
  if (/的(人|人之一|国家之一|一员)$/.test(clause.split(/[，,]/)[0] ?? "")) return undefined;
  // 时报报道美国南部的记者: a noun phrase with no predicate is the verb's object, not a report
  // (jieba's tags are rough: any verb, adverb, preposition or clause-joining conjunction counts as a predicate)
  const predicate = (w: { word: string; tag: string }): boolean =>
    /^(v|d|p|ad)/.test(w.tag) || (w.tag === "c" && !/^(和|及|与|以及|或)$/.test(w.word)) || /^(是|有)$/.test(w.word);
  if (!tagWords(clause).some(predicate)) return undefined;
  return { start, end };
}

function lastSentenceBreak(s: string, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (/[。！？!?\n]/.test(s[i]!) && !insideOpenQuote(s, i)) return i;
  return -1;
}

function nextSentenceBreak(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const ch = s[i]!;
    if ("“「『".includes(ch)) depth++;
    else if ("”」』".includes(ch)) {
      depth = Math.max(0, depth - 1);
      // “…准备好了。”他还透露：the sentence ended inside the quote
      if (depth === 0 && /[。！？!?]/.test(s[i - 1] ?? "")) return i + 1;
    } else if (ch === "\n" || (depth === 0 && /[。！？!?]/.test(ch))) return i;
  }
  return s.length;
}

/** True when position i lies between an opening and its closing quote mark on the same paragraph. */
function insideOpenQuote(s: string, i: number): boolean {
  const lineStart = s.lastIndexOf("\n", i) + 1;
  let depth = 0;
  for (let k = lineStart; k < i; k++) {
    if ("“「『".includes(s[k]!)) depth++;
    else if ("”」』".includes(s[k]!)) depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}
