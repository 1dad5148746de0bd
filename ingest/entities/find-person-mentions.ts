import type { MentionSignal } from "../../schema/entities.ts";
import { isPlace, LEXICON, type RegistryEntry } from "../text/lexicons.ts";
import { endsOnWordBoundary, isDictionaryWord, tagWords } from "../text/segment.ts";
import {
  findCreditNames,
  findHonorificNames,
  findSoundMarkedNames,
  findLatinNames,
  japaneseFamilyName,
  japaneseNameLength,
} from "./find-person-cues.ts";
import {
  findWords,
  NAME_FOLLOWERS,
  isHan,
  isNameDot,
  isNameDotAt,
  isTranslitChar,
  translitRunLength,
  buildWordTrie,
  type WordHit,
} from "../text/text-scan.ts";

// Words for kinds of organisation: a glossed name right after one of them names an organisation, not a person.
const ORG_NOUN_BEFORE = /(公司|集团|银行|机构|企业|品牌|平台|媒体|网站|电视台|报社|组织|基金|大学)$/;

/** A name found in an article: a span of its text that names a person or an organisation. */
export interface Mention {
  kind: "Person" | "Org";
  start: number;
  end: number;
  /** The simplified form (offsets are shared with the original text). */
  key: string;
  signals: MentionSignal[];
  latin?: string;
  title?: string;
  registry?: RegistryEntry;
  /** For a Latin name in brackets: where the Chinese name it glosses ends. */
  pairedEnd?: number;
  /** A Japanese family name that stands for the whole name after its first mention (石破茂 → 石破). */
  familyName?: string;
  /** For a government body: its country + body name (政府 in a Hong Kong article → 香港政府). */
  canonical?: string;
}

/** The Japanese family name of a name, as a Mention field (spread into a new mention). */
function familyOf(key: string): { familyName?: string } {
  const familyName = /^\p{Script=Han}{3,5}$/u.test(key) ? japaneseFamilyName(key) : undefined;
  return familyName ? { familyName } : {};
}

const TITLE_WORDS = buildWordTrie(LEXICON.personTitles);
// Where speech verbs start (the adverbs SPEECH_RE allows before them included), to skip hopeless name positions.
const SPEECH_ANYWHERE = new RegExp(
  `(?:[还也则又亦曾已再便就更均都并即随即]{0,2})(?:${[...LEXICON.speechVerbs, ...LEXICON.weakSpeechVerbs].join("|")})`,
  "g",
);
// 李星表示, 邓希炜认为: a speech verb, or a verb of opinion, right after a name ends it
const SPEECH_RE = new RegExp(
  `^(?:[还也则又亦曾已再便就更均都并即随即]{0,2})(?:${[...LEXICON.speechVerbs, ...LEXICON.weakSpeechVerbs].join("|")})`,
);
// Titles that are also ordinary verbs or nouns (代表 "to represent"): they introduce only transliterated names.
const WEAK_TITLES = new Set([
  "代表",
  "助理",
  "委员",
  "主任",
  "顾问",
  "专家",
  "学者",
  "作者",
  "领袖",
  "负责人",
  "先生",
  "女士",
  "夫人",
  "太太",
]);
const REGISTRY_BY_NAME = new Map<string, RegistryEntry>();
for (const entry of LEXICON.registry) for (const name of entry.names) REGISTRY_BY_NAME.set(name, entry);
const REGISTRY_WORDS = buildWordTrie([...REGISTRY_BY_NAME.keys()]);
const LATIN_PERSON =
  /^[A-Z][a-zA-Z'’-]+\.?(?:\s+(?:(?:de|da|del|van|von|der|al|bin|el|la|le)\s+)?[A-Z][a-zA-Z'’-]+\.?){1,3}$/;
// Characters that end a native two-character name when they follow it: verbs, prepositions, particles, dates.
// Particles, prepositions and adverbs that never begin a given name (相关的传播: 关 + 的传 is no name).
export const NOT_GIVEN_NAME_START = new Set([..."的了着过是在和与及对向被把将于也都还就又再才所并而但或即则已曾"]);
// Surnames that are also prepositions (向本台表示, 对记者说): such a name must be one word jieba knows as a name.
const PREPOSITION_SURNAMES = new Set([..."向对从被把让给跟为于"]);
// Words that look like surname + given name but are common words or time expressions.
const NOT_GIVEN_NAME = /^[一二三四五六七八九十百千万日月年]|^.[一二三四五六七八九十日天]$/;

