import type { MergeReason, MentionSignal } from "../../schema/entities.ts";
import type { RegistryEntry } from "../text/lexicons.ts";
import { isPlace } from "../text/lexicons.ts";
import { roleWords, rolesCompatible } from "./roles.ts";
import { findOrgMentions } from "./find-org-mentions.ts";
import { findPersonMentions, registryByName, titlePhraseBefore, type Mention } from "./find-person-mentions.ts";
import { pinyin } from "pinyin-pro";
import { editDistance, soundSimilarity } from "../text/phonetic.ts";
import { isNameDot, isTranslitAt, isTranslitChar, translitRunLength } from "../text/text-scan.ts";
import { tagWords } from "../text/segment.ts";
import { actsInArticle } from "./find-bodies.ts";

/** One person or organisation as found in one article: its mention chain. */
export interface ArticleEntity {
  id: string;
  kind: "Person" | "Org";
  /** Surface forms as written in the article. */
  forms: string[];
  /** The same forms in simplified script, for matching. */
  keys: string[];
  latin?: string;
  registry?: RegistryEntry;
  /** For a government body: its country + body name, under which articles' bodies merge (香港政府). */
  canonical?: string;
  titles: string[];
  mentions: Mention[];
  signals: MentionSignal[];
  mergedBecause: MergeReason[];
}

// Within one article two transliterations this alike are one person (泽连斯基 / 泽伦斯基 score 0.80).
const SAME_ARTICLE_SOUND = 0.8;

/** Finds every person and organisation of an article and joins their mentions into one chain per entity. */
export function chainMentions(text: string, s: string): ArticleEntity[] {
  const seeds = [...findPersonMentions(s), ...findOrgMentions(s)];
  const mentions = [...seeds, ...findChainedMentions(s, seeds)];
  const kept = dropOverlaps(mentions);
  return groupMentions(text, s, kept);
}

// Words that make 政府 or 当局 another level of government than the country's (中央政府, 地方政府, 市政府, 州政府).
const OTHER_LEVEL_BEFORE = /(中央|地方|[市州省县])$/;

