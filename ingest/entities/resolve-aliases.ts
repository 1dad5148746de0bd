import type { MergeReason } from "../../schema/entities.ts";
import type { ArticleEntity } from "./chain-mentions.ts";
import { latinCompatible, unique } from "./chain-mentions.ts";
import { roleWords, rolesCompatible } from "./roles.ts";
import { soundBlock, soundSimilarity } from "../text/phonetic.ts";
import { isTranslitChar } from "../text/text-scan.ts";
import { isGenericBody } from "./find-bodies.ts";

/** User decisions from the alias file: forms that must or must not be one entity. */
export interface AliasDecisions {
  /** Each group names one entity: canonical name first, then variants, Latin names or Wikidata ids. */
  same: { name: string; latin?: string; wikidata?: string; variants: string[] }[];
  /** Pairs of forms that are never the same entity. */
  notSame: [string, string][];
}

/** The entities of one article, as the chainer found them. */
export interface ArticleEntities {
  article: string;
  entities: ArticleEntity[];
}

/** One real-world entity across articles. */
export interface ResolvedEntity {
  key: string;
  kind: "Person" | "Org";
  name: string;
  latin?: string;
  wikidata?: string;
  aliases: string[];
  titles: string[];
  mergedBecause: MergeReason[];
  /** The article chains this entity was built from. */
  members: { article: string; entity: ArticleEntity }[];
}

/** A merge the resolver considered but did not make, for `quotegraph aliases` to show. */
export interface MergeCandidate {
  a: string;
  b: string;
  score: number;
  reasons: string[];
}

// Across articles a sound-alike needs this score plus a shared role (谢尔曼 ~ 舍曼 = 0.83, 佩斯科夫 ~ 佩斯科娃 = 0.78).
const CROSS_ARTICLE_SOUND = 0.8;
const CANDIDATE_SOUND = 0.7;

const COUNTRY_FOLD: [RegExp, string][] = [
  [/^俄国|^俄(?!罗斯)/, "俄罗斯"],
  [/^美(?!国)/, "美国"],
  [/^中(?!国)/, "中国"],
];

/** A form with script, spacing and country abbreviations folded, for exact matching of organisations. */
function foldForm(key: string): string {
  let k = key.replace(/[\s·•‧・･∙⋅．\-—]/g, "").toLowerCase();
  for (const [re, full] of COUNTRY_FOLD) k = k.replace(re, full);
  return k;
}

/**
 * Joins the article chains into entities across articles, strongest evidence first: user decisions, the
 * registry, the same Latin name, the same written form with compatible roles, then sound-alike transliterations
 * backed by a shared role. Blocking keys (form, Latin name, sound key) keep it far from quadratic.
 */