/** Reads a native Chinese name (surname + 1–2 given characters) starting at `start`, or returns 0. */
export function nativeNameLength(text: string, start: number): number {
  const double = LEXICON.doubleSurnames.find((d) => text.startsWith(d, start));
  const surname = double ? double.length : LEXICON.singleSurnames.has(text[start] ?? "") ? 1 : 0;
  if (!surname) return 0;
  for (const given of [2, 1]) {
    const end = start + surname + given;
    const name = text.slice(start, end);
    if (end > text.length || ![...name].every(isHan)) continue;
    // 相关的传播: a particle or verb right after the surname is no given name
    if (!isHan(text[start + surname]) || NOT_GIVEN_NAME_START.has(text[start + surname]!)) return 0;
    // (黄国才表示, 伍超明指出, 李金星说: 才, 明, 正 and 星 also end given names; before a speech verb or a list's
    // comma they do: 会见官房长官林芳正。)
    const last = text[start + surname + 1]!;
    const closed = (): boolean => isFollowedBySpeech(text, end) || /^[、。，,）)]/.test(text[end] ?? "");
    if (given === 2 && NAME_FOLLOWERS.has(last) && !(/[才明正星]/.test(last) && closed())) continue;
    if (given === 1 && !(NAME_FOLLOWERS.has(text[end] ?? "\n") || end >= text.length || isFollowedBySpeech(text, end)))
      continue;
    // 院长吕超认为: a given name never ends inside the speech verb that follows it (认|为 is 认为)
    if (given === 2 && /^(认为|认定|说明|指出|表示)/.test(text.slice(end - 1, end + 1))) continue;
    if (NOT_GIVEN_NAME.test(name.slice(surname - 1)) || startsWithKnownName(name) || isDictionaryWord(name)) return 0;
    if (!givenNameLooksLikeOne(name, surname)) return 0;
    if (PREPOSITION_SURNAMES.has(name[0]!) && surname === 1 && !/^nr/.test(tagWords(name)[0]?.tag ?? "")) return 0;
    return name.length;
  }
  return 0;
}

/**
 * A given name is not an ordinary word that the surname happens to precede: 黎当时 is 黎 + 当时 (a time word),
 * 游走中 is 游走 + 中 (jieba reads the surname into a word).
 */
function givenNameLooksLikeOne(name: string, surname: number): boolean {
  const words = tagWords(name);
  const first = words[0];
  // 余永定: a name jieba's dictionary knows whole as a person's, although its given name alone is a word (永定/d)
  if (words.length === 1 && first?.tag === "nr") return true;
  if (first && first.word.length > surname && /^(v|d|t|p|c|r|f|m|u)/.test(first.tag)) return false;
  // 任期可: surname + given name read as a noun, then a verb or adverb left over
  if (first && first.word.length > surname && first.tag === "n" && /^(v|d|p|c|u)/.test(words[1]?.tag ?? ""))
    return false;
  const given = tagWords(name.slice(surname));
  if (given.length !== 1 || given[0]!.word.length < 2) return true;
  return !/^(t|d|p|c|r|u|f|m|q|v|vn|n|nt|s)$/.test(given[0]!.tag);
}

/** The registry entry a written name belongs to, if any. */
export function registryByName(name: string): RegistryEntry | undefined {
  return REGISTRY_BY_NAME.get(name);
}

/** True when a string starts with a place or a registry name (白宫方 is 白宫 + 方, not a person). */
function startsWithKnownName(name: string): boolean {
  for (let len = 2; len < name.length; len++) {
    const head = name.slice(0, len);
    if (isPlace(head) || REGISTRY_BY_NAME.has(head)) return true;
  }
  return false;
}

/** True when the text right after `end` is a speech verb (还表示, 说, 警告称…). */
export const isFollowedBySpeech = (text: string, end: number): boolean => SPEECH_RE.test(text.slice(end, end + 8));

/** Registry names in the text, skipping those embedded in a longer transliteration (萨勒曼 inside 穆罕默德·本·萨勒曼). */
export function findRegistryHits(s: string): (WordHit & { entry: RegistryEntry })[] {
  return findWords(s, REGISTRY_WORDS)
    .map((hit) => ({ ...hit, entry: REGISTRY_BY_NAME.get(hit.word)! }))
    .filter((hit) => {
      if (/^[A-Za-z]/.test(hit.word))
        return !/[A-Za-z]/.test(s[hit.start - 1] ?? "") && !/[A-Za-z]/.test(s[hit.end] ?? "");
      if (hit.entry.label !== "Person") return true;
      return (
        !(isTranslitChar(s[hit.start - 1]) && isTranslitChar(hit.word[0])) &&
        !isNameDot(s[hit.start - 1]) &&
        !isNameDot(s[hit.end])
      );
    });
}