/** Every further occurrence of a confirmed name (拉乌 after 兹比格涅夫·拉乌), and sound-alike spellings of it. */
function findChainedMentions(s: string, seeds: Mention[]): Mention[] {
  const forms = new Map<string, Mention>();
  // short names that are also ordinary words (神韵 "verve", 大众 "the public"): only where they act as a name
  const ordinary = new Set<string>();
  for (const m of seeds) {
    // a registry seed stays the seed of its form: chained copies then carry the registry entry
    if (!forms.get(m.key)?.registry) forms.set(m.key, m);
    if (m.kind === "Person" && /[·•‧・･∙⋅．]/.test(m.key)) {
      const surname = m.key.split(/[·•‧・･∙⋅．]/).pop()!;
      // the bare surname carries no Latin name of its own: two people may share it (奥马尔·龚萨雷兹, 埃德蒙多·龚萨雷兹)
      const { latin: _latin, pairedEnd: _paired, ...bare } = m;
      if (surname.length >= 2 && !forms.has(surname)) forms.set(surname, { ...bare, key: surname, signals: ["chain"] });
    }
    // 神韵艺术团 … 神韵: an organisation named by a kind word is later named without it
    const short = shortNameOf(m);
    if (short && !forms.has(short.head)) {
      forms.set(short.head, { ...m, key: short.head, signals: ["chain"] });
      if (short.ordinary) ordinary.add(short.head);
    }
    // 石破茂 … 石破: a Japanese family name stands for the whole name after its first mention
    if (m.familyName && !forms.has(m.familyName)) {
      const { familyName, ...rest } = m;
      forms.set(familyName, { ...rest, key: familyName, signals: ["chain"] });
    }
  }
  const out: Mention[] = [];
  // Latin names chain whatever their case (KEITH BRADSHER … Keith Bradsher是…)
  const folded = s.toLowerCase();
  for (const [form, seed] of forms) {
    const latin = /^[A-Za-z]/.test(form);
    const needle = latin ? form.toLowerCase() : form;
    const haystack = latin ? folded : s;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
      const end = at + needle.length;
      const key = s.slice(at, end);
      // 伊朗外交部 … 伊朗外交部长阿拉格齐: inside its head's title the body is no mention
      if (seed.kind === "Org" && s[end] === "长" && /[部局院署会厅处]$/.test(key)) continue;
      // 香港政府 … 政府 … 中央政府, 市政府: another level of government, not the body (军政府 and 特区政府 are it)
      if (seed.kind === "Org" && seed.canonical && OTHER_LEVEL_BEFORE.test(s.slice(Math.max(0, at - 2), at))) continue;
      if (latin && (/[A-Za-z]/.test(s[at - 1] ?? "") || /[A-Za-z]/.test(s[end] ?? ""))) continue;
      if (ordinary.has(form) && !ACTS_AS_NAME.test(s.slice(end, end + 6))) continue;
      if (
        seed.kind === "Person" &&
        isTranslitChar(key[0]) &&
        isTranslitChar(s[at - 1]) &&
        !isNameDot(s[at - 1]) &&
        at > 0 &&
        isTranslitChar(s[end])
      )
        continue;
      const { start: _s, end: _e, ...rest } = seed;
      out.push({ ...rest, start: at, end, key, signals: ["chain"] });
    }
  }
  // Sound-alike spellings of a confirmed foreign name in the same article.
  const personKeys = [...forms.values()].filter(
    (m) => m.kind === "Person" && isTranslitChar(m.key[0]) && m.key.length >= 3,
  );
  for (let i = 0; i < s.length; i++) {
    if (isTranslitAt(s, i - 1)) continue;
    const len = translitRunLength(s, i);
    if (len < 3) continue;
    const key = s.slice(i, i + len);
    if (isPlace(key) || forms.has(key)) {
      i += len - 1;
      continue;
    }
    // a sound-alike only fills a gap: it never overrides a name already found there
    const overlaps = (m: Mention): boolean => m.start < i + len && i < m.end;
    const taken = seeds.some(overlaps) || out.some(overlaps);
    const match = !taken && personKeys.find((p) => soundSimilarity(p.key, key) >= SAME_ARTICLE_SOUND);
    if (match) out.push({ kind: "Person", start: i, end: i + len, key, signals: ["sound-alike"] });
    i += len - 1;
  }
  return out;
}

/**
 * Keeps the longest of overlapping mentions (a registry hit wins a tie). A registry person also wins against a
 * longer unregistered span that only adds a character or two to it (加兰特利用, 席拜登).
 */
