import { LEXICON } from "../text/lexicons.ts";
import type { Mention } from "./find-person-mentions.ts";
import { tagWords } from "../text/segment.ts";
import { isHan } from "../text/text-scan.ts";
import { NOT_GIVEN_NAME_START } from "./find-person-mentions.ts";

// Credit roles of Chinese news: 編輯：陸南才 網編：程皓楠 (RFA), （譯者：張茗喧/核稿：何宏儒） (CNA), 翻译：杜然 (NYT).
const CREDIT_ROLE =
  /(责任编辑|编辑|网编|译者|翻译|编译|核稿|审校|校对|撰稿|撰文|采访|摄影|作者|记者|文)\s*[：:／/]\s*/g;
// What ends one name of a credit list.
const CREDIT_SEPARATOR = /[\s/／、，,）)】\]|]/;
// One Latin personal name written in a byline: Keith Bradsher, KEITH BRADSHER, Christoph Strack.
const LATIN_NAME = String.raw`\p{Lu}[\p{Script=Latin}'’.-]*(?: \p{Lu}[\p{Script=Latin}'’.-]*){1,3}`;
const BYLINE_LINE = new RegExp(String.raw`^\s*(${LATIN_NAME})(?:\s*(?:,|，|、|&|and)\s*(${LATIN_NAME}))*\s*$`, "u");
// NYT credits: “Alan Blinder、Mitch Smith对本文有报道贡献”, and photographers: “Erin Schaff/The New York Times”.
const CONTRIBUTORS = new RegExp(
  String.raw`((?:${LATIN_NAME})(?:\s*(?:、|,|，|和|and)\s*(?:${LATIN_NAME}))*)\s*对本文有(?:报道|研究)?贡献`,
  "gu",
);
const PHOTO_SOURCES = "The New York Times|Getty Images|Reuters|Associated Press|AFP|EPA|AP";
const PHOTOGRAPHER = new RegExp(String.raw`(${LATIN_NAME})\s*(?:/|／| for )(?:${PHOTO_SOURCES})\b`, "gu");
// What each of the two credit patterns needs in a text to match at all: both try a Latin name at every capital
// letter, and most texts hold neither a contribution line nor a photo source.
const CREDIT_PATTERNS: [RegExp, RegExp][] = [
  [CONTRIBUTORS, /对本文有/],
  [PHOTOGRAPHER, new RegExp(PHOTO_SOURCES)],
];
const HONORIFICS = /(先生|女士|小姐|太太)/;

/** Title-cases an all-caps name: KEITH BRADSHER → Keith Bradsher. */
function titleCase(name: string): string {
  return name === name.toUpperCase() ? name.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (c) => c.toUpperCase()) : name;
}

/** True when a string is a Chinese name: a surname of the surname lists plus one or two characters. */
function looksLikeChineseName(name: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(name)) return false;
  const double = LEXICON.doubleSurnames.some((d) => name.startsWith(d));
  const given = name.length - (double ? 2 : 1);
  return (double || LEXICON.singleSurnames.has(name[0]!)) && given >= 1 && given <= 2;
}

/**
 * Names in credit lines and bylines: every name after a credit role (编辑：陆南才 网编：程皓楠, 译者：张茗喧/核稿：何宏儒),
 * and a paragraph that is nothing but Latin names (NYT's KEITH BRADSHER, DW's Christoph Strack).
 */