// 贝拉克·奥巴马和乔·拜登 are two names: a conjunction never stands inside one.
const CONJUNCTIONS = new Set([..."和与及同跟、以为是在的对向"]);
// Chinese endings of things that are glossed in Latin like names but are no people (罗马规约（Rome Statute）).
const NOT_A_PERSON_END =
  /(规约|条约|公约|协议|协定|法案|宣言|大学|学院|公司|集团|银行|基金|中心|研究所|组织|委员会|法院|医院|报告|计划|项目|行动|战争|事件|大道|广场|机场|港|岛|山|河|湖|省|州|市|县|区|镇|村)$/;
// Characters that introduce a name without being part of it: 于特朗普, 比埃隆·马斯克, 人选卢比欧, 的盖茨.
const NAME_OPENERS = new Set([..."于於比和与同对向跟据在及的选理翁豪席"]);

/**
 * End of a transliteration run that stops before the word it ran into: 内塔尼亚胡施压 → 内塔尼亚胡, because jieba
 * reads 施压 as one word that crosses the run's end. Never cuts before `minEnd`.
 */
export function trimRunEnd(s: string, minEnd: number, end: number): number {
  let offset = Math.max(0, end - 6);
  let lastStart = -1;
  let lastWord: { word: string; tag: string } | undefined;
  for (const w of tagWords(s.slice(offset, end + 4))) {
    const wEnd = offset + w.word.length;
    const afterDot = offset > 0 && isNameDot(s[offset - 1]);
    if (offset < end && wEnd > end && offset >= minEnd && !afterDot && w.word.length >= 2 && !/^(nr|x)/.test(w.tag)) {
      return offset;
    }
    if (wEnd === end) {
      lastStart = offset;
      lastWord = w;
    }
    offset = wEnd;
  }
  // 斯塔默赞扬: a verb or adverb that the run swallowed whole at its end
  if (lastWord && lastStart >= minEnd && lastWord.word.length >= 2 && /^(v|d|p|c)$/.test(lastWord.tag))
    return lastStart;
  return end;
}

/**
 * Length of a surname after a name dot that opens with a character outside the transliteration table: the
 * character and a run of two or more after it (奥拉夫·朔尔茨, 安德烈·别洛乌索夫), or the character alone when the name
 * plainly ends there (卡里姆·汗在声明中表示); 0 otherwise (伊姆兰·汗因…, 由．力量．美丽).
 */
function surnameOutsideTable(s: string, at: number): number {
  if (!isHan(s[at]) || NAME_FOLLOWERS.has(s[at]!)) return 0;
  const tail = translitRunLength(s, at + 1, 9);
  if (tail >= 2) return 1 + tail;
  return NAME_FOLLOWERS.has(s[at + 1] ?? "\n") || isFollowedBySpeech(s, at + 1) ? 1 : 0;
}

/** Start of a name ending at `end` that began at `start` at the earliest: after any title word or opener inside it. */
function trimNameStart(s: string, start: number, end: number): number {
  let from = start;
  for (const t of findWords(s.slice(Math.max(0, start - 8), end), TITLE_WORDS)) {
    const tEnd = Math.max(0, start - 8) + t.end;
    if (tEnd > from && tEnd < end) from = tEnd;
  }
  while (from < end - 2 && NAME_OPENERS.has(s[from]!) && !REGISTRY_BY_NAME.has(s.slice(from, end))) from++;
  return from;
}

