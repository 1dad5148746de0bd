import type { ArticleEntity } from "../entities/chain-mentions.ts";
import { LEXICON } from "../text/lexicons.ts";
import { tagWords } from "../text/segment.ts";
import { simplifyText } from "../text/simplify.ts";

/** A place in the text that refers to an entity: a name, a title standing for a person, or a resolved pronoun. */
export interface Reference {
  entity: string;
  kind: "Person" | "Org";
  start: number;
  end: number;
  via: "name" | "title" | "pronoun";
  /** For a person: the titles the article gives them (simplified), for 这位部长 to find its holder. */
  titles?: string[];
  /** For a person, when known: from the registry, an honorific (女士) or a feminine given name (里娜·沙阿). */
  gender?: "female" | "male";
}

/** A speech or reporting verb found on a word boundary. */
export interface SpeechVerb {
  verb: string;
  start: number;
  end: number;
  strong: boolean;
  /** A verb that ties a quotation to its speaker but reports no clause of its own (发文, 辩护). */
  attributionOnly: boolean;
}

/** What the subject finder needs to know of an article: its references and its speech verbs. */
export interface SpeakerContext {
  refs: Reference[];
  verbs: SpeechVerb[];
}

const STRONG = new Set(LEXICON.speechVerbs);
const WEAK = new Set(LEXICON.weakSpeechVerbs);
const ATTRIBUTION = new Set(LEXICON.attributionVerbs);
const VERB_TAILS = new Set(["称", "说", "道", "表示"]);

/** Speech verbs of the text, on jieba word boundaries (说 in 说服 or 小说 is not one). */
export function findSpeechVerbs(s: string): SpeechVerb[] {
  const verbs: SpeechVerb[] = [];
  let offset = 0;
  const words = tagWords(s);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.word;
    const start = offset;
    offset += w.length;
    if (!STRONG.has(w) && !WEAK.has(w) && !ATTRIBUTION.has(w)) {
      // jieba glues a one-character verb to the word before it (采访时说, 声明中称): the verb is the last character
      // (and to the adverb before it: 还称, 也称, 则称, 并称)
      if (w.length === 2 && /[时中后里上还也则又亦均都并曾再]/.test(w[0]!) && /[说称]/.test(w[1]!))
        verbs.push({ verb: w[1]!, start: start + 1, end: offset, strong: true, attributionOnly: false });
      // …and to the pronoun after it (默克尔称其对华政策为…): the verb is the first character
      else if (w.length === 2 && /[说称]/.test(w[0]!) && /[其他她之它]/.test(w[1]!))
        verbs.push({ verb: w[0]!, start, end: start + 1, strong: true, attributionOnly: false });
      continue;
    }
    let end = offset;
    // 警告 + 称, 补充 + 说: one verb
    const next = words[i + 1]?.word;
    if (next && VERB_TAILS.has(next)) end += next.length;
    const attributionOnly = ATTRIBUTION.has(w) && !STRONG.has(w) && end === offset;
    verbs.push({ verb: s.slice(start, end), start, end, strong: STRONG.has(w) || end > offset, attributionOnly });
  }
  return verbs;
}

/** Names of the entities, plus title phrases standing alone for a person named elsewhere in the article. */
export function findReferences(s: string, entities: ArticleEntity[]): Reference[] {
  const refs: Reference[] = [];
  for (const e of entities) {
    const titles = e.kind === "Person" ? e.titles.map(simplifyText) : [];
    const gender = e.kind === "Person" ? genderOf(s, e) : undefined;
    for (const m of e.mentions)
      refs.push({
        entity: e.id,
        kind: e.kind,
        start: m.start,
        end: m.end,
        via: "name",
        titles,
        ...(gender && { gender }),
      });
  }
  const nameStarts = new Set(refs.map((r) => r.start));
  // A title phrase owned by exactly one person (美国常驻欧安组织代表 → Carpenter) and not followed by a name.
  const owners = new Map<string, Set<string>>();
  for (const e of entities) {
    if (e.kind !== "Person") continue;
    // titles are kept as written; matching runs on the simplified copy (same length, so offsets hold)
    for (const t of e.titles.map(simplifyText)) {
      for (const variant of titleVariants(t)) owners.set(variant, new Set([...(owners.get(variant) ?? []), e.id]));
    }
  }
  for (const [title, who] of owners) {
    if (who.size !== 1 || title.length < 3) continue;
    const [entity] = [...who];
    for (let at = s.indexOf(title); at >= 0; at = s.indexOf(title, at + 1)) {
      const end = at + title.length;
      if (nameStarts.has(end) || refs.some((r) => r.start < end && at < r.end && r.via === "title")) continue;
      // 美国总统当选人, 美国总统的发言人: a longer title is another person's
      if (TITLE_GOES_ON.test(s.slice(end, end + 4)) || LEXICON.personTitles.some((t) => s.startsWith(t, end))) continue;
      refs.push({ entity: entity!, kind: "Person", start: at, end, via: "title" });
    }
  }
  return refs.sort((a, b) => a.start - b.start || b.end - a.end);
}

