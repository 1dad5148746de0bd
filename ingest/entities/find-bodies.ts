import orgLexicon from "../lexicon/org-suffixes.json" with { type: "json" };
import type { Mention } from "./find-person-mentions.ts";
import { registryByName } from "./find-person-mentions.ts";
import { japaneseFamilyName } from "./find-person-cues.ts";
import { escapeRegExp, LEXICON } from "../text/lexicons.ts";
import { endsOnWordBoundary, startsOnWordBoundary, tagWords } from "../text/segment.ts";
import { findWords, isHan, buildWordTrie } from "../text/text-scan.ts";

/**
 * Government bodies and parties. A body named with its country (日本政府, 俄罗斯军队, 台经济部, 深圳市政府) is that
 * country's; a bare body name (政府, 当局, 外交部, 国会, 民主党) is the body of the country the article is about, and
 * stays an article-local entity when the article names no country clearly; some names say their country themselves
 * (外务省 is Japan's, 医管局 Hong Kong's, 港府 is the Hong Kong government). Every body gets a canonical name,
 * country + body (香港政府), so that 政府, 特区政府 and 港府 in three articles are one node, and Japan's 自民党 is never
 * Germany's 自由民主党.
 */

const BODIES: Record<string, string> = orgLexicon.genericBodies;
// Synonyms of a body after a country: 乌克兰武装部队 and 乌克兰军队 are one army, 委内瑞拉当局 its government.
const BODY_SYNONYMS: Record<string, string> = {
  当局: "政府",
  部队: "军队",
  武装部队: "军队",
  军方: "军队",
  众院: "众议院",
  参院: "参议院",
};
const COUNTRY_NAMES = Object.keys(LEXICON.countries);
const ABBREVIATIONS = Object.entries(LEXICON.countryAbbreviations).filter(
  ([a, latin]) => a.length === 1 && latin !== "Europe",
);
// Chinese display name of each country, by its English name (the first Chinese name the place list gives).
const CHINESE_NAME = new Map<string, string>();
for (const [zh, latin] of Object.entries(LEXICON.countries)) if (!CHINESE_NAME.has(latin)) CHINESE_NAME.set(latin, zh);
const PREFIX = [...COUNTRY_NAMES, ...ABBREVIATIONS.map(([a]) => a)]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|");
const INSTITUTIONS = LEXICON.institutions.map(escapeRegExp).join("|");
const COUNTRY_BODY_RE = new RegExp(`(${PREFIX})(${INSTITUTIONS})`, "g");
// 深圳市政府, 加沙当局, 东京警方: a city's own bodies (加沙当局 is not Israel's government)
const CITY_BODY_RE = new RegExp(
  `(${[...Object.keys(LEXICON.cities), ...Object.keys(LEXICON.regions)].map(escapeRegExp).join("|")})(市政府|政府|当局|警方|市议会|议会)`,
  "g",
);
const BARE_WORDS = buildWordTrie(Object.keys(BODIES));
const COUNTRY_WORDS = buildWordTrie(COUNTRY_NAMES);
// A bare body name stands alone after these (and after punctuation): 的政府, 由警方, 据当局.
const BARE_BEFORE = /[的和与及、由向对被据指称在从将也并但而则就即为让使令给跟同把是]$/;
// …and not before these: 政府间 (intergovernmental), 国会山, 国会议员 (a member, not the body).
const BARE_AFTER = /^(间|山|议员|大厦|大楼|党员|党籍|部长)/;

/** True for a bare body name that names different bodies in different articles (政府, 外交部, 民主党). */
export function isGenericBody(key: string): boolean {
  const body = BODIES[key];
  return body !== undefined && !body.includes("@");
}

// Heads of government by every name of theirs, and by the family name alone for Japanese ones (石破茂 → 石破).
const LEADER_COUNTRY = new Map<string, string>();
for (const e of LEXICON.registry) {
  if (e.label !== "Person" || !e.country) continue;
  for (const name of e.names) {
    LEADER_COUNTRY.set(name, e.country);
    const family = japaneseFamilyName(name);
    if (family) LEADER_COUNTRY.set(family, e.country);
  }
}
const LEADER_GOVERNMENT_RE = new RegExp(
  `(${[...LEADER_COUNTRY.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|")})政府`,
  "g",
);

