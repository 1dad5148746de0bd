import { LEXICON } from "../text/lexicons.ts";
import type { Mention } from "./find-person-mentions.ts";
import { findRegistryHits } from "./find-person-mentions.ts";
import { tagWords } from "../text/segment.ts";
import { escapeRegExp } from "../text/lexicons.ts";
import { findWords, buildWordTrie } from "../text/text-scan.ts";
import { findBodies } from "./find-bodies.ts";
import orgLexicon from "../lexicon/org-suffixes.json" with { type: "json" };

const TITLE_WORDS = buildWordTrie(LEXICON.personTitles);
const X_PLATFORM = LEXICON.registry.find((e) => e.id === "twitter");
const ANY_SUFFIX = new RegExp(`(?:${LEXICON.orgSuffixes.map(escapeRegExp).join("|")}|院|宫)$`);
const ORG_NAMES = new Set(LEXICON.registry.filter((e) => e.label === "Org").flatMap((e) => e.names));
const VERBS = new Set([...LEXICON.speechVerbs, ...LEXICON.weakSpeechVerbs, ...LEXICON.reportingWords]);
const ACRONYM_BEFORE = /(据|根据|接受|来源[，,：:]?|图自|引述|援引|向|对|美国|英国|法国|德国|日本|俄罗斯)\s*$/;
const ACRONYM_AFTER = /^\s*(报道|报导|称|表示|指出|采访|记者|发言人|说|分析|消息|新闻|网站|电视|主播|的报道)/;
const PROPER_TAGS = /^(ns|nz|nt|nr|nrt|nrfg|eng|j)$/;
const MEDIA_SUFFIX = /^[网社台]$/;
const PUBLICATION_END = /(报|时报|日报|邮报|周刊|杂志|新闻|通讯|晚报|早报|论坛报)$/;
const INSTITUTION_VENUES = buildWordTrie(LEXICON.institutionVenues);
// All-caps words that are no organisation: units, technologies, titles, document kinds.
const NOT_ORG_ACRONYMS = new Set([
  "GDP",
  "CPI",
  "PMI",
  "AI",
  "AM",
  "PM",
  "TV",
  "DNA",
  "RNA",
  "COVID",
  "SARS",
  "CEO",
  "CFO",
  "CTO",
  "VIP",
  "USB",
  "VR",
  "AR",
  "OK",
  "PS",
  "VS",
  "LED",
  "LGBT",
  "LGBTQ",
  "HK",
  "US",
  "UK",
  "EU",
  "PDF",
  "APP",
  "IT",
  "ID",
  "IQ",
  "MV",
  "DJ",
  "KOL",
  "NGO",
  "GPS",
  "ATM",
  "SIM",
  "QR",
  "IP",
  "HIV",
  "AIDS",
  "MRI",
  "ICU",
  "PCR",
  "ETF",
  "IPO",
  "ESG",
  "EV",
  "MP",
  "PhD",
  "MBA",
  "DSE",
  "HKDSE",
  "II",
  "III",
  "IV",
  "VI",
  "XI",
  "HIMARS",
  "ATACMS",
  "F",
  "NBA",
  "FIFA",
  "GMT",
  "UTC",
  "WTI",
  "LNG",
  "ICBM",
]);
const LONG_SUFFIXES = new Set(LEXICON.orgSuffixes.filter((s) => s.length >= 2));
const LONG_SUFFIX_LENGTHS = [...new Set([...LONG_SUFFIXES].map((s) => s.length))];

/**
 * True when a word ends in an organisation suffix of two or more characters (委员会, 通讯社); with `withHead`, only
 * when something stands before the suffix (新美国安全研究中心, whatever jieba's cut: 研究/中心).
 */
function endsInLongSuffix(word: string, withHead = false): boolean {
  // (one set lookup per suffix length: every word of every article is tested, against 60 suffixes)
  for (const n of LONG_SUFFIX_LENGTHS)
    if ((withHead ? n < word.length : n <= word.length) && LONG_SUFFIXES.has(word.slice(word.length - n))) return true;
  return false;
}
// Verbs jieba tags as verbal nouns that take an organisation as their object, never part of its name
// (约翰·图恩预计法院在11月17日做出裁决).
const NOT_IN_NAME = new Set([
  "预计",
  "预期",
  "估计",
  "希望",
  "要求",
  "呼吁",
  "指控",
  "起诉",
  "批评",
  "支持",
  "反对",
  "包括",
  "监督",
]);
// Tags of words that may stand inside an organisation's name: nouns, place names, abbreviations, "与".
const NAME_PART_TAGS = /^(n|ns|nt|nz|nrt|j|vn|an|l)$/;