// Characters Xinhua's transliteration tables keep for women's given names (玛丽娅, 安娜, 娜塔莉娅, 里娜).
const FEMININE_GIVEN = /[娜娅丽莉妮莎黛娃琳芭茜婷]/;

/** A person's gender where something says it: the registry, 女士 or 夫人 after a name, a feminine given name. */
function genderOf(s: string, e: ArticleEntity): "female" | "male" | undefined {
  if (e.registry?.gender) return e.registry.gender;
  if (e.mentions.some((m) => /^(女士|夫人|小姐)/.test(s.slice(m.end, m.end + 2)))) return "female";
  if (e.mentions.some((m) => /^(先生)/.test(s.slice(m.end, m.end + 2)))) return "male";
  const given = e.keys.find((k) => k.includes("·"))?.split("·")[0];
  return given && FEMININE_GIVEN.test(given) ? "female" : undefined;
}

// What turns a title into another one when it follows: 当选人, 候任, 提名人, 的发言人.
const TITLE_GOES_ON = /^(当选|候任|候选|提名|的(发言人|顾问|特使|助理|夫人|幕僚|代表))/;

/** A title and its shorter forms that still name a role precisely: 欧安组织新任轮值主席国波兰外交部长 → 波兰外交部长. */
function titleVariants(title: string): string[] {
  const out = new Set([title]);
  for (const place of LEXICON.placeNames) {
    const at = title.indexOf(place);
    if (at > 0) out.add(title.slice(at));
  }
  // 俄罗斯外长 → 俄罗斯最高外交官: the same role under its other names, where a place or body still qualifies it
  for (const variant of [...out]) {
    for (const group of LEXICON.titleSynonyms) {
      const own = group.find((t) => variant.endsWith(t) && variant.length > t.length);
      if (!own) continue;
      const qualifier = variant.slice(0, -own.length);
      for (const other of group) out.add(qualifier + other);
    }
  }
  return [...out];
}

const PRONOUN = /^(他们|她们|他|她|其)/;
// Names after these are no subject: objects (X对记者说, 与Y会谈), causees (让普京…说), places and channels (在Telegram上说).
const PREPOSITIONS = new Set([..."与同和对向跟给把被替及让在于从经"]);
// Prepositions that make the name after them the one spoken to: 对德国之声表示, 向记者透露 (对于 and 关于 end in 于).
const ADDRESSEE_BEFORE = new Set([..."对向跟给与和同"]);
// Words that open a clause before its subject: conjunctions, adverbs of time and sequence.
const CLAUSE_OPENER =
  /^(?:但是|但|而且|而|并且|并|且|则|另外|此外|同时|不过|对此|与此同时|因此|随后|事实上|然而|所以|其中|当时|此前|之后|后来|目前|如今|最后|最终|首先|其次|另一方面|早前|日前|近日|稍早|今天|昨天|今日|昨日|当天|当日|今年|去年|周[一二三四五六日天]|星期[一二三四五六日天]|本周[一二三四五六日]?|上周[一二三四五六日]?|上月|本月|[上下]午|晚间|凌晨|\d{1,4}年|\d{1,2}月|\d{1,2}日|[\s，,、])/;
