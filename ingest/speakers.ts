import type { ArticleEntity } from "./chain-mentions.ts";
import { LEXICON } from "./lexicons.ts";
import { tagWords } from "./segment.ts";
import { simplifyText } from "./simplify.ts";

/** A place in the text that refers to an entity: a name, a title standing for a person, or a resolved pronoun. */
export interface Reference {
  entity: string;
  kind: "Person" | "Org";
  start: number;
  end: number;
  via: "name" | "title" | "pronoun";
}

/** A speech or reporting verb found on a word boundary. */
export interface SpeechVerb {
  verb: string;
  start: number;
  end: number;
  strong: boolean;
}

const STRONG = new Set(LEXICON.speechVerbs);
const WEAK = new Set(LEXICON.weakSpeechVerbs);
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
    if (!STRONG.has(w) && !WEAK.has(w)) {
      // jieba glues a one-character verb to the word before it (采访时说, 声明中称): the verb is the last character
      if (w.length === 2 && /[时中后里上]/.test(w[0]!) && /[说称]/.test(w[1]!))
        verbs.push({ verb: w[1]!, start: start + 1, end: offset, strong: true });
      continue;
    }
    let end = offset;
    // 警告 + 称, 补充 + 说: one verb
    const next = words[i + 1]?.word;
    if (next && VERB_TAILS.has(next)) end += next.length;
    verbs.push({ verb: s.slice(start, end), start, end, strong: STRONG.has(w) || end > offset });
  }
  return verbs;
}

/** Names of the entities, plus title phrases standing alone for a person named elsewhere in the article. */
export function findReferences(s: string, entities: ArticleEntity[]): Reference[] {
  const refs: Reference[] = [];
  for (const e of entities)
    for (const m of e.mentions) refs.push({ entity: e.id, kind: e.kind, start: m.start, end: m.end, via: "name" });
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
      refs.push({ entity: entity!, kind: "Person", start: at, end, via: "title" });
    }
  }
  return refs.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** A title and its shorter forms that still name a role precisely: 欧安组织新任轮值主席国波兰外交部长 → 波兰外交部长. */
function titleVariants(title: string): string[] {
  const out = new Set([title]);
  for (const place of LEXICON.placeNames) {
    const at = title.indexOf(place);
    if (at > 0) out.add(title.slice(at));
  }
  return [...out];
}

const PRONOUNS = /^(他们|她们|他|她|其)/;
// Names after these are objects (X对记者说, 与Y会谈) or causees (让普京可以…说: a hypothetical, not a report; not 使 or 令, which end titles: 大使, 司令).
const OBJECT_MARKERS = new Set([..."与同和对向跟给把被替及让"]);

/**
 * The speaker of a speech verb: the first name or title reference in the verb's clause that is not the object
 * of a preposition (X对记者说 → X), else a pronoun resolved to the last person before it, else the subject
 * carried over from an earlier clause of the same sentence (史密斯表达了…，并补充说 → Smith).
 */
export function findSubject(s: string, verbStart: number, refs: Reference[]): Reference | undefined {
  const quoted = /引述|援引/.exec(s.slice(Math.max(0, verbStart - 30), verbStart));
  if (quoted && /的话$/.test(s.slice(0, verbStart))) {
    const from = verbStart - 30 + quoted.index;
    const inside = refs.filter((r) => r.start >= from && r.end <= verbStart);
    const last = inside[inside.length - 1];
    if (last) return last;
  }
  let clauseEnd = verbStart;
  for (let hop = 0; hop < 4; hop++) {
    const clauseStart = lastBreak(s, clauseEnd) + 1;
    const clause = s.slice(clauseStart, clauseEnd);
    // 据路透社报道，…: an outlet's report frames the sentence and quotes nobody; 据X说 / 按照X的说法 do quote X
    const verbWord = s.slice(verbStart, verbStart + 2);
    if (/^(据|根据|按照|依照)/.test(clause) && hop === 0 && /^(报道|报导|消息|统计|数据)/.test(verbWord)) {
      return undefined;
    }
    const inClause = refs.filter(
      (r) =>
        r.start >= clauseStart &&
        r.end <= clauseEnd &&
        !OBJECT_MARKERS.has(s[r.start - 1] ?? "") &&
        !insideParentheses(s, r.start, clauseStart),
    );
    const subject = preferPersonOverTheirOrg(s, inClause);
    if (subject) return subject;
    const bare = clause.replace(CLAUSE_OPENERS, "");
    const pronoun = PRONOUNS.exec(bare);
    if (pronoun) return resolvePronoun(clauseStart, pronoun[1]!, refs);
    const reference = LEXICON.referenceWords.find((w) => clause.includes(w));
    if (reference) return lastPersonBefore(clauseStart, refs);
    // a clause whose subject is a country or place (俄罗斯还提醒…, 华盛顿则指出…) has a speaker that is no entity
    const place = LEXICON.placeNames.find((p) => bare.startsWith(p));
    if (place && PLACE_AS_SUBJECT.test(bare.slice(place.length))) return undefined;
    // carry the subject over from the clause before, but never across a sentence
    if (clauseStart === 0 || /[。！？!?\n]/.test(s[clauseStart - 1]!)) break;
    clauseEnd = clauseStart - 1;
  }
  return undefined;
}

// What follows a country or city that is the subject of its clause: an adverb, a time word, or nothing.
const PLACE_AS_SUBJECT = /^(方面)?([还也则又就已将曾都再亦并]|周|星期|今|昨|本|上|下|$)/;
const CLAUSE_OPENERS = /^(但是|但|而|并且|并|且|则|另外|此外|同时|不过|对此|与此同时|因此|随后|事实上)/;

/** 克里姆林宫发言人佩斯科夫表示: the person, not the organisation in their title (first reference otherwise). */
export function preferPersonOverTheirOrg(text: string, refs: Reference[]): Reference | undefined {
  const first = refs[0];
  if (!first || first.kind !== "Org") return first;
  const person = refs.find((r) => r.kind === "Person" && r.start >= first.end && r.start - first.end <= 14);
  if (person && !/[，。；：、]/.test(text.slice(first.end, person.start))) return person;
  return first;
}

/** 他/她 → the last person named before it (its own sentence first, then earlier ones). */
export function resolvePronoun(at: number, pronoun: string, refs: Reference[]): Reference | undefined {
  if (pronoun.endsWith("们")) return undefined;
  if (pronoun === "其") return refs.filter((r) => r.end <= at).pop();
  return lastPersonBefore(at, refs) ?? undefined;
}

function lastPersonBefore(at: number, refs: Reference[]): Reference | undefined {
  const before = refs.filter((r) => r.kind === "Person" && r.end <= at);
  const last = before[before.length - 1];
  return last ? { ...last, via: "pronoun" } : undefined;
}

function lastBreak(s: string, before: number): number {
  for (let i = before - 1; i >= 0; i--) {
    if (/[，,；;：:。！？\n]/.test(s[i]!)) return i;
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