/** The country an article is about: the one named most often (at least twice, and more than any other). */
export function articleCountry(s: string): string | undefined {
  const counts = new Map<string, number>();
  for (const hit of findWords(s, COUNTRY_WORDS)) {
    const latin = LEXICON.countries[hit.word]!;
    counts.set(latin, (counts.get(latin) ?? 0) + 1);
  }
  // bodies only one country has (运输署, 外务省) say which country a domestic report is about
  for (const hit of findWords(s, BARE_WORDS)) {
    const fixed = BODIES[hit.word]!.split("@")[1];
    const latin = fixed ? LEXICON.countries[fixed] : undefined;
    if (latin) counts.set(latin, (counts.get(latin) ?? 0) + 1);
  }
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!first || first[1] < 2 || (second && second[1] === first[1])) return undefined;
  return CHINESE_NAME.get(first[0]);
}

const COUNTRY_OR_CAPITAL_WORDS = buildWordTrie([...COUNTRY_NAMES, ...Object.keys(LEXICON.capitals)]);

/** The country (or capital's country) named last before a position in its sentence. */
function countryBefore(s: string, at: number): string | undefined {
  const from = Math.max(s.lastIndexOf("。", at), s.lastIndexOf("\n", at)) + 1;
  const last = findWords(s.slice(from, at), COUNTRY_OR_CAPITAL_WORDS).pop();
  if (!last) return undefined;
  return LEXICON.capitals[last.word] ?? countryOf(last.word);
}

/** The country whose name ends right at `at` (中国|证监会), in Chinese, with where its name starts. */
function countryEndingAt(s: string, at: number): { country: string; start: number } | undefined {
  const from = Math.max(0, at - 6);
  const last = findWords(s.slice(from, at), COUNTRY_WORDS).pop();
  const country = last && from + last.end === at ? countryOf(last.word) : undefined;
  return country ? { country, start: from + last!.start } : undefined;
}

/** Country name of a prefix as written: 台 → 台湾, 俄国 → 俄罗斯. */
function countryOf(prefix: string): string | undefined {
  const latin = LEXICON.countries[prefix] ?? LEXICON.countryAbbreviations[prefix];
  return latin ? CHINESE_NAME.get(latin) : undefined;
}

/** The canonical name of a body: its country plus the body's own name (香港政府, 日本外务省). */
function canonicalName(country: string, body: string): string {
  return `${country}${BODY_SYNONYMS[body] ?? body}`;
}

/** A mention of a body, carrying its canonical name and the registry entry of that name if there is one. */
function bodyMention(start: number, end: number, key: string, canonical: string | undefined): Mention {
  const m: Mention = { kind: "Org", start, end, key, signals: ["org-suffix"] };
  if (canonical) {
    m.canonical = canonical;
    const entry = registryByName(canonical);
    if (entry?.label === "Org") {
      m.registry = entry;
      m.latin = entry.latin;
    }
  }
  return m;
}