// What follows a country or city that is the subject of its clause: an adverb, a time word, or nothing.
const PLACE_AS_SUBJECT = /^(方面)?([还也则又就已将曾都再亦并]|周|星期|今|昨|本|上|下|$)/;
// Openers of a clause that continues the main speaker of the sentence (并补充说, 同时指出).
const COORDINATED = /^(并|并且|还|同时|也|又|另外|此外|随后|接着)/;
/** True when only adverbs and time words stand between a name and its verb (甚至, 也, 周二, 11月1日). */
function adjacentToVerb(between: string): boolean {
  const trimmed = between.replace(/[\s()（）]/g, "");
  if (!trimmed) return true;
  if (trimmed.length > 6 || /[A-Za-z]/.test(trimmed)) return false;
  return tagWords(trimmed).every((w) => /^(d|t|ad|m|q)/.test(w.tag));
}
// An organisation's unnamed official speaks for it: 神韵的代表说, 外务省干部称 (gold convention of FORMAT.md).
const OFFICIAL_AFTER_ORG = /^的?(代表|发言人|官员|人士|相关人士|负责人|高层|高官|高管|干部|声明|消息人士|新闻处)/;
// An unnamed agency of an organisation (联合国监督机构, 联合国核监督机构, 两个联合国机构): another body, not the one named.
const AGENCY_AFTER_ORG = /^(?:[^，。、；：的“”「」\s]{0,6})机构/;

// A word for a kind of organisation: the name after it is that organisation (导弹制造公司MBDA), no object of a verb.
const ORG_KIND_BEFORE = /(公司|集团|银行|机构|企业|品牌|平台|媒体|网站|电视台|报社|组织|基金会|大学|智库|厂商|制造商)$/;
// 有人说, 是否有任何公众人物曾表示: an existential opening whose subject is someone unnamed.
// (also a counted, unnamed subject: 一名饭店员工报警时称, 两名官员还表示, 多位专家认为)
const EXISTENTIAL_SUBJECT =
  /^(?:(?:是否|有没有|会否)?有(?:任何|一些|不少|许多|很多|部分)?[^，。]{0,10}?(?:人|人士|人物|官员|专家|学者|网民|媒体|分析)|(?:[一两二三四五六七八九十几多数某]|\d+)(?:名|位|些|个(?!月|小时|星期|礼拜|钟头|世纪)))/;
// An unnamed official of a body, with the words that rank them: 欧盟高级别官员, 美国政府高级官员, 欧盟高级外交官.
const OFFICIAL_OF_BODY =
  /^的?(?:高级别|高级|资深|不具名的?|匿名|前任?|现任)?(?:外交官|代表|发言人|官员|人士|负责人|高层|高官|高管|干部|消息人士)/;
// What a person's name owns when it opens a longer subject: 的, an office, a government, a campaign, an aide.
const POSSESSED_AFTER_PERSON = /^(的|办公室|政府|团队|阵营|内阁|竞选|律师|发言人|家人|家属|幕僚|助手|顾问|基金会|当局)/;

/** The clause start after conjunctions, time words and spaces (但格罗西周三表示 → 格罗西…). */
function skipOpeners(s: string, from: number, to: number): number {
  let i = from;
  for (let guard = 0; guard < 8 && i < to; guard++) {
    const m = CLAUSE_OPENER.exec(s.slice(i, to));
    if (!m || !m[0].length) break;
    i += m[0].length;
  }
  return i;
}

/**
 * The subject of the clause [from, to) that ends at a speech verb: a pronoun or name opening the clause, else the
 * first name that is no object, place or possessor; `null` when the clause has a subject that is no entity
 * (a country, an unnamed official), `undefined` when it has none (a zero subject, carried over by the caller).
 */