function dropOverlaps(all: Mention[]): Mention[] {
  const registryPersons = all.filter((m) => m.registry && m.kind === "Person");
  const glossed = new Set(all.filter((m) => m.signals.includes("latin-bracket")).map((m) => m.key));
  const mentions = all.filter(
    (m) =>
      m.registry ||
      m.kind === "Org" ||
      m.signals.includes("latin-bracket") ||
      // (万斯莱本（Martin Wansleben）… 万斯莱本表示: a later mention of a name glossed in Latin is that name too)
      (m.signals.includes("chain") && glossed.has(m.key)) ||
      !registryPersons.some(
        (r) =>
          r.start >= m.start &&
          r.end <= m.end &&
          m.end - m.start - (r.end - r.start) <= 2 &&
          !/[·•‧・･∙⋅．]/.test(m.key),
      ),
  );
  const sorted = [...mentions].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      Number(!!b.registry) - Number(!!a.registry) ||
      Number(!!b.canonical) - Number(!!a.canonical) ||
      a.start - b.start,
  );
  const taken: Mention[] = [];
  // 拜登政府: the government, and the person it is named after inside it
  const nested = (a: Mention, b: Mention): boolean =>
    a.kind === "Org" && !!a.canonical && b.kind === "Person" && b.start >= a.start && b.end <= a.end;
  for (const m of sorted) {
    if (taken.some((t) => m.start < t.end && t.start < m.end && !nested(t, m))) continue;
    taken.push(m);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Union-find over mentions: same form, same registry entry, same Latin name, surname of a full name, sound-alike. */
function groupMentions(text: string, s: string, mentions: Mention[]): ArticleEntity[] {
  const parent = mentions.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const reasons = new Map<number, MergeReason[]>();
  const union = (a: number, b: number, reason?: MergeReason): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    parent[rb] = ra;
    const merged = [...(reasons.get(ra) ?? []), ...(reasons.get(rb) ?? []), ...(reason ? [reason] : [])];
    reasons.set(ra, merged);
  };
  const byKey = new Map<string, number>();
  mentions.forEach((m, i) => {
    const keys = [`${m.kind}:${m.key}`];
    if (m.registry) keys.push(`reg:${m.registry.id}`);
    if (m.canonical) keys.push(`${m.kind}:canonical:${m.canonical}`);
    if (m.latin) keys.push(`${m.kind}:latin:${m.latin.toLowerCase()}`);
    for (const k of keys) {
      const j = byKey.get(k);
      if (j === undefined) byKey.set(k, i);
      else union(j, i);
    }
  });
  // Surname-only and sound-alike forms join the full name they belong to.
  const registryOfKey = new Map(mentions.filter((m) => m.registry).map((m) => [m.key, m.registry!]));
  mentions.forEach((m, i) => {
    if (m.kind !== "Person") return;
    // 奥马尔·龚萨雷兹 and 埃德蒙多·龚萨雷兹 in one article: a bare 龚萨雷兹 joins the full name named last before it
    const fullNames = mentions.filter(
      (o) =>
        o.kind === "Person" &&
        ((/[·•‧・･∙⋅．]/.test(o.key) && o.key.split(/[·•‧・･∙⋅．]/).pop() === m.key) || o.familyName === m.key),
    );
    const nearest =
      new Set(fullNames.map((o) => o.key)).size > 1
        ? (fullNames.filter((o) => o.start < m.start).pop() ?? fullNames[0])!.key
        : undefined;
    mentions.forEach((o, j) => {
      if (j === i || o.kind !== "Person" || find(i) === find(j)) return;
      // 拉拉·特朗普 … 特朗普: the surname joins the full name unless it is a registry name of someone else
      if ((/[·•‧・･∙⋅．]/.test(o.key) && o.key.split(/[·•‧・･∙⋅．]/).pop() === m.key) || o.familyName === m.key) {
        if (nearest && o.key !== nearest) return;
        const reg = m.registry ?? registryOfKey.get(m.key);
        if (!reg || reg.names.includes(o.key) || o.registry === reg || sharesRegistryRole(s, o, reg)) union(j, i);
      } else if (m.signals.includes("sound-alike") && isTranslitChar(o.key[0])) {
        const score = soundSimilarity(m.key, o.key);
        if (score >= SAME_ARTICLE_SOUND)
          union(j, i, { forms: [o.key, m.key], reason: "sound-alike in one article", score });
      }
    });
  });
  // 神韵艺术团 … 神韵: the short name joins the full one
  mentions.forEach((m, i) => {
    if (m.kind !== "Org") return;
    const j = mentions.findIndex((o) => o.kind === "Org" && shortNameOf(o)?.head === m.key);
    if (j >= 0) union(j, i, { forms: [mentions[j]!.key, m.key], reason: "short name in one article", score: 0.9 });
  });
  // A Latin name in brackets glosses the name right before it, whatever else that name matched.
  mentions.forEach((m, i) => {
    if (m.pairedEnd === undefined) return;
    const j = mentions.findIndex((o) => o.end === m.pairedEnd && o.kind === m.kind);
    // 小特朗普（Donald Trump Jr.）: a gloss that contradicts the registry entry of the name before it is someone else
    const other = mentions[j];
    if (other && (!other.registry || !m.latin || latinCompatible(other.registry.latin, m.latin))) union(j, i);
  });
  // An abbreviation in brackets right after an organisation names the same organisation: 欧洲安全与合作组织（欧安组织）.
  mentions.forEach((m, i) => {
    if (!m.signals.includes("abbreviation")) return;
    const j = mentions.findIndex((o) => o.kind === m.kind && o.end === m.start - 1);
    if (j >= 0) union(j, i, { forms: [mentions[j]!.key, m.key], reason: "abbreviation in brackets", score: 1 });
  });

  const groups = new Map<number, number[]>();
  mentions.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  const entities: ArticleEntity[] = [];
  for (const [root, members] of groups) {
    const ms = members.map((i) => mentions[i]!);
    const kind = majorityKind(ms);
    const forms = unique(ms.map((m) => text.slice(m.start, m.end)));
    const titles = kind === "Person" ? unique(ms.flatMap((m) => titleOf(text, s, m))) : [];
    let registry = ms.find((m) => m.registry)?.registry;
    const localLatin = ms.find((m) => m.latin && !m.registry)?.latin;
    // 西蒙·哈里斯（Simon Harris）is not the registry's Kamala Harris: a bracketed Latin name with another given name wins
    if (registry && localLatin && !latinCompatible(registry.latin, localLatin)) registry = undefined;
    // 副总统莎拉·杜特蒂 is not the registry's president Duterte: a deputy's title against the registry's office wins
    if (registry?.roles?.length && isDeputyOf(roleWords(titles), registry.roles)) registry = undefined;
    // 议长约翰逊 is not the registry's prime minister Johnson: an office the registry does not give them wins
    if (registry?.roles?.length && holdsOtherOffice(roleWords(titles), registry.roles)) registry = undefined;
    // 卡玛拉·哈里斯 with no bare 哈里斯 nearby: the registry entry of the surname, when the given name sounds right
    if (!registry && kind === "Person") registry = registryForFullName(s, ms);
    const latin = registry?.latin ?? localLatin;
    const entity: ArticleEntity = {
      id: `${kind === "Person" ? "p" : "o"}${entities.length}`,
      kind,
      forms,
      keys: unique(ms.map((m) => m.key)),
      titles,
      mentions: ms.map((m) => ({ ...m, kind })),
      signals: unique(ms.flatMap((m) => m.signals)),
      mergedBecause: reasons.get(root) ?? [],
    };
    if (latin) entity.latin = latin;
    if (registry) entity.registry = registry;
    const canonical = ms.find((m) => m.canonical)?.canonical;
    if (canonical) entity.canonical = canonical;
    if (isConfirmed(entity) && (kind === "Person" || actsInArticle(s, ms))) entities.push(entity);
  }
  return entities;
}