/** The name that ends right before a Latin name in brackets: a registry name, a transliteration run, the words after a title, or a native name. */
function nameBefore(s: string, bracket: number): { start: number; signals: MentionSignal[] } | undefined {
  for (let len = Math.min(10, bracket); len >= 2; len--) {
    if (REGISTRY_BY_NAME.get(s.slice(bracket - len, bracket))?.label === "Person")
      return { start: bracket - len, signals: ["latin-bracket", "registry"] };
  }
  let from = bracket;
  while (from > 0 && bracket - from < 16 && (isHan(s[from - 1]) || isNameDot(s[from - 1]))) from--;
  if (from === bracket) return undefined;
  let i = bracket;
  while (i > from && (isTranslitChar(s[i - 1]) || (isNameDot(s[i - 1]) && isTranslitChar(s[i - 2])))) i--;
  if (bracket - i >= 2) {
    const start = trimNameStart(s, i, bracket);
    if (bracket - start >= 2) return { start, signals: ["latin-bracket"] };
  }
  const titles = findWords(s.slice(from, bracket), TITLE_WORDS);
  const lastTitle = titles[titles.length - 1];
  if (lastTitle && bracket - (from + lastTitle.end) >= 2 && bracket - (from + lastTitle.end) <= 4) {
    return { start: from + lastTitle.end, signals: ["latin-bracket", "title"] };
  }
  for (let k = Math.max(from, bracket - 4); k < bracket - 1; k++) {
    if (nativeNameLength(s, k) === bracket - k) return { start: k, signals: ["latin-bracket"] };
  }
  return undefined;
}

// Words that may stand inside a title phrase besides nouns and place names (美国常驻欧安组织代表, 俄副外长).
const TITLE_LINK_WORDS = new Set([
  "常驻",
  "驻",
  "前",
  "新任",
  "现任",
  "时任",
  "轮值",
  "首席",
  "常务",
  "副",
  "总",
  "代理",
  "负责",
  "主管",
  "俄",
  "美",
  "中",
  "英",
  "法",
  "德",
  "日",
  "乌",
]);
const TITLE_PART_TAGS = /^(n|ns|nt|nz|nrt|j|b|vn|l|nr|eng)$/;

/** The title phrase that ends at `end`: the title word plus the country/organisation words before it. */
export function titlePhraseBefore(s: string, end: number): string | undefined {
  const window = s.slice(Math.max(0, end - 20), end);
  const cut = Math.max(...[..."，,。；;：:、！？\n（）()「」“”【】"].map((c) => window.lastIndexOf(c)));
  const clause = window.slice(cut + 1);
  const titles = findWords(clause, TITLE_WORDS);
  const last = titles[titles.length - 1];
  if (!last || last.end !== clause.length) return undefined;
  const words = tagWords(clause);
  let start = clause.length;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    const inTitle = start > last.start;
    if (
      !inTitle &&
      !TITLE_PART_TAGS.test(w.tag) &&
      !TITLE_LINK_WORDS.has(w.word) &&
      !LEXICON.personTitles.includes(w.word)
    )
      break;
    start -= w.word.length;
  }
  return clause.slice(Math.min(start, last.start));
}

/** True when jieba reads the string as one word of a class that names nothing: a verb, adjective or adverb (提高, 热门). */
function isOrdinaryWord(text: string): boolean {
  const words = tagWords(text);
  return words.length === 1 && /^(v|vn|vd|a|ad|an|d|c|p|r|m|q|t|f|u|n$)/.test(words[0]!.tag);
}

/** True when the clause a name opens goes on to a speech verb of its own: 刘晔在新闻发布会上说 (not 刘晔的文章说). */
function speaksLaterInClause(s: string, end: number): boolean {
  const clause = /^[^，。；：！？\n“”「」]{0,16}/.exec(s.slice(end))![0];
  return /^[在于就对向]/.test(clause) && /(?:说|表示|指出|称|强调|透露|介绍)$/.test(clause);
}

/** True when a dictionary word runs across the end of a name (高级助|理: 助理), not an unknown string (伊姆兰|汗). */
function endsInsideWord(s: string, start: number, end: number): boolean {
  let offset = start;
  for (const w of tagWords(s.slice(start, end + 2))) {
    const from = offset;
    offset += w.word.length;
    if (offset === end) return false;
    if (offset > end) return from < end && isDictionaryWord(w.word);
  }
  return false;
}