export function subjectOfClause(
  s: string,
  from: number,
  to: number,
  refs: Reference[],
  pronounAt = from,
  options: { atStartOnly?: boolean; endsAtVerb?: boolean } = {},
): Reference | null | undefined {
  const start = skipOpeners(s, from, to);
  const rest = s.slice(start, to);
  const pronoun = PRONOUN.exec(rest);
  // 其总统尹锡悦表示: 其 before a title and a name is possessive; the name is the subject
  const possessive =
    pronoun?.[1] === "其" &&
    refs.some(
      (r) =>
        r.kind === "Person" && r.start > start && r.start - start <= 10 && endsWithTitle(s.slice(start + 1, r.start)),
    );
  if (pronoun && !possessive) return resolvePronoun(s, pronounAt, pronoun[1]!, refs) ?? null;
  // 该报补充说, 该局还表示, 这家公司表示: the organisation of that kind named last before
  // (not 该部门 or 该报告; not 该局局长X表示, whose subject is X)
  const anaphor = ORG_ANAPHOR.exec(rest);
  const anaphorWords = anaphor ? tagWords(rest.slice(0, anaphor[0].length + 2)) : [];
  if (
    anaphor &&
    (anaphorWords[0]!.word === anaphor[0] || anaphorWords[0]!.word + (anaphorWords[1]?.word ?? "") === anaphor[0]) &&
    !refs.some((r) => r.kind === "Person" && r.start >= start && r.end <= to)
  )
    return lastOrgOfKind(s, start, anaphor[1]!, refs) ?? null;
  // 对于特朗普称「…」: a name right before the verb is its subject, whatever stands before the name
  // (only where the clause ends at the verb: in a clause before it, the last name is its object)
  // (but not an addressee: 对德国之声表示, 告诉路透社说, 向记者透露)
  const verbAt = firstVerbOffset(rest);
  // (当被问到对于特朗普称「…」: after 对于 or 关于 a new clause opens, with its own subject)
  // (经济贸易副总裁琳希康说: a name right after a title is the one titled, whatever verb the title holds)
  const beforeVerb = (r: Reference): boolean =>
    verbAt < 0 ||
    r.start < start + verbAt ||
    // (蒙/v 雷亚尔: the "verb" jieba found is the name's first character)
    r.start === start + verbAt ||
    s.slice(start + verbAt, r.start).includes("的") ||
    /(对于|关于|有关)$/.test(s.slice(start + verbAt, r.start)) ||
    endsWithTitle(s.slice(start, r.start)) ||
    ORG_KIND_BEFORE.test(s.slice(start, r.start));
  const adjacent =
    options.endsAtVerb === false
      ? undefined
      : refs
          .filter((r) => r.start >= start && r.end <= to && adjacentToVerb(s.slice(r.end, to)))
          .filter(
            (r) => !ADDRESSEE_BEFORE.has(s[r.start - 1] ?? "") && !afterPlacePreposition(s, r.start) && beforeVerb(r),
          )
          .pop();
  if (adjacent && !(adjacent.kind === "Person" && s[adjacent.end] === "的")) return adjacent;
  // 严厉批评其盟友对…朝鲜军队的“零”反应: a clause opening with an adverb or a verb has no subject of its own, and
  // the names inside it are objects
  // (主持会谈的波兰外交部长甚至直言 opens with a verb too, but in a clause that ends in a name after 的)
  const relative = rest.lastIndexOf("的");
  const headAfterRelative = relative >= 0 && refs.some((r) => r.start >= start + relative && r.end <= to);
  // 是否有任何日本公众人物曾公开表示, 有专家认为: someone unnamed is the subject, not the subject of the clause before
  // (一位…企业家孙先生也向本台表示 names him after all; 一名拜登政府官员表示 speaks for the body, as FORMAT.md has it)
  if (EXISTENTIAL_SUBJECT.test(rest) && !refs.some((r) => r.kind === "Person" && r.start >= start && r.end <= to)) {
    const body = refs.find(
      (r) => r.kind === "Org" && r.start >= start && r.end <= to && OFFICIAL_OF_BODY.test(s.slice(r.end, r.end + 9)),
    );
    return body ?? null;
  }
  const first = tagWords(rest)[0];
  // (jieba tags some titles as adverbs: 首相/d 石破茂 has a subject)
  // (蒙/v 雷亚尔/nr: a name jieba splits still opens the clause with its subject)
  const opensWithVerb =
    !!first &&
    /^(d|v|ad)/.test(first.tag) &&
    !LEXICON.personTitles.includes(first.word) &&
    !refs.some((r) => r.start === start && r.end > start + first.word.length);
  if (opensWithVerb && !headAfterRelative) return undefined;
  if (options.atStartOnly) {
    const opening = refs.filter((r) => r.start === start);
    return preferPersonOverTheirOrg(s, opening) ?? null;
  }
  const inClause = refs.filter(
    (r) =>
      r.start >= start &&
      r.end <= to &&
      !PREPOSITIONS.has(charBefore(s, r.start)) &&
      !afterPlacePreposition(s, r.start) &&
      !insideParentheses(s, r.start, start),
  );
  // 除了说会救黎智英: a name after the clause's verb is its object (unless a relative clause ends in it: 主持会谈的X)
  for (const [k, r] of inClause.entries()) {
    if (!beforeVerb(r)) continue;
    // (特朗普（Donald Trump）的竞选团队: a gloss in brackets stands outside the phrase)
    const after = s
      .slice(r.end, r.end + 60)
      .replace(/^[（(][^（）()]{0,40}[)）]/, "")
      .slice(0, 6);
    const named = preferPersonOverTheirOrg(s, inClause.slice(k));
    // 神韵的代表说: an unnamed official speaks for the organisation (欧安组织代表卡彭特 is named: he speaks)
    if (r.kind === "Org" && OFFICIAL_AFTER_ORG.test(after) && named === r) return r;
    // 联合国监督机构此前曾指出: the agency is nobody named, unless a person is named after it (…机构发言人X说)
    if (r.kind === "Org" && AGENCY_AFTER_ORG.test(s.slice(r.end, r.end + 10)))
      return inClause.slice(k + 1).find((x) => x.kind === "Person" && beforeVerb(x)) ?? null;
    // 张郡格的律师…表示, 尼坦雅胡办公室指出: the person before 的 or an office owns the subject and is not it
    if (r.kind === "Person" && POSSESSED_AFTER_PERSON.test(after)) continue;
    // 特朗普即将上任的幕僚长苏西·威尔斯称, 特朗普任命的国家安全顾问沃尔兹: a relative clause on the person names
    // the head noun's holder, who is named after it
    if (r.kind === "Person" && headOfRelative(s, r, inClause.slice(k + 1).filter(beforeVerb))) continue;
    return named;
  }
  // 这位部长说: the person before who holds that title; 这位官员说 of an unnamed official names nobody
  const reference = LEXICON.referenceWords.find((w) => rest.includes(w));
  if (reference) return holderOf(rest.slice(rest.indexOf(reference) + reference.length), from, refs) ?? null;
  const place = LEXICON.placeNames.find((p) => rest.startsWith(p));
  if (place && PLACE_AS_SUBJECT.test(rest.slice(place.length))) return null;
  return hasOwnSubject(rest) ? null : undefined;
}