// Kind words an organisation's name may drop once it has been named in full (神韵艺术团 → 神韵, 华为公司 → 华为).
const DROPPABLE_KIND = /(股份有限公司|有限公司|公司|集团|艺术团|乐团|剧团|银行|基金会|协会|研究所|研究院|大学|学院)$/;

/** The short name of an organisation named with a kind word, when what is left is a name (not a place or a kind). */
function shortNameOf(m: Mention): { head: string; ordinary: boolean } | undefined {
  if (m.kind !== "Org" || m.registry || m.canonical) return undefined;
  const kind = DROPPABLE_KIND.exec(m.key);
  const head = kind ? m.key.slice(0, m.key.length - kind[0].length) : "";
  if (head.length < 2 || !/^\p{Script=Han}+$/u.test(head) || isPlace(head)) return undefined;
  // (华为公司 → 华为, a name jieba knows; 神韵艺术团 → 神韵, also an ordinary word: a name only where it acts as one)
  const words = tagWords(head);
  const ordinary = words.length === 1 && !/^(nz|nt|nr|ns|j|x)/.test(words[0]!.tag);
  // (国家公司 → no 国家: a function word or a word of quantity or place is never a name)
  if (ordinary && /^(r|m|q|f|t|d|p|c|u|v)/.test(words[0]!.tag)) return undefined;
  return { head, ordinary };
}

// Where a short name that is also an ordinary word acts as a name: its spokesman, its statement, its speech verb.
const ACTS_AS_NAME =
  /^(的?(代表|发言人|声明|官员|负责人|高管|创始人|总裁|董事长)|(在.{0,8})?(表示|说|称|指出|发表|回应|否认|宣布))/;