export function resolveAliases(
  articles: ArticleEntities[],
  decisions: AliasDecisions = { same: [], notSame: [] },
): { entities: ResolvedEntity[]; candidates: MergeCandidate[] } {
  const items = articles.flatMap((a) => a.entities.map((entity) => ({ article: a.article, entity })));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const reasons = new Map<number, MergeReason[]>();
  const notSame = new Set(decisions.notSame.flatMap(([a, b]) => [`${a}\u0000${b}`, `${b}\u0000${a}`]));
  // Per-root sets of forms and Latin names, kept up to date on every union (no scans over all items).
  const rootForms = items.map((it) => new Set(it.entity.keys));
  const rootLatins = items.map((it) => new Set(it.entity.latin ? [it.entity.latin.toLowerCase()] : []));
  const blocked = (a: number, b: number): boolean => {
    const fa = rootForms[find(a)]!;
    const fb = rootForms[find(b)]!;
    // forms × forms of two entities: only worth walking when the alias file says some forms are not the same
    if (notSame.size) for (const x of fa) for (const y of fb) if (notSame.has(`${x}\u0000${y}`)) return true;
    const la = rootLatins[find(a)]!;
    const lb = rootLatins[find(b)]!;
    // Two different Latin names are two people (two 史密斯), unless one is a respelling of the other.
    for (const x of la) for (const y of lb) if (!latinCompatible(x, y)) return true;
    return false;
  };
  const union = (a: number, b: number, reason: MergeReason): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb || blocked(a, b)) return false;
    parent[rb] = ra;
    for (const f of rootForms[rb]!) rootForms[ra]!.add(f);
    for (const l of rootLatins[rb]!) rootLatins[ra]!.add(l);
    const merged = reasons.get(ra) ?? [];
    merged.push(...(reasons.get(rb) ?? []), reason);
    reasons.set(ra, merged);
    reasons.delete(rb);
    return true;
  };

  const joinByKey = (keyOf: (i: number) => string[], reason: string): void => {
    const first = new Map<string, number>();
    items.forEach((_, i) => {
      for (const k of keyOf(i)) {
        const j = first.get(k);
        if (j === undefined) first.set(k, i);
        else union(j, i, { forms: [items[j]!.entity.keys[0]!, items[i]!.entity.keys[0]!], reason, score: 1 });
      }
    });
  };

  const userGroup = new Map<string, number>();
  decisions.same.forEach((group, g) => {
    for (const v of [group.name, ...group.variants, group.latin ?? "", group.wikidata ?? ""])
      if (v) userGroup.set(foldForm(v), g);
  });
  joinByKey((i) => {
    const e = items[i]!.entity;
    return [...e.keys, e.latin ?? ""]
      .map((k) => userGroup.get(foldForm(k)))
      .filter((g) => g !== undefined)
      .map((g) => `${e.kind}:user:${g}`);
  }, "alias file");
  joinByKey((i) => (items[i]!.entity.registry ? [`reg:${items[i]!.entity.registry!.id}`] : []), "registry");
  joinByKey(
    (i) => (items[i]!.entity.latin ? [`${items[i]!.entity.kind}:latin:${items[i]!.entity.latin!.toLowerCase()}`] : []),
    "same Latin name",
  );
  // The same written form: organisations always; persons with a distinctive form (a full given·surname name, a
  // native name of three characters, a Latin name) always; a bare surname (史密斯) only when roles agree.
  const byForm = new Map<string, number[]>();
  items.forEach((it, i) => {
    // a bare body name (政府, 外交部) is no name across articles: bodies merge under their canonical name only
    const keys = it.entity.keys.filter((k) => !(it.entity.kind === "Org" && isGenericBody(k)));
    if (it.entity.canonical) keys.push(it.entity.canonical);
    for (const k of keys) {
      const fk = `${it.entity.kind}:${foldForm(k)}`;
      // push, not spread: copying the list on every owner made a form found in 3,000 articles cost 4.5 M copies
      const owners = byForm.get(fk);
      if (owners) owners.push(i);
      else byForm.set(fk, [i]);
    }
  });
  for (const [fk, group] of byForm) {
    const distinctive = isDistinctiveForm(fk.slice(fk.indexOf(":") + 1));
    for (const i of group.slice(1)) {
      const a = items[group[0]!]!.entity;
      const b = items[i]!.entity;
      if (a.kind === "Person" && !distinctive && !rolesCompatible(roleWords(a.titles), roleWords(b.titles))) continue;
      union(group[0]!, i, { forms: [fk.slice(fk.indexOf(":") + 1)], reason: "same written form", score: 0.9 });
    }
  }
  // Sound-alike transliterations, compared form against form (distinct forms only) within blocks of the same
  // first two consonants, and merged only when a shared role backs the sound.
  const candidates: MergeCandidate[] = [];
  const formOwners = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (it.entity.kind !== "Person") return;
    for (const k of it.entity.keys)
      if (isTranslitChar(k[0]) && k.length >= 2) {
        const owners = formOwners.get(k);
        if (owners) owners.push(i);
        else formOwners.set(k, [i]);
      }
  });
  const blocks = new Map<string, string[]>();
  for (const form of formOwners.keys()) {
    const block = soundBlock(form);
    const forms = blocks.get(block);
    if (forms) forms.push(form);
    else blocks.set(block, [form]);
  }
  const rolesOf = (i: number): Set<string> => roleWords(items[i]!.entity.titles);
  for (const forms of blocks.values()) {
    for (let x = 0; x < forms.length; x++) {
      for (let y = x + 1; y < forms.length; y++) {
        const fa = forms[x]!;
        const fb = forms[y]!;
        const score = soundSimilarity(fa, fb);
        if (score < CANDIDATE_SOUND) continue;
        // one representative per entity already joined (a common form has thousands of owners)
        const ownersA = [...new Map(formOwners.get(fa)!.map((i) => [find(i), i])).values()];
        const ownersB = [...new Map(formOwners.get(fb)!.map((i) => [find(i), i])).values()];
        for (const i of ownersA) {
          for (const j of ownersB) {
            if (find(i) === find(j)) continue;
            const ra = rolesOf(i);
            const rb = rolesOf(j);
            const sharedRole = ra.size > 0 && rb.size > 0 && rolesCompatible(ra, rb);
            if (score >= CROSS_ARTICLE_SOUND && sharedRole) {
              union(i, j, { forms: [fa, fb], reason: "sound-alike transliteration with a shared role", score });
            } else {
              candidates.push({
                a: items[i]!.entity.forms[0]!,
                b: items[j]!.entity.forms[0]!,
                score,
                reasons: [sharedRole ? "shared role" : "no shared role"],
              });
            }
          }
        }
      }
    }
  }

  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const group = groups.get(find(i));
    if (group) group.push(i);
    else groups.set(find(i), [i]);
  });
  const entities = [...groups].map(([root, members]) =>
    buildEntity(
      members.map((i) => items[i]!),
      reasons.get(root) ?? [],
      decisions,
    ),
  );
  return { entities, candidates: dedupeCandidates(candidates) };
}