// Verbs that stand inside title phrases (美国常驻欧安组织代表, 负责政治事务的副国务卿).
const TITLE_VERBS = new Set([
  "常驻",
  "驻",
  "新任",
  "现任",
  "时任",
  "前任",
  "代理",
  "负责",
  "主管",
  "分管",
  "兼任",
  "出身",
]);

/** True right after 在 used as "at" (在白宫报道说), not inside 现在, 正在, 存在 or 所在 (现在白宫表示). */
function afterPlacePreposition(s: string, at: number): boolean {
  // (在社群平台X发文: a channel after 在 and the word for it)
  if (/在(社群|社交)?(平台|媒体|网站|网络)\s*$/.test(s.slice(Math.max(0, at - 8), at))) return true;
  if (charBefore(s, at) !== "在") return false;
  const i = s.lastIndexOf("在", at - 1);
  return !/[现正存所实自内潜]/.test(s[i - 1] ?? "");
}

/** The character before a position, spaces skipped (在 Telegram 上表示). */
function charBefore(s: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && /[ \u3000]/.test(s[i]!)) i--;
  return s[i] ?? "";
}

/** True when a text ends in a person's title, glosses in brackets left out (副总裁, 副总裁（Vice President）). */
function endsWithTitle(text: string): boolean {
  const bare = text.replace(/[（(][^（）()]*[)）]/g, "").trimEnd();
  return LEXICON.personTitles.some((t) => bare.endsWith(t));
}

/** Offset of the first verb of a clause (jieba's v; not vn, a verb used as a noun: 经济贸易副总裁), or -1. */
function firstVerbOffset(clause: string): number {
  let offset = 0;
  for (const w of tagWords(clause)) {
    if (/^v(?!n)/.test(w.tag) && !LEXICON.personTitles.includes(w.word) && !TITLE_VERBS.has(w.word)) return offset;
    offset += w.word.length;
  }
  return -1;
}