/** Finds the organisation mentions of one article in its simplified text. */
export function findOrgMentions(s: string): Mention[] {
  const found: Mention[] = [];
  const add = (start: number, end: number, signals: Mention["signals"], extra: Partial<Mention> = {}): void => {
    while (start < end && /[与和及、]/.test(s[start]!)) start++;
    const key = s.slice(start, end);
    if ((key.length < 2 && !extra.registry) || LEXICON.notOrgs.has(key)) return;
    // a country is no organisation, but the place list also holds 欧盟, which the registry knows as one
    if (!extra.registry && (LEXICON.countries[key] || LEXICON.cities[key])) return;
    // 美国公司, 中国智库: a country and the word for a kind of organisation name a kind, even as one jieba word
    // (中国银行, 日本银行 and 香港大学 are names)
    if (!extra.registry && COUNTRY_KIND.test(key) && LEXICON.countries[key.replace(COUNTRY_KIND_END, "")]) return;
    // a bare suffix (委员会) is no name; 绿党和自民党 is two
    if (LEXICON.orgSuffixes.includes(key) || /[党会部社局署院](和|与|及|、)/.test(key)) return;
    // 国有银行, 公立医院: generic words and a suffix name a kind of organisation
    const specific = key.replace(GENERIC_MODIFIERS, "");
    if (!extra.registry && specific !== key && specific.length <= 2) return;
    // 正义与发展党中央委员会: the committee is the party's; the party is the organisation named
    const party = /^(.{2,10}党)(中央委员会|中央|委员会)$/.exec(key);
    if (party) end = start + party[1]!.length;
    // 日美同盟 is a relation between countries, not an organisation
    if (/^[美俄中英法德日韩朝乌欧台港印伊以巴澳加意西土]{1,3}(同盟|关系)$/.test(key)) return;
    // 各财务局, 多家银行: a plural names no one organisation
    if (PLURAL_BEFORE.test(s.slice(Math.max(0, start - 2), start))) return;
    // 全国财务局长, 乌克兰外交部长: the organisation's last character is part of its head's title (部长, 局长);
    // 俄国外交部副部长 names the ministry and then a title
    if (s[end] === "长" && titles.some((t) => t.start < end && t.end > end)) return;
    // 国民党首玉木雄一郎, 立民党首: 党首 is the party leader's title and the name before it an abbreviation
    // (国民 for 国民民主党), so no party is named (自民党首相 is 自民党 + 首相)
    if (key.endsWith("党") && s[end] === "首" && !/[相脑席都府次先选轮位要日]/.test(s[end + 1] ?? "")) return;
    found.push({ kind: "Org", start, end, key: s.slice(start, end), signals, ...extra });
  };
  const titles = findWords(s, TITLE_WORDS);

  for (const hit of findRegistryHits(s)) {
    if (hit.entry.label === "Org")
      add(hit.start, hit.end, ["registry"], { registry: hit.entry, latin: hit.entry.latin });
  }
  for (const m of findBodies(s)) {
    // 波兰外交部长 is a title, not the ministry (add() checks)
    const { start, end, signals, ...extra } = m;
    add(start, end, signals, extra);
  }

  // Organisation followed by its Latin acronym or a Chinese abbreviation in brackets: 俄罗斯国际电视台（RTVI）.
  for (const m of s.matchAll(/[（(]\s*([A-Z][A-Z0-9&.-]{1,9}|[\p{Script=Han}]{2,6})\s*[)）]/gu)) {
    const inner = m[1]!;
    // 「新美國安全研究中心」（CNAS）: a quoted name with its acronym, ending as organisations' names end
    const quoted =
      /^[A-Z]/.test(inner) && /[」”』]/.test(s[m.index - 1] ?? "") ? quotedNameBefore(s, m.index) : undefined;
    if (quoted !== undefined && endsInLongSuffix(s.slice(quoted, m.index - 1), true)) {
      add(quoted, m.index - 1, ["org-suffix"], { latin: inner });
      const innerStart = m.index + m[0].indexOf(inner);
      add(innerStart, innerStart + inner.length, ["abbreviation"], { latin: inner });
      continue;
    }
    const before = orgPhraseBefore(s, m.index);
    if (!before) continue;
    const latin = /^[A-Z]/.test(inner) ? inner : undefined;
    const count = found.length;
    add(before, m.index, ["org-suffix"], latin ? { latin } : {});
    const innerStart = m.index + m[0].indexOf(inner);
    if (latin) add(innerStart, innerStart + inner.length, ["abbreviation"], { latin });
    // (送往医院（救治）: no organisation before the brackets, no Chinese abbreviation in them)
    else if (!/[的了是在]/.test(inner) && found.length > count)
      add(innerStart, innerStart + inner.length, ["abbreviation"]);
  }

  // A Latin organisation name in brackets after its Chinese name: 「布鲁金斯研究所」（Brookings Institution）.
  for (const m of s.matchAll(
    /[（(]\s*((?:[A-Z][A-Za-z&.'-]*\s+){0,5}(?:Institution|Institute|University|Agency|Council|Party|Ministry|Department|News|Times|Post|Journal|Group|Bank|Organi[sz]ation|Association|Foundation|Committee|Corporation|Company|Center|Centre|Forum|Fund|Office|Service|Command|Commission|Court|Parliament|Congress|Assembly|Union|Alliance|Front|Movement|Network|Media|Press|Radio|Television|TV|Inc\.?|Ltd\.?)(?:\s+[A-Za-z&.'-]+){0,4})\s*[)）]/g,
  )) {
    const latin = m[1]!;
    let start = m.index;
    if (/[」”』]/.test(s[m.index - 1] ?? "")) {
      const open = s.lastIndexOf(s[m.index - 1] === "」" ? "「" : s[m.index - 1] === "』" ? "『" : "“", m.index - 1);
      if (open >= 0 && m.index - open <= 20) {
        add(open + 1, m.index - 1, ["org-suffix"], { latin });
        continue;
      }
    }
    start = orgPhraseBefore(s, m.index) ?? start;
    if (start < m.index) {
      add(start, m.index, ["org-suffix"], { latin });
      // the Latin name is a form of the organisation too (紐約時報（The New York Times）)
      const latinStart = m.index + m[0].indexOf(latin);
      add(latinStart, latinStart + latin.length, ["abbreviation"], { latin });
    }
  }

  // A name glossed by its Latin name and acronym, as people never are: 「无国界记者」（Reporters Without Borders, RSF）;
  // or given a Latin short form to be called by: 亚洲事实查核实验室（以下简称AFCL）.
  for (const m of s.matchAll(GLOSS_WITH_ACRONYM)) {
    const latin = m[1] ? m[1].trim() : m[2]!;
    if (NOT_ORG_ACRONYMS.has(m[2]!)) continue;
    const quoted = /[」”』]/.test(s[m.index - 1] ?? "");
    // (orgPhraseBefore stops at a verb inside the name: 亚洲事实查核|实验室 would leave the bare suffix)
    const bySuffix = orgPhraseBefore(s, m.index);
    const start = quoted
      ? quotedNameBefore(s, m.index)
      : bySuffix !== undefined && !LEXICON.orgSuffixes.includes(s.slice(bySuffix, m.index))
        ? bySuffix
        : nameBeforeGloss(s, m.index);
    // 欧盟反毁林法案（…, EUDR）, 自由加盟协约（…, COFA）: laws, treaties and programmes are glossed alike
    if (start === undefined || NOT_AN_ORG_END.test(s.slice(start, quoted ? m.index - 1 : m.index))) continue;
    add(start, quoted ? m.index - 1 : m.index, ["org-suffix"], { latin });
    const acronymStart = m.index + m[0].lastIndexOf(m[2]!);
    add(acronymStart, acronymStart + m[2]!.length, ["abbreviation"], { latin });
  }

  // Words jieba tags as organisation names (nt), and noun phrases ending in an organisation suffix, extended
  // left over the words of the name (俄罗斯+新闻社, 欧洲+安全+与+合作+组织, 北约-俄罗斯+理事会).
  let offset = 0;
  const words = tagWords(s);
  // (personal: the suffix may follow a person's name, as an institution's may: 玛丽医院, 卡内基基金会)
  const nameStart = (i: number, start: number, personal: boolean): number => {
    let k = i;
    let from = start;
    while (k > 0 && i - k < 6) {
      const prev = words[k - 1]!;
      // 与 and hyphens join the words of one name; 和 joins two organisations (北约和欧安组织)
      const linking = /^[与\-—]$/.test(prev.word) && k > 1 && NAME_PART_TAGS.test(words[k - 2]!.tag);
      // (联合国大会第一委员会: an ordinal numbers a body's committees)
      const part =
        NAME_PART_TAGS.test(prev.tag) ||
        linking ||
        /^第[一二三四五六七八九十]{1,3}$/.test(prev.word) ||
        (personal && /^nr/.test(prev.tag) && prev.word.length >= 2);
      if (!part || LEXICON.personTitles.includes(prev.word)) break;
      // a name never reaches back over another organisation (俄新社 | 援引俄国外交部), but the agencies of an
      // umbrella organisation carry its name (联合国人口基金会)
      if (UMBRELLA_ORGS.has(prev.word)) {
        from -= prev.word.length;
        break;
      }
      if (ORG_NAMES.has(prev.word) || (prev.word.length >= 2 && ANY_SUFFIX.test(prev.word))) break;
      if (VERBS.has(prev.word) || NOT_IN_NAME.has(prev.word)) break;
      k--;
      from -= prev.word.length;
      // 在北京会见中国国务院总理: a country opens the name (中国国务院) unless a hyphen or 与 joins another
      // party to it (北约-俄罗斯理事会)
      if (LEXICON.countries[prev.word] && !/^[与\-—]$/.test(words[k - 1]?.word ?? "")) break;
    }
    return from;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const start = offset;
    offset += w.word.length;
    const next = words[i + 1]?.word ?? "";
    if (w.word.endsWith("党人") && w.word.length >= 4) add(start, offset - 1, ["org-suffix"]);
    // 联合国人口基金/nt + 会: jieba cut the suffix in two
    else if (w.tag === "nt" && next.length === 1 && endsInLongSuffix(w.word + next))
      add(start, offset + 1, ["org-suffix"]);
    else if (
      (w.tag === "nt" && ANY_SUFFIX.test(w.word)) ||
      endsInLongSuffix(w.word) ||
      ((w.word.length >= 3 || /^总[局署]$/.test(w.word)) &&
        /[局署]$/.test(w.word) &&
        NATIONAL_BODY.test(s.slice(nameStart(i, start, false), offset)))
    ) {
      // a registry name is complete as it stands (俄国外交部)
      // (清华大学/nt is complete: 朱镕基委托清华大学 is no name)
      const namedBy = w.tag !== "nt" && NAMED_BY.some((x) => w.word.endsWith(x));
      const from = ORG_NAMES.has(w.word) ? start : nameStart(i, start, namedBy);
      if (ORG_NAMES.has(w.word) || (w.tag === "nt" && w.word.length >= 2 && from === start))
        add(from, offset, ["org-suffix"]);
      else if (from < start && isProperName(s, from, start)) add(from, offset, ["org-suffix"]);
      // 国家统计局, 国家安全局: a state's bureau, named by what it does
      else if (from < start && NATIONAL_BODY.test(s.slice(from, offset)) && isPlainNounHead(s.slice(from, start)))
        add(from, offset, ["org-suffix"]);

      // 飞天大学, 葛量洪医院: an institution may be named by any head that is no generic word
      else if (from < start && NAMED_BY.some((x) => w.word.endsWith(x)) && isInstitutionName(s.slice(from, start)))
        add(from, offset, ["org-suffix"]);
    } else if (
      MEDIA_SUFFIX.test(w.word) &&
      i > 0 &&
      /^(n|nz|nt|nrt)$/.test(words[i - 1]!.tag) &&
      !/[0-9０-９]/.test(s[offset] ?? "")
    ) {
      // 观察者+网, 美国之音: a one-character media suffix after a noun of two or more characters
      const prev = words[i - 1]!;
      // 助力台企业: 台 before a noun is Taiwan (台企, 台商), not a station
      const taiwan = w.word === "台" && /^n/.test(words[i + 1]?.tag ?? "");
      if (prev.word.length >= 2 && !taiwan && !LEXICON.notOrgs.has(prev.word + w.word))
        add(start - prev.word.length, offset, ["org-suffix"]);
    }
  }

  // Publications in 《》 that the text reports from: 《卫报》, 《纽约时报》报道.
  // (报纸《沙巴》（Sabah）报道称: a word for a publication before it, a Latin gloss after it)
  // (《Al-Masry Al-Youm》报纸: the word for a publication may follow the name too)
  for (const m of s.matchAll(/《([^《》]{2,16})》/g)) {
    const name = m[1]!;
    const rest = s.slice(m.index + m[0].length, m.index + m[0].length + 30);
    const gloss = /^[（(]([A-Z][A-Za-z .'&-]+)[)）]/.exec(rest);
    const after = gloss ? rest.slice(gloss[0].length) : rest;
    const reports = /^(报道|报导|指出|称|援引|引述|评论|社论|披露|说|的报道)/.test(after);
    const publication =
      /(报纸|日报|杂志|周刊|通讯社|电视台|新闻网站)$/.test(s.slice(Math.max(0, m.index - 4), m.index)) ||
      /^(报纸|杂志|周刊)/.test(after);
    if (
      (name.length <= 12 && (PUBLICATION_END.test(name) || (reports && name.length <= 6))) ||
      (publication && name.length <= 16)
    )
      add(m.index + 1, m.index + 1 + name.length, ["org-suffix"], gloss ? { latin: gloss[1]!.trim() } : {});
  }

  // A name right after a word for its kind of organisation: 独立新闻频道TV Rain, 咨询公司“中国汽车洞察”.
  for (const m of s.matchAll(CATEGORY_THEN_NAME)) {
    const name = m[2] ?? m[3]!;
    const start = m.index + m[0].length - name.length - (m[2] ? 1 : 0);
    // a quoted name is a name, not a clause (机构“解决针对其核计划的疑虑”)
    if (m[2] && (name.length > 8 || tagWords(name).some((w) => /^(v|uj|ul|r|p|d)/.test(w.tag)))) continue;
    // (向媒体“泄秘”: media spoken to, then a quoted word of what was done)
    if (m[2] && /[向对给跟]$/.test(s.slice(Math.max(0, m.index - 1), m.index))) continue;
    if (/^[A-Z]/.test(name) && (NOT_ORG_ACRONYMS.has(name) || LEXICON.latinGivenNames.has(name))) continue;
    add(start, start + name.length, ["org-suffix"], /^[A-Za-z]/.test(name) ? { latin: name } : {});
  }
  // Ukrenergo表示, 据Semafor报道: one Latin word (no given name, no known acronym) speaking or reporting is an
  // organisation; a person named in Latin comes with a given name
  for (const m of s.matchAll(/(?<![A-Za-z] ?)([A-Z][a-z]+[A-Za-z]*)(?! ?[A-Za-z])/g)) {
    const word = m[1]!;
    if (LEXICON.latinGivenNames.has(word) || NOT_ORG_ACRONYMS.has(word)) continue;
    const after = s.slice(m.index + word.length, m.index + word.length + 4);
    const before = s.slice(Math.max(0, m.index - 2), m.index);
    if (/^\s?(表示|称|指出|说|报道|报导|发表|发文|宣布|透露|回应)/.test(after) || /(据|根据)\s?$/.test(before))
      add(m.index, m.index + word.length, ["abbreviation"], { latin: word });
  }
  // 驻美大使馆, 驻华代表处: a mission abroad
  for (const m of s.matchAll(/驻[\p{Script=Han}]{1,5}?(大使馆|领事馆|总领事馆|代表处|办事处)/gu))
    if (LEXICON.countryAbbreviations[m[0].slice(1, 2)] || LEXICON.placeNames.some((p) => m[0].startsWith(p, 1)))
      add(m.index, m.index + m[0].length, ["org-suffix"]);

  // The platform X, which no letter alone could be taken for elsewhere: 在社群平台X發文, 在X（原推特）上发帖.
  for (const m of s.matchAll(/(?<=平台|社交媒体|社群媒体|社媒|在)X(?![A-Za-z])(?=[^A-Za-z]{0,2}(上|发|（原|\(原))/g)) {
    add(m.index, m.index + 1, ["abbreviation"], X_PLATFORM ? { registry: X_PLATFORM, latin: X_PLATFORM.latin } : {});
  }

  // Institutions named by their seat: 白宫, 克里姆林宫.
  for (const hit of findWords(s, INSTITUTION_VENUES)) add(hit.start, hit.end, ["org-suffix"]);

  // Latin acronyms standing alone in Chinese text where an outlet or body is the source: 接受CNN采访, BBC记者.
  for (const m of s.matchAll(/(?<![A-Za-z])[A-Z]{2,6}(?![A-Za-z])/g)) {
    if (NOT_ORG_ACRONYMS.has(m[0])) continue;
    const before = s.slice(Math.max(0, m.index - 6), m.index);
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 4);
    if (ACRONYM_BEFORE.test(before) || ACRONYM_AFTER.test(after)) {
      add(m.index, m.index + m[0].length, ["abbreviation"], { latin: m[0] });
    }
  }
  return found;
}

// （Latin Name, ACRONYM） or （以下简称ACRONYM）, after the Chinese name.
const GLOSS_WITH_ACRONYM =
  /[（(]\s*(?:([A-Z][A-Za-z&.'’-]*(?:\s+[A-Za-z&.'’-]+){1,7})\s*[,，、]\s*|(?:以下)?简称\s*)([A-Z][A-Z0-9&]{1,7})\s*[)）]/g;

/** Start of a name in quotation marks whose closing mark is right before `end` (「无国界记者」（…）), or undefined. */
function quotedNameBefore(s: string, end: number): number | undefined {
  const close = s[end - 1];
  const open = close === "」" ? "「" : close === "”" ? "“" : "『";
  const at = s.lastIndexOf(open, end - 2);
  return at >= 0 && end - at <= 16 && end - at >= 4 ? at + 1 : undefined;
}

/**
 * Start of the name right before a gloss (亚洲事实查核实验室（以下简称AFCL）): the characters back to a break or a
 * particle, two to twelve of them; the gloss itself is the evidence that they name an organisation.
 */
function nameBeforeGloss(s: string, end: number): number | undefined {
  let from = end;
  // (都受到美国国际媒体署: the verb and adverb before the name are no part of it)
  while (
    from > 0 &&
    end - from < 12 &&
    /\p{Script=Han}/u.test(s[from - 1]!) &&
    !/[的了在是和与及对向从被把将于之]/.test(s[from - 1]!)
  )
    from--;
  for (const w of tagWords(s.slice(from, end))) {
    if (!/^(d|p|c|r|u|m|q|t|f|v|vn|ad)/.test(w.tag)) break;
    from += w.word.length;
  }
  const name = s.slice(from, end);
  if (name.length < 2 || LEXICON.personTitles.some((t) => name.endsWith(t))) return undefined;
  return from;
}

const COUNTRY_KIND_END = /(公司|企业|智库|媒体|财团)$/;
const COUNTRY_KIND = /^\p{Script=Han}{1,4}(公司|企业|智库|媒体|财团)$/u;

const NOT_AN_ORG_END = /(法案|法|协约|协定|条约|公约|合作|计划|倡议|规则|机制|战略|项目|指数|系统|模型)$/;

/** Start of the organisation name that ends at `end` (the words before a bracket), or undefined. */
function orgPhraseBefore(s: string, end: number): number | undefined {
  let from = end;
  while (from > 0 && end - from < 20 && /[\p{Script=Han}A-Za-z]/u.test(s[from - 1]!)) from--;
  const words = tagWords(s.slice(from, end));
  const last = words[words.length - 1];
  if (
    !last ||
    (!LEXICON.orgSuffixes.some((suffix) => last.word.endsWith(suffix) || last.word === suffix) && last.tag !== "nt")
  ) {
    return undefined;
  }
  let start = end;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (!(NAME_PART_TAGS.test(w.tag) || w.word === "与" || w.word === "和") || LEXICON.personTitles.includes(w.word))
      break;
    start -= w.word.length;
  }
  while (start < end && /[与和]/.test(s[start]!)) start++;
  return end - start >= 2 ? start : undefined;
}

// Words that say what kind of organisation, not which (国有银行, 非营利组织, 大型企业).
const GENERIC_MODIFIERS =
  /国有|国营|私营|民营|大型|小型|中型|主要|非营利|非政府|公立|私立|外商独资|独资|合资|当地|地方|外国|外资|国际|全球|跨国|相关|有关|其他|知名|著名|顶级|顶尖|一流|领先|本地|海外|新兴|传统|西方|官方|部分|这些|一些|社区|研究型|综合性|卓越/g;
const PLURAL_BEFORE = /(各|诸|多家|多个|一些|这些|那些|数家|几家|两家|部分)$/;

const NAMED_BY = orgLexicon.namedBy;
const COUNTRY_NAMES = Object.keys(LEXICON.countries);
const UMBRELLA_ORGS = new Set(orgLexicon.umbrellaOrgs);
const CATEGORY_THEN_NAME = new RegExp(
  `(${orgLexicon.categoryNouns.join("|")})(?:[“「]([^”」，。]{2,12})[”」]|([A-Z][A-Za-z0-9&]*(?: [A-Z][A-Za-z0-9&]*){0,2})(?![A-Za-z]))`,
  "g",
);

// A state body named by its field after 国家 (国家安全局, 国家气象局, 国家海洋暨大气总署, 国家安全委员会).
const NATIONAL_BODY = /^国家\p{Script=Han}{1,8}(局|总局|署|总署|委员会|院)$/u;

/** Nouns naming an organisation's field (国家气象局, 国家海洋暨大气总署), no generic word. */
function isPlainNounHead(head: string): boolean {
  if (head.length > 6 || head.replace(GENERIC_MODIFIERS, "") !== head) return false;
  return tagWords(head).every((w) => /^(n|nt|nz|ns|vn|j)$/.test(w.tag) || w.word === "暨");
}

/** The head of 飞天大学 or 葛量洪医院: two to six characters, no determiner, number or generic modifier. */
function isInstitutionName(head: string): boolean {
  if (head.length < 2 || head.length > 6 || /^[该这此一各多某其两三四五六七八九十几数那每本全]/.test(head))
    return false;
  if (/[0-9的了在是]/.test(head) || LEXICON.countries[head]) return false;
  // 预计东北大学: a verb before the name is no part of it (政策研究基金会: a verbal noun inside it is)
  if (tagWords(head).some((w, i) => /^(v|d|p|c|r)/.test(w.tag) && !(i > 0 && w.tag === "vn"))) return false;
  return head.replace(GENERIC_MODIFIERS, "").length >= 2;
}

/** An organisation found by its suffix needs a proper name in front: 巴西肉品协会, not 关系委员会 or 六所大学. */
function isProperName(s: string, from: number, to: number): boolean {
  const head = s.slice(from, to);
  if (/^[该这此一各多某其两三四五六七八九十几数]/.test(head) || /[0-9]/.test(head)) return false;
  // 因应公立医院, 资助大学: a verb before the name is no part of it
  if (/^(v|vn|d|p|c)/.test(tagWords(head)[0]?.tag ?? "")) return false;
  // 上海公司, 上海分公司: a place and a company word name a kind of company
  if (
    LEXICON.placeNames.includes(head) &&
    /^(公司|分公司|子公司|企业|工厂)$/.test(s.slice(to, to + 3).replace(/[^公司分子企业工厂]/g, ""))
  )
    return false;
  // 中国公司, 中国国有银行, 美国智库: a country and generic words before the suffix name a kind, not an organisation
  // (a city does name one: 芝加哥国际银行)
  const rest = COUNTRY_NAMES.reduce((h, p) => (h.includes(p) ? h.split(p).join("") : h), head).replace(
    GENERIC_MODIFIERS,
    "",
  );
  if (!rest) return false;
  return tagWords(head).some((w) => PROPER_TAGS.test(w.tag)) || LEXICON.placeNames.some((p) => head.includes(p));
}