function buildEntity(
  members: { article: string; entity: ArticleEntity }[],
  mergedBecause: MergeReason[],
  decisions: AliasDecisions,
): ResolvedEntity {
  const kind = members[0]!.entity.kind;
  const forms = unique(members.flatMap((m) => m.entity.forms));
  const registry = members.find((m) => m.entity.registry)?.entity.registry;
  const user = decisions.same.find((g) => forms.some((f) => [g.name, ...g.variants, g.latin].includes(f)));
  const latins = members.map((m) => m.entity.latin).filter((x): x is string => !!x);
  // an organisation takes a Latin name from the text only when most of its articles give it (民主党 is many parties)
  const textLatin = kind === "Person" || latins.length * 2 >= members.length ? mostCommon(latins) : undefined;
  const latin = user?.latin ?? registry?.latin ?? textLatin;
  const chinese = forms.filter((f) => /\p{Script=Han}/u.test(f));
  const canonical = members.find((m) => m.entity.canonical)?.entity.canonical;
  const fullest = canonical ?? [...chinese].sort((a, b) => b.length - a.length || a.localeCompare(b))[0];
  const name = user?.name ?? latin ?? fullest ?? forms[0]!;
  const entity: ResolvedEntity = {
    key: "",
    kind,
    name,
    aliases: forms,
    titles: unique(members.flatMap((m) => m.entity.titles)),
    mergedBecause: [...members.flatMap((m) => m.entity.mergedBecause), ...mergedBecause],
    members,
  };
  if (latin) entity.latin = latin;
  const wikidata = user?.wikidata ?? registry?.wikidata;
  if (wikidata) entity.wikidata = wikidata;
  entity.key = `${kind === "Person" ? "person" : "org"}:${slugify(latin ?? fullest ?? name)}`;
  return entity;
}

/** A person form distinctive enough to merge on alone: given·surname, Latin, or a native name of 3+ characters. */
function isDistinctiveForm(folded: string): boolean {
  if (/[a-z]/.test(folded) && folded.length >= 6) return true;
  if (folded.length >= 5) return true; // folding removed the dot of given·surname
  return folded.length >= 3 && !isTranslitChar(folded[0]) && /^\p{Script=Han}+$/u.test(folded);
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** A stable slug for node keys: Latin names lower-kebab-cased, Chinese kept as written. */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
}

function dedupeCandidates(candidates: MergeCandidate[]): MergeCandidate[] {
  const seen = new Set<string>();
  return candidates
    .filter((c) => {
      const k = [c.a, c.b].sort().join("\u0000");
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => b.score - a.score);
}