/** True when a clause opens with words of its own before the verb (石破就向记者称): a subject we cannot name. */
function hasOwnSubject(clause: string): boolean {
  const first = tagWords(clause)[0];
  if (!first) return false;
  return !/^(d|v|p|c|u|r|t|f|m|q|ad|vn)/.test(first.tag) && !/^[，,：:\s]/.test(first.word);
}

/**
 * The speaker of a speech verb: the subject of the verb's clause; for a clause without a subject (并补充说), the
 * speaker of the speech verb before it in the sentence (X表示，…，并补充说 → X), else the subject of the clause
 * before; 引述X的话说 quotes X; 据路透社报道 frames the sentence and names nobody.
 */
export function findSubject(s: string, verbStart: number, context: SpeakerContext, depth = 0): Reference | undefined {
  const { refs, verbs } = context;
  const quoted = /引述|援引/.exec(s.slice(Math.max(0, verbStart - 30), verbStart));
  if (quoted && /的话$/.test(s.slice(0, verbStart))) {
    const from = Math.max(0, verbStart - 30) + quoted.index;
    const inside = refs.filter((r) => r.start >= from && r.end <= verbStart);
    const last = inside[inside.length - 1];
    if (last) return last;
  }
  // 《商报》引述默克尔回忆录中…的描述写道: the words written are those of the one quoted
  if (quoted) {
    const at = Math.max(0, verbStart - 30) + quoted.index + quoted[0].length;
    const source = refs.find((r) => r.start === at && r.kind === "Person");
    if (source && !/[，。；]/.test(s.slice(at, verbStart))) return source;
  }
  let clauseEnd = verbStart;
  for (let hop = 0; hop < 4; hop++) {
    const clauseStart = lastBreak(s, clauseEnd) + 1;
    const clause = s.slice(clauseStart, clauseEnd);
    // 据路透社报道，…: an outlet's report frames the sentence and quotes nobody; 据X说 / 按照X的说法 do quote X
    // (also after the outlet's own mark: （德国之声中文网）根据中国央视、新华社等官方媒体的报道，…)
    const frame = /^(?:[（(][^（）()]{1,20}[)）])?(?=据|根据|按照|依照)/.exec(clause);
    const framed = !!frame;
    const verbWord = s.slice(verbStart, verbStart + 2);
    if (framed && hop === 0 && /^(报道|报导|消息|统计|数据)/.test(verbWord)) return undefined;
    // (据拜登的国家安全顾问沙利文称: not the possessor before 的, when a name follows it)
    if (framed && hop === 0) {
      const inside = refs.filter((r) => r.start >= clauseStart + frame[0].length && r.end <= clauseEnd);
      const owned = inside.filter((r, k) => !(s[r.end] === "的" && k < inside.length - 1));
      const source = preferPersonOverTheirOrg(s, owned);
      if (source) return source;
    }
    const subject = subjectOfClause(s, clauseStart, clauseEnd, refs, clauseStart, { endsAtVerb: hop === 0 });
    if (subject !== undefined) return subject ?? undefined;
    if (clauseStart === 0 || /[。！？!?\n】]/.test(s[clauseStart - 1]!)) break;
    // X表示，…，并补充说: a clause joined by 并/还/同时 continues the speaker of the speech verb before it; any
    // other clause without a subject shares the subject of the clause before (卢特尼克曾指…，指控中国「…」)
    if (COORDINATED.test(clause.trim())) {
      const earlier = [...verbs]
        .reverse()
        .find((v) => v.end <= clauseStart && v.start >= sentenceStart(s, clauseStart));
      if (earlier && depth < 3) return findSubject(s, earlier.start, context, depth + 1);
    }
    clauseEnd = clauseStart - 1;
  }
  return undefined;
}

/**
 * True when the person at `r` stands in a relative clause on a title held by a person named next (特朗普即将上任的
 * 幕僚长苏西·威尔斯, 特朗普任命的国家安全顾问沃尔兹): no one is named between them, and only a title stands between
 * the 的 and that person. Not 阿尔维祝贺特朗普的胜利 (特朗普 comes first) nor 特朗普真的威胁过普京 (no title).
 */
