import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { LEXICON } from "./lexicons.ts";
import { lastBreak, nextBreak } from "./text-scan.ts";

/** A word with its part-of-speech tag, as jieba gives it. */
export interface TaggedWord {
  word: string;
  tag: string;
}

let jieba: Jieba | undefined;

/**
 * quotegraph's own lexicons as a jieba user dictionary ("word freq tag" lines): registry names (nr / nt), places
 * (ns), government bodies (nt), titles and speech verbs, so that 斯托尔滕贝格 stays one word tagged nr instead of 斯托尔/滕/贝格.
 */
export function lexiconDictionary(): string {
  const lines: string[] = [];
  for (const e of LEXICON.registry)
    for (const n of e.names)
      if (/^\p{Script=Han}/u.test(n) && !n.includes("·"))
        lines.push(`${n} 50000 ${e.label === "Person" ? "nr" : "nt"}`);
  for (const p of LEXICON.placeNames) lines.push(`${p} 50000 ns`);
  // (房屋局在…表示: a body's name stays one word rather than 房屋/局在)
  for (const b of LEXICON.genericBodyNames) if (b.length >= 3) lines.push(`${b} 20000 nt`);
  for (const t of LEXICON.personTitles) lines.push(`${t} 20000 n`);
  for (const v of [...LEXICON.speechVerbs, ...LEXICON.weakSpeechVerbs, ...LEXICON.reportingWords])
    lines.push(`${v} 20000 v`);
  return lines.join("\n") + "\n";
}

/** The shared jieba instance: its default dictionary plus quotegraph's lexicons (loaded on first use: ~0.5 s). */
function getJieba(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(new TextEncoder().encode(lexiconDictionary()));
  }
  return jieba;
}

let lastText: string | undefined;
let lastTags: TaggedWord[] = [];
const WORD_CACHE = new Map<string, boolean>();
// Short texts (a name, a clause, the characters around a span) recur: on 485 Citizen News articles the stages tag
// 34,000 of them, only 8,400 distinct, and half the time jieba spends on them goes to repeats.
const SHORT_TEXT = 200;
const SHORT_CACHE = new Map<string, TaggedWord[]>();
const SHORT_CACHE_SIZE = 20_000;

/**
 * Segments and POS-tags simplified Chinese text with jieba (HMM on, for unknown words). The last long text and the
 * recent short ones are cached: callers only read the words they get.
 */
export function tagWords(text: string): TaggedWord[] {
  // several stages tag the same article text in a row: tag it once
  if (text === lastText) return lastTags;
  if (text.length <= SHORT_TEXT) {
    let tags = SHORT_CACHE.get(text);
    if (!tags) {
      tags = tagText(text);
      if (SHORT_CACHE.size >= SHORT_CACHE_SIZE) SHORT_CACHE.clear();
      SHORT_CACHE.set(text, tags);
    }
    return tags;
  }
  lastText = text;
  lastTags = tagText(text);
  return lastTags;
}

// jieba tags a word by the word alone (its dictionary entry, or a guess for a word it does not know), and the words
// of tag(text) are those of cut(text); but its binding makes a {tag, word} object per word, two thirds of the time
// of tag (2.5 s against 0.9 s for cut on 2,246 Citizen News articles). So the text is cut, and each word's tag is
// looked up among the tags jieba gave that word before: any word of any tag() output, in any context, comes with
// the tag it has everywhere.
const WORD_TAGS = new Map<string, string>();
const WORD_TAGS_SIZE = 100_000;
const CLAUSE_BREAK = /[，。！？；：\n]/;

/** jieba's tag(text, true), from cut(text, true) and the tags of the words seen so far. */
function tagText(text: string): TaggedWord[] {
  const jieba = getJieba();
  const words = jieba.cut(text, true);
  if (WORD_TAGS.size > WORD_TAGS_SIZE) WORD_TAGS.clear();
  const unseen = new Set<string>();
  for (const word of words) if (!WORD_TAGS.has(word)) unseen.add(word);
  if (unseen.size) {
    // new words, one per line: jieba reads most of them as one word on their own
    rememberTags(jieba.tag([...unseen].join("\n"), true));
    for (const word of unseen) if (WORD_TAGS.has(word)) unseen.delete(word);
  }
  if (unseen.size) {
    // the others (an unknown name its HMM glued to a character before it) in their clauses, then in the text
    rememberTags(jieba.tag(clausesHolding(text, words, unseen).join("\n"), true));
    for (const word of unseen) if (!WORD_TAGS.has(word)) return rememberTags(jieba.tag(text, true));
  }
  return words.map((word) => ({ tag: WORD_TAGS.get(word)!, word }));
}

/** The clauses of a text around the first occurrence of each of the words, as cut into `words`. */
function clausesHolding(text: string, words: string[], wanted: Set<string>): string[] {
  const left = new Set(wanted);
  const clauses: string[] = [];
  let offset = 0;
  for (const word of words) {
    if (left.delete(word)) {
      const from = lastBreak(text, offset, CLAUSE_BREAK) + 1;
      clauses.push(text.slice(from, nextBreak(text, offset + word.length, CLAUSE_BREAK)));
    }
    offset += word.length;
  }
  return clauses;
}

/** Remembers the tag of each tagged word; returns them. */
function rememberTags(tags: TaggedWord[]): TaggedWord[] {
  for (const t of tags) WORD_TAGS.set(t.word, t.tag);
  return tags;
}

/** True when jieba does not read the start of a span into the word before it (市政府, 中央政府 hold no bare 政府). */
export function startsOnWordBoundary(s: string, start: number): boolean {
  const from = Math.max(0, start - 4);
  let offset = from;
  for (const w of tagWords(s.slice(from, start + 2))) {
    if (offset === start) return true;
    offset += w.word.length;
    if (offset > start) return false;
  }
  return true;
}

/**
 * True when jieba, reading `s` from `start`, ends a word exactly at `end` rather than reading the end of the span
 * into the word after it (政府间, 国会山庄, 信息环境相关).
 */
export function endsOnWordBoundary(s: string, start: number, end: number): boolean {
  let offset = start;
  for (const w of tagWords(s.slice(start, end + 2))) {
    offset += w.word.length;
    if (offset === end) return true;
    if (offset > end) return false;
  }
  return true;
}

/**
 * True when jieba's dictionary knows the string as one ordinary word (周一, 方面, 高度) rather than as a
 * personal name; jieba splits real names it does not know (王毅 → 王/毅, 李家超 → 李家/超).
 */
export function isDictionaryWord(text: string): boolean {
  let known = WORD_CACHE.get(text);
  if (known === undefined) {
    const words = getJieba().tag(text, true);
    // "x" is jieba's tag for a string its HMM glued together without knowing it: an unknown name, not a word
    known = words.length === 1 && !words[0]!.tag.startsWith("nr") && words[0]!.tag !== "x";
    if (WORD_CACHE.size > 100_000) WORD_CACHE.clear();
    WORD_CACHE.set(text, known);
  }
  return known;
}