/** Finds the government bodies and parties of an article (simplified text), each with its canonical name. */
export function findBodies(s: string): Mention[] {
  const found: Mention[] = [];
  for (const m of s.matchAll(COUNTRY_BODY_RE)) {
    const [whole, prefix, body] = m as unknown as [string, string, string];
    // 美军方, 日美: a one-character abbreviation inside a longer word is no country
    if (prefix.length === 1 && isHan(s[m.index - 1]) && !/[的和与及、在对向]/.test(s[m.index - 1]!)) continue;
    const country = countryOf(prefix);
    if (!country || !endsOnWordBoundary(s, m.index, m.index + whole.length)) continue;
    // 中国驻美国大使馆: the mission of the country before 驻, in the country after it
    if (s[m.index - 1] === "驻") {
      const owner = countryEndingAt(s, m.index - 1);
      const from = owner ? owner.start : m.index - 1;
      const canonical = owner ? `${owner.country}驻${country}${body}` : undefined;
      found.push(bodyMention(from, m.index + whole.length, s.slice(from, m.index + whole.length), canonical));
      continue;
    }
    found.push(bodyMention(m.index, m.index + whole.length, whole, canonicalName(country, body)));
  }
  for (const m of s.matchAll(CITY_BODY_RE))
    found.push(bodyMention(m.index, m.index + m[0].length, m[0], m[1]! + (BODY_SYNONYMS[m[2]!] ?? m[2]!)));
  // 拜登政府, 石破政府: a head of government's name (or a Japanese head's family name) + 政府 is their country's
  // government
  for (const m of s.matchAll(LEADER_GOVERNMENT_RE)) {
    const country = LEADER_COUNTRY.get(m[1]!)!;
    found.push(bodyMention(m.index, m.index + m[0].length, m[0], canonicalName(country, "政府")));
  }
  const country = articleCountry(s);
  for (const hit of findWords(s, BARE_WORDS)) {
    const before = s[hit.start - 1];
    const [body, fixed] = BODIES[hit.word]!.split("@") as [string, string | undefined];
    // a name that says its own country (9月底港府已…) or a party (参议院民主党人) only needs to stand as a word
    const party = body.endsWith("党");
    if (isHan(before) && !(fixed || party ? startsOnWordBoundary(s, hit.start) : BARE_BEFORE.test(before!))) continue;
    if (!party && BARE_AFTER.test(s.slice(hit.end, hit.end + 2))) continue;
    // 民主党人 (Democrats) names the party too
    if (!endsOnWordBoundary(s, hit.start, hit.end) && !(party && s[hit.end] === "人")) continue;
    // a party named alone belongs to the country named last before it in its sentence (美国国会参议院民主党人,
    // 在华盛顿，民主党议员); any body named alone is that of the article's country; with no clear country it stays
    // article-local
    // 中国证监会: a country named right before a body that another country's name says (证监会 is Hong Kong's)
    // makes it that country's
    const named = fixed ? countryEndingAt(s, hit.start)?.country : undefined;
    const elsewhere = named !== fixed ? named : undefined;
    const home = elsewhere ?? fixed ?? (party ? countryBefore(s, hit.start) : undefined) ?? country;
    // (the body is then named as written: 中国证监会, not China's copy of Hong Kong's)
    const own = elsewhere ? hit.word : body;
    found.push(bodyMention(hit.start, hit.end, hit.word, home ? canonicalName(home, own) : undefined));
  }
  return found;
}

// Bodies named by words that are also ordinary nouns (政府, 当局, 美军, 俄政府): they count as organisations only where
// they act, as the subject of a verb (美军已被派往…, 当局已经做好准备), not as a modifier or an object (俄政府和军方高级
// 官员, 将部分美军撤出东欧). A body named with a country's or leader's full name is a name wherever it stands
// (也是日本政府的最重要课题, 土耳其正在训练索马里军队, 拜登政府以国家安全为由…).
const COMMON_NOUN_BODY = /(?<![市州省])(政府|当局|军队|军方|部队|[美俄乌以中日韩朝英法德]军)$/;
const NAMED_BODY = /^\p{Script=Han}{2,}(政府|当局|军队|部队)$/u;
const OBJECT_BEFORE = new Set([..."将把让使令对向与和同跟被给为及在从", "对于", "关于", "针对"]);

/** True when an organisation named only by a common noun for a body (政府, 军队) acts in the article at least once. */
export function actsInArticle(s: string, mentions: { start: number; end: number; key: string }[]): boolean {
  if (!mentions.every((m) => COMMON_NOUN_BODY.test(m.key))) return true;
  if (mentions.some((m) => NAMED_BODY.test(m.key))) return true;
  return mentions.some((m) => {
    const before = tagWords(s.slice(Math.max(0, m.start - 4), m.start)).at(-1);
    const next = tagWords(s.slice(m.end, m.end + 6))[0];
    // 将部分美军撤出: an object; 关于日本政府向联合国递交的决议案, 在中国政府大力资助的产业: the agent of a clause
    const topic = before && /^(关于|对于|针对|在)$/.test(before.word) && !!next && /^(v|p|d)/.test(next.tag);
    if (before && OBJECT_BEFORE.has(before.word) && !topic) return false;
    // a verb, an adverb or a preposition after it (jieba's x is an unknown word: 当局怒批)
    return (
      !!next && next.word !== "的" && (/^(v|d|p|ad|t)/.test(next.tag) || (next.tag === "x" && isHan(next.word[0])))
    );
  });
}