/** A chain made only of weak evidence (a lone sound-alike) is not an entity. */
function isConfirmed(entity: ArticleEntity): boolean {
  return entity.signals.some((sig) => sig !== "sound-alike" && sig !== "chain");
}

function titleOf(text: string, s: string, m: Mention): string[] {
  const phrase = titlePhraseBefore(s, m.start);
  return phrase ? [text.slice(m.start - phrase.length, m.start)] : [];
}

function majorityKind(ms: Mention[]): "Person" | "Org" {
  const persons = ms.filter((m) => m.kind === "Person").length;
  return persons * 2 >= ms.length ? "Person" : "Org";
}

/** Distinct values in first-seen order. */
export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * True when two Latin names can be one person: equal, or the same given name with a surname spelt a little
 * differently (Volodymyr Zelenskiy / Volodymyr Zelenskyy). Simon Harris and Kamala Harris are two people.
 */
export function latinCompatible(a: string, b: string): boolean {
  const wa = a.toLowerCase().split(/\s+/);
  const wb = b.toLowerCase().split(/\s+/);
  if (wa.join(" ") === wb.join(" ")) return true;
  if (wa.length < 2 || wb.length < 2) return wa[wa.length - 1] === wb[wb.length - 1];
  // Sergei / Sergey Lavrov, Volodymyr Zelenskiy / Zelenskyy: one or two letters of respelling on each name
  return editDistance(wa[0]!, wb[0]!) <= 2 && editDistance(wa[wa.length - 1]!, wb[wb.length - 1]!) <= 2;
}

/**
 * 卡玛拉·哈里斯 is the registry's 哈里斯 (Kamala Harris) when her given name sounds like the registry's Latin given
 * name (ka-ma-la ~ Kamala; 拉拉 is not Donald), or when her title names one of the registry's roles.
 */
function sharesRegistryRole(s: string, full: Mention, registry: RegistryEntry): boolean {
  const given = full.key.split("·")[0]!;
  const latinGiven = registry.latin.split(/\s+/)[0]!.toLowerCase();
  const spoken = pinyin(given, { toneType: "none", type: "array" }).join("");
  if (spoken && 1 - editDistance(spoken, latinGiven) / Math.max(spoken.length, latinGiven.length) >= 0.6) return true;
  const phrase = titlePhraseBefore(s, full.start);
  if (!phrase || !registry.roles?.length) return false;
  const roles = roleWords([phrase]);
  return roles.size > 0 && rolesCompatible(roles, new Set(registry.roles));
}

// Political offices: two of them that do not match name two people (议长 Johnson, 首相 Johnson).
const OFFICES = new Set([
  "总统",
  "副总统",
  "总理",
  "副总理",
  "首相",
  "议长",
  "国务卿",
  "外长",
  "外交部长",
  "防长",
  "国防部长",
  "秘书长",
  "参议员",
  "众议员",
  "州长",
  "市长",
  "财长",
  "财政部长",
]);

/** True when the article gives a person only offices, none of which is one of the registry entry's. */
function holdsOtherOffice(roles: Set<string>, registryRoles: string[]): boolean {
  const offices = [...roles].filter((r) => OFFICES.has(r));
  const registryOffices = registryRoles.filter((r) => OFFICES.has(r));
  return (
    offices.length > 0 && registryOffices.length > 0 && !rolesCompatible(new Set(offices), new Set(registryOffices))
  );
}

/** True when a role is the deputy of one of the registry's roles, or the other way round (副总统 / 总统). */
function isDeputyOf(roles: Set<string>, registryRoles: string[]): boolean {
  if (rolesCompatible(roles, new Set(registryRoles))) return false;
  return [...roles].some((r) => registryRoles.some((x) => r === `副${x}` || x === `副${r}`));
}

/** The registry entry of a given·surname name whose surname is a registry name and whose given name matches. */
function registryForFullName(s: string, ms: Mention[]): RegistryEntry | undefined {
  for (const m of ms) {
    if (!m.key.includes("·")) continue;
    const entry = registryByName(m.key.split("·").pop()!);
    if (entry?.label === "Person" && sharesRegistryRole(s, m, entry)) return entry;
  }
  return undefined;
}