export function findCreditNames(s: string): Mention[] {
  const found: Mention[] = [];
  for (const m of s.matchAll(CREDIT_ROLE)) {
    let at = m.index + m[0].length;
    // 编辑：陆南才 网编：程皓楠 — a role word of one character (文) only counts right after an opening bracket
    if (m[1] === "文" && !/[【[（(]/.test(s[m.index - 1] ?? "")) continue;
    for (let n = 0; n < 4 && at < s.length; n++) {
      let end = at;
      while (end < s.length && !CREDIT_SEPARATOR.test(s[end]!) && end - at < 5) end++;
      const name = s.slice(at, end);
      if (!looksLikeChineseName(name)) break;
      found.push({ kind: "Person", start: at, end, key: name, signals: ["byline"] });
      // 陆南才、程皓楠: a list of names under one role; another role word ends it
      if (!/[、/／]/.test(s[end] ?? "")) break;
      at = end + 1;
    }
  }
  for (const [re, needed] of CREDIT_PATTERNS) {
    if (!needed.test(s)) continue;
    for (const m of s.matchAll(re)) {
      let at = m.index;
      for (const name of m[1]!.split(/\s*(?:、|,|，|和|\band\b)\s*/)) {
        const start = s.indexOf(name, at);
        at = start + name.length;
        if (name.split(" ").length < 2) continue;
        found.push({ kind: "Person", start, end: at, key: name, signals: ["byline"], latin: titleCase(name) });
      }
    }
  }
  let lineStart = 0;
  for (const line of s.split("\n")) {
    const m = BYLINE_LINE.exec(line);
    if (m && line.length <= 80) {
      for (const name of line.split(/\s*(?:,|，|、|&|\band\b)\s*/)) {
        const trimmed = name.trim();
        if (!/^\p{Lu}/u.test(trimmed) || trimmed.split(" ").length < 2) continue;
        const start = lineStart + line.indexOf(trimmed);
        const latin = titleCase(trimmed);
        found.push({ kind: "Person", start, end: start + trimmed.length, key: trimmed, signals: ["byline"], latin });
      }
    }
    lineStart += line.length + 1;
  }
  return found;
}

/**
 * Latin names in Chinese text: a full name right before a speech verb or right after a title (教授 Yee Kuang Heng
 * 表示), and an English given name standing alone (Jack說, 29歲的Marco), as Hong Kong reports name interviewees.
 */
export function findLatinNames(
  s: string,
  isTitleEnd: (at: number) => boolean,
  isSpeechAt: (at: number) => boolean,
): Mention[] {
  const found: Mention[] = [];
  for (const m of s.matchAll(/(?<![A-Za-z])[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){1,3}(?![A-Za-z])/g)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = s.slice(Math.max(0, start - 1), start);
    const titled = isTitleEnd(before === " " ? start - 1 : start);
    const speaks = isSpeechAt(s[end] === " " ? end + 1 : end);
    if (!(titled || speaks) || /[（(]\s*$/.test(s.slice(Math.max(0, start - 2), start))) continue;
    found.push({ kind: "Person", start, end, key: m[0], signals: [titled ? "title" : "speech-verb"], latin: m[0] });
  }
  for (const m of s.matchAll(/(?<![A-Za-z] ?)[A-Z][a-z]+(?! ?[A-Za-z])/g)) {
    if (!LEXICON.latinGivenNames.has(m[0]) || (!isHan(s[m.index - 1]) && !/^$|[，。、：\s]/.test(s[m.index - 1] ?? "")))
      continue;
    if (!isHan(s[m.index + m[0].length]) && !/[，。、：]/.test(s[m.index + m[0].length] ?? "")) continue;
    found.push({
      kind: "Person",
      start: m.index,
      end: m.index + m[0].length,
      key: m[0],
      signals: ["latin-given-name"],
    });
  }
  return found;
}

// The family names by their first character, longest first (a scan of all 500 per position was a tenth of the time).
const JAPANESE_SURNAMES_BY_FIRST = new Map<string, string[]>();
for (const f of LEXICON.japaneseSurnames)
  JAPANESE_SURNAMES_BY_FIRST.set(f[0]!, [...(JAPANESE_SURNAMES_BY_FIRST.get(f[0]!) ?? []), f]);

/**
 * Length of a Japanese name at `start`: a family name of the lexicon plus a one- or two-character given name ending
 * on a word boundary (岩屋毅共同宣布 → 岩屋毅, 加藤胜信认为 → 加藤胜信); 0 when there is none.
 */
export function japaneseNameLength(s: string, start: number): number {
  const family = JAPANESE_SURNAMES_BY_FIRST.get(s[start] ?? "")?.find((f) => s.startsWith(f, start));
  if (!family) return 0;
  const from = start + family.length;
  let offset = start;
  const boundaries = new Set<number>();
  for (const w of tagWords(s.slice(start, from + 4))) boundaries.add((offset += w.word.length));
  // 石破就此表示, 石破还说: the family name alone, followed by an adverb, is no full name
  if (!isHan(s[from]) || NOT_GIVEN_NAME_START.has(s[from]!)) return 0;
  for (const given of [3, 2, 1]) {
    const end = from + given;
    const part = s.slice(from, end);
    // 贺津也, 雄一郎, 龙太郎: three-character given names end in one of their usual characters
    if (given === 3 && !/[也郎子美男夫介助彦雄树平人]$/.test(part)) continue;
    if (![...part].every(isHan) || end > s.length || !boundaries.has(end) || HONORIFICS.test(part)) continue;
    // 社长内田诚从11月起: a preposition or adverb after a one-character given name is no part of it (也 and 和
    // end given names: 小川淳也, 原和也; so does 则: 松尾浩则)
    if (given === 2 && /[从自在对向将于都还就又再才并而但即已曾与及被把的了是给让]$/.test(part)) continue;
    // (秋叶刚男、内阁情报官…: a given name closed by a list's comma is one, whatever jieba reads into it)
    if (
      given === 2 &&
      /^(d|c|p|r|v|t|f|m|q|u|vn|ad|nr|ns)/.test(tagWords(part)[0]?.tag ?? "") &&
      !/^[、。，,）)]/.test(s[end] ?? "")
    )
      continue;
    return family.length + given;
  }
  return 0;
}

/** The Japanese family name a name starts with (石破茂 → 石破), if any. */
export function japaneseFamilyName(name: string): string | undefined {
  return JAPANESE_SURNAMES_BY_FIRST.get(name[0] ?? "")?.find((f) => name.startsWith(f) && name.length > f.length);
}

/**
 * A name marked as a transliteration by （音）, as the New York Times writes names it could not confirm: 泰时·王（音）,
 * 龚书佳（音）.
 */
export function findSoundMarkedNames(s: string): Mention[] {
  const found: Mention[] = [];
  // (the pattern tries one to four Han characters at every position: a text without 音 is left at once)
  if (!s.includes("音")) return found;
  for (const m of s.matchAll(/([^\P{Script=Han}的在]{1,4}(?:[·•‧・．][^\P{Script=Han}的]{1,4})?)[（(]音[)）]/gu)) {
    let name = m[1]!;
    // the name ends the words before it: take the longest tail that is a surname-led or dotted name
    if (!/[·•‧・．]/.test(name)) name = name.slice(-3);
    if (name.length < 2) continue;
    const start = m.index + m[1]!.length - name.length;
    found.push({ kind: "Person", start, end: start + name.length, key: name, signals: ["byline"] });
  }
  return found;
}

/**
 * A surname with an honorific (的余先生表示, 陳太太): how Hong Kong and Taiwan reports name interviewees who give
 * only their surname. The form keeps the honorific, as the reports write it.
 */
export function findHonorificNames(s: string): Mention[] {
  const found: Mention[] = [];
  // (深圳旅客陈小姐（化名）说: after a noun too, when a pseudonym note or a speech verb follows)
  const HONORIFIC =
    /(?<=^|[的、，。：「“\n\s]|姓)(\p{Script=Han})(先生|女士|小姐|太太)|(\p{Script=Han})(先生|女士|小姐|太太)(?=[（(](?:化名|假名)[)）]|说|表示|称|指出|认为|透露)/gu;
  for (const m of s.matchAll(HONORIFIC)) {
    if (!LEXICON.singleSurnames.has(m[1] ?? m[3]!)) continue;
    found.push({ kind: "Person", start: m.index, end: m.index + m[0].length, key: m[0], signals: ["honorific"] });
  }
  return found;
}