function headOfRelative(s: string, r: Reference, later: Reference[]): boolean {
  const next = later[0];
  if (next?.kind !== "Person") return false;
  const between = s.slice(r.end, next.start);
  const de = between.indexOf("的");
  if (de < 1 || de > 8 || /[，,。；;：:、“”「」]/.test(between.slice(0, de))) return false;
  const title = between.slice(de + 1);
  return title.length > 0 && endsWithTitle(title);
}

/** 克里姆林宫发言人佩斯科夫表示: the person, not the organisation in their title (first reference otherwise). */
export function preferPersonOverTheirOrg(text: string, refs: Reference[]): Reference | undefined {
  const first = refs[0];
  if (!first || first.kind !== "Org") return first;
  // (glosses in brackets do not count: 卡托研究所（Cato Institute）经济贸易副总裁琳希康)
  const gap = (r: Reference): string =>
    text
      .slice(first.end, r.start)
      .replace(/[（(][^（）()]*[)）]/g, "")
      .trim();
  const person = refs.find((r) => r.kind === "Person" && r.start >= first.end && gap(r).length <= 14);
  const between = person ? gap(person) : "";
  // the words between must make the person the organisation's officer (发言人, 外长) or member (半岛电视台的泽恩·巴斯拉维),
  // not its object (引述默克尔)
  if (person && (between === "" || between === "的" || LEXICON.personTitles.some((t) => between.endsWith(t))))
    return person;
  return first;
}

/** 他/她 → the last person named before it (its own sentence first, then earlier ones). */
export function resolvePronoun(s: string, at: number, pronoun: string, refs: Reference[]): Reference | undefined {
  if (pronoun.endsWith("们")) return undefined;
  if (pronoun === "其") return refs.filter((r) => r.end <= at).pop();
  // 她 is not a man the article named, nor 他 a woman
  const other = pronoun === "她" ? "male" : "female";
  const persons = refs.filter((r) => r.gender !== other);
  return lastSubjectBefore(s, at, persons) ?? lastPersonBefore(s, at, persons);
}

/**
 * 他 refers to the person who was last the subject of a clause, in its sentence or the two before, rather than to
 * the last person named: 罗子维形容特朗普是「狂人总统」…。他指出 → 罗子维, not 特朗普.
 */
function lastSubjectBefore(s: string, at: number, refs: Reference[]): Reference | undefined {
  const from = threeSentencesBack(s, at);
  const persons = refs.filter((r) => r.kind === "Person" && r.end <= at && r.start >= from);
  for (const r of persons.reverse()) {
    // 德米特里·金表示，普京对…给出了答案。他在接受…采访时表示: a name inside what someone said is no antecedent
    if (reportedByPerson(s, r, refs)) continue;
    const clauseStart = lastBreak(s, r.start) + 1;
    const between = s.slice(skipOpeners(s, clauseStart, r.start), r.start);
    if (!between) return { ...r, via: "pronoun" };
    // 美国国务卿布林肯: a title before the name keeps it the subject; a verb or preposition does not
    const words = tagWords(between);
    if (!words.some((w) => /^(v|p)/.test(w.tag) || PREPOSITIONS.has(w.word))) return { ...r, via: "pronoun" };
  }
  return undefined;
}

// A speech verb closing its clause: what follows it in the sentence is what was said (X表示，…; X说：…).
const REPORTED_BEFORE = new RegExp(
  `(?:${[...STRONG].sort((a, b) => b.length - a.length).join("|")})(?:说|称|道)?[，,：:]`,
);

/**
 * True when a name stands in what a person said, after their speech verb in its sentence (德米特里·金表示，普京…;
 * 他在…时表示，普京…); not in what an outlet reports (《商报》写道，默克尔称…).
 */
function reportedByPerson(s: string, r: Reference, refs: Reference[]): boolean {
  const from = sentenceStart(s, r.start);
  const verb = REPORTED_BEFORE.exec(s.slice(from, r.start));
  if (!verb) return false;
  const verbAt = from + verb.index;
  return (
    /[他她]/.test(s.slice(from, verbAt)) || refs.some((o) => o.kind === "Person" && o.start >= from && o.end <= verbAt)
  );
}