/** Finds the person mentions of one article in its simplified text. */
export function findPersonMentions(s: string): Mention[] {
  const found: Mention[] = [];
  const add = (m: Mention): boolean => {
    // 没有一位商界领袖比埃隆·马斯克更公开: 比…更 compares, and 比 is no part of the name
    if (m.key.startsWith("比") && /^(更|还|要)/.test(s.slice(m.end, m.end + 2)) && m.end - m.start > 3) {
      m = { ...m, start: m.start + 1, key: m.key.slice(1) };
    }
    if (m.end - m.start < 2 || isPlace(m.key)) return false;
    if (!m.familyName) m = { ...m, ...familyOf(m.key) };
    found.push(m);
    return true;
  };

  for (const hit of findRegistryHits(s)) {
    if (hit.entry.label !== "Person") continue;
    add({
      kind: "Person",
      start: hit.start,
      end: hit.end,
      key: hit.word,
      signals: ["registry"],
      registry: hit.entry,
      latin: hit.entry.latin,
    });
  }

  // 扬·彼得罗夫斯基（Yan Petrovsky，别名 Voislav Torden）: the gloss may go on after a comma
  for (const m of s.matchAll(/[（(]\s*([A-Za-z][A-Za-z.'’\- ]{1,60}?)\s*(?:[)）]|[，,；;][^)）\n]{0,40}[)）])/g)) {
    const latin = m[1]!.trim();
    if (!LATIN_PERSON.test(latin) || /^[A-Z.\s]+$/.test(latin)) continue;
    // (蒙雷亚尔 (Ricardo Monreal): a space may stand before the bracket)
    let nameEnd = m.index;
    while (nameEnd > 0 && s[nameEnd - 1] === " " && m.index - nameEnd < 2) nameEnd--;
    const name = nameBefore(s, nameEnd);
    if (!name || NOT_A_PERSON_END.test(s.slice(name.start, nameEnd))) continue;
    // 金融服务公司费兹杰罗（Cantor Fitzgerald）: a name right after a word for a company names the company
    if (ORG_NOUN_BEFORE.test(s.slice(Math.max(0, name.start - 4), name.start))) continue;
    add({
      kind: "Person",
      start: name.start,
      end: nameEnd,
      key: s.slice(name.start, nameEnd),
      signals: name.signals,
      latin,
    });
    // the Latin form is a surface form too ("Sergei Ryabkov")
    const latinStart = m.index + m[0].indexOf(latin);
    add({
      kind: "Person",
      start: latinStart,
      end: latinStart + latin.length,
      key: latin,
      signals: ["latin-bracket"],
      latin,
      pairedEnd: m.index,
    });
  }

  const titleHits = findWords(s, TITLE_WORDS);
  for (const title of titleHits) {
    const at = title.end;
    // (only titles ending in 相 run into ordinary words: 环境相关, 财务相当)
    if (title.word.endsWith("相") && !endsOnWordBoundary(s, title.start, at)) continue;
    const run = trimRunEnd(s, at + 1, at + translitRunLength(s, at)) - at;
    // 国防部长金英贤: a native (Korean, Chinese or Japanese) name longer than the transliteration run inside it wins
    const native = Math.max(japaneseNameLength(s, at), nativeNameLength(s, at));
    // 主任黃穎欣指出: a weak title (主任, 代表) introduces a native name only when a speech verb follows it
    const endsClearly = NAME_FOLLOWERS.has(s[at + native] ?? "\n") || isFollowedBySpeech(s, at + native);
    // (负责人刘晔在新闻发布会上说: the speech verb may end the clause the name opens)
    const nativeOk =
      native > run &&
      (run < 2 || endsClearly) &&
      (!WEAK_TITLES.has(title.word) || isFollowedBySpeech(s, at + native) || speaksLaterInClause(s, at + native));
    const len = nativeOk ? native : run >= 2 ? run : 0;
    if (!len) continue;
    const key = s.slice(at, at + len);
    // 总统提高, 部长热门: a run that is one ordinary word (a verb or adjective) is no name
    if (isPlace(key) || LEXICON.personTitles.includes(key) || (len === run && isOrdinaryWord(key))) continue;
    // 议员高级助理里娜·沙阿: a name that ends inside a word (高级助|理) is the start of a title, no name
    if (!NAME_FOLLOWERS.has(s[at + len] ?? "\n") && endsInsideWord(s, at, at + len)) continue;
    add({ kind: "Person", start: at, end: at + len, key, signals: ["title"], ...familyOf(key) });
  }
  // 内阁府审议官林幸宏、政策统括官木村聪。: in a list of Japanese officials, a Japanese family name and given name
  // closed by the list's comma follow any title ending in 官, 相, 长 or 臣, listed as a title or not
  for (const m of s.matchAll(/[官相长臣](?=\p{Script=Han})/gu)) {
    const at = m.index + 1;
    const len = japaneseNameLength(s, at);
    if (len && /^[、。，,（(]/.test(s[at + len] ?? ""))
      add({
        kind: "Person",
        start: at,
        end: at + len,
        key: s.slice(at, at + len),
        signals: ["title"],
        ...familyOf(s.slice(at, at + len)),
      });
  }
  const titleEnds = new Set(titleHits.map((t) => t.end));
  for (const m of findLatinNames(
    s,
    (at) => titleEnds.has(at),
    (at) => isFollowedBySpeech(s, at),
  ))
    add(m);
  for (const m of findCreditNames(s)) add(m);
  for (const m of findHonorificNames(s)) add(m);
  for (const m of findSoundMarkedNames(s)) add(m);

  // given·surname names (温迪·谢尔曼, 凯·麦迪逊·特朗普): the dots are strong evidence, so the parts between two
  // dots may hold any character; the first part is a transliteration run, the last one stops at the next word.
  for (let i = 1; i < s.length - 1; i++) {
    if (!isNameDotAt(s, i) || !isHan(s[i - 1]) || !isHan(s[i + 1])) continue;
    let start = i;
    while (start > 0 && i - start < 8 && isTranslitChar(s[start - 1])) start--;
    if (start === i) start = i - 1; // a given name with a character outside the table (凯·…, 马可·…)
    while (start > 0 && i - start < 8 && isTranslitChar(s[start - 1])) start--;
    let dot = i;
    for (;;) {
      let next = dot + 1;
      while (next < s.length && next - dot <= 7 && isHan(s[next]) && !CONJUNCTIONS.has(s[next]!)) next++;
      if (isNameDot(s[next]) && next - dot >= 2 && isHan(s[next + 1])) dot = next;
      else break;
    }
    const lastRun = translitRunLength(s, dot + 1, 10) || surnameOutsideTable(s, dot + 1);
    if (lastRun < 1) {
      i = dot;
      continue;
    }
    const fullEnd = dot + 1 + lastRun;
    // a registry surname is never cut (马尔科·卢比奥说 keeps 卢比奥)
    const end = REGISTRY_BY_NAME.has(s.slice(dot + 1, fullEnd)) ? fullEnd : trimRunEnd(s, dot + 2, fullEnd);
    start = trimNameStart(s, start, i);
    if (end - start >= 4) add({ kind: "Person", start, end, key: s.slice(start, end), signals: ["dot-name"] });
    i = end;
  }

  // Bylines: 【文/观察者网 熊超然】, 【撰文：大专社工系讲师王润泉】, （记者熊超然）: the name ends the bracket.
  for (const m of s.matchAll(/[【[（(]\s*(?:文|记者|撰文|采访|作者)\s*[/／:：]?\s*([^】\]）)]{2,30})[】\]）)]/g)) {
    const end = m.index + m[0].length - 1;
    for (const len of [3, 2, 4]) {
      if (end - len < m.index || nativeNameLength(s, end - len) !== len) continue;
      add({ kind: "Person", start: end - len, end, key: s.slice(end - len, end), signals: ["byline"] });
      break;
    }
  }

  // A transliteration run or a native name that opens a clause, or follows 的, and is followed by a speech verb
  // (拉乌表示…, 从事电子零售业的余先生表示).
  // a name is two to six characters: where no speech verb is that close, there is no name to look for
  const nearSpeech = new Uint8Array(s.length);
  for (const m of s.matchAll(SPEECH_ANYWHERE)) nearSpeech.fill(1, Math.max(0, m.index - 8), Math.max(0, m.index - 1));
  for (let i = 0; i < s.length; i++) {
    if (!nearSpeech[i]) continue;
    if (i > 0 && !/[，。；：！？\n」”）)\s的]/.test(s[i - 1]!)) continue;
    const run = translitRunLength(s, i);
    const len = run >= 3 ? run : Math.max(japaneseNameLength(s, i), nativeNameLength(s, i));
    if (len >= 2 && isFollowedBySpeech(s, i + len)) {
      const key = s.slice(i, i + len);
      // after 的 the words before a speech verb are often a noun phrase (的文章中写道, 的关系时说): only a string
      // jieba reads as a name or an unknown word counts
      if (
        s[i - 1] === "的" &&
        !tagWords(s.slice(i, i + len + 2)).every((w, k, all) => k === all.length - 1 || /^(nr|x)/.test(w.tag))
      )
        continue;
      add({ kind: "Person", start: i, end: i + len, key, signals: ["speech-verb"], ...familyOf(key) });
    }
  }
  return found;
}