// A definite noun for an organisation of a kind: 该报, 该局, 这家公司 (not 这个国家: no organisation).
const ORG_ANAPHOR =
  /^(?:该|这家|此)(报社|报纸|报|通讯社|电视台|局|部|署|公司|组织|机构|协会|集团|银行|委员会|法院|基金会|大学|智库|网站|媒体|团体)/;
// The names a publication's noun stands for (《沙巴》 is 该报).
const PUBLICATION_NOUNS = new Set(["报社", "报纸", "报"]);

/**
 * 该报, 该局: the last organisation in the sentence of `at` or the two before whose name ends in that noun (a
 * publication in 《》 for 该报); none when no organisation of that kind was named so near (该组织 of a group the
 * article never names as one is not the last organisation named).
 */
function lastOrgOfKind(s: string, at: number, noun: string, refs: Reference[]): Reference | undefined {
  const from = threeSentencesBack(s, at);
  const named = (r: Reference): string => s.slice(r.start, r.end);
  const matches = (r: Reference): boolean =>
    PUBLICATION_NOUNS.has(noun)
      ? s[r.start - 1] === "《" || /报$/.test(named(r))
      : noun === "通讯社" || noun === "电视台"
        ? /(社|台)$/.test(named(r))
        : named(r).endsWith(noun);
  const last = refs.filter((r) => r.kind === "Org" && r.start >= from && r.end <= at && matches(r)).pop();
  return last ? { ...last, via: "pronoun" } : undefined;
}

/** Start of the sentence of `at` and the two before it (。 and a line break end one sentence, not two). */
function threeSentencesBack(s: string, at: number): number {
  let from = at;
  for (let n = 0; n < 3 && from > 0; n++) {
    let end = from;
    while (end > 0 && /[。！？!?\s]/.test(s[end - 1]!)) end--;
    from = sentenceStart(s, end);
  }
  return from;
}

/** 这位部长: the last person before `at` whose titles hold the title the phrase starts with; none for 这位官员. */
function holderOf(phrase: string, at: number, refs: Reference[]): Reference | undefined {
  const title = LEXICON.personTitles.find((t) => phrase.includes(t));
  if (!title) return undefined;
  const same = LEXICON.titleSynonyms.find((group) => group.includes(title)) ?? [title];
  const holders = refs.filter(
    (r) => r.kind === "Person" && r.end <= at && r.titles?.some((t) => same.some((x) => t.endsWith(x))),
  );
  const last = holders[holders.length - 1];
  return last ? { ...last, via: "pronoun" } : undefined;
}

function lastPersonBefore(s: string, at: number, refs: Reference[]): Reference | undefined {
  const before = refs.filter((r) => r.kind === "Person" && r.end <= at);
  const speaking = before.filter((r) => !reportedByPerson(s, r, refs));
  const last = speaking[speaking.length - 1] ?? before[before.length - 1];
  return last ? { ...last, via: "pronoun" } : undefined;
}

/** Start of the sentence holding a position. */
export function sentenceStart(s: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (/[。！？!?\n]/.test(s[i]!)) return i + 1;
  return 0;
}

function lastBreak(s: string, before: number): number {
  for (let i = before - 1; i >= 0; i--) {
    // (【共同社伦敦11月25日电】: a dateline in brackets ends before the sentence's first clause)
    if (/[，,；;：:。！？\n】]/.test(s[i]!)) return i;
    // “…准备好了。”他还透露: a quotation that ends its sentence ends the clause too
    if (/[”」』]/.test(s[i]!) && /[。！？!?]/.test(s[i - 1] ?? "")) return i;
  }
  return -1;
}

/** True when a position lies inside （…） opened after `from`: a dateline (中央社华盛顿19日电) or a gloss. */
function insideParentheses(s: string, at: number, from: number): boolean {
  let depth = 0;
  for (let i = Math.max(0, from - 1); i < at; i++) {
    if (s[i] === "（" || s[i] === "(") depth++;
    else if ((s[i] === "）" || s[i] === ")") && depth > 0) depth--;
  }
  return depth > 0;
}
