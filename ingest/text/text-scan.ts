import { LEXICON } from "./lexicons.ts";

/** A match of a lexicon word in a text. */
export interface WordHit {
  word: string;
  start: number;
  end: number;
}

/**
 * Words to find in texts: a trie over UTF-16 code units. The lexicons hold hundreds of words (registry names,
 * titles, places), and a RegExp alternation of them tried every word at every position: three times slower.
 */
export interface WordTrie {
  readonly root: TrieNode;
  /** 1 at the code units that start a word, so that most positions of a text cost one array read. */
  readonly starts: Uint8Array;
}

interface TrieNode {
  readonly next: Map<number, TrieNode>;
  /** The word that ends at this node, if any. */
  word: string | undefined;
}

/** Builds the trie of a list of words (empty ones are left out: they would match everywhere). */
export function buildWordTrie(words: readonly string[]): WordTrie {
  const root: TrieNode = { next: new Map(), word: undefined };
  const starts = new Uint8Array(65536);
  for (const word of words) {
    if (!word) continue;
    let node = root;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = { next: new Map(), word: undefined }));
      node = child;
    }
    node.word = word;
    starts[word.charCodeAt(0)] = 1;
  }
  return { root, starts };
}

/** Every non-overlapping occurrence of the trie's words, leftmost-longest. */
export function findWords(text: string, words: WordTrie): WordHit[] {
  const hits: WordHit[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    let node = words.starts[code] ? words.root.next.get(code) : undefined;
    let word: string | undefined;
    let end = i;
    for (let j = i + 1; node; j++) {
      if (node.word !== undefined) {
        word = node.word;
        end = j;
      }
      node = j < text.length ? node.next.get(text.charCodeAt(j)) : undefined;
    }
    if (word === undefined) i++;
    else {
      hits.push({ word, start: i, end });
      i = end;
    }
  }
  return hits;
}

/** Characters that end a native name when they follow it: verbs, prepositions, particles, dates, punctuation. */
export const NAME_FOLLOWERS = new Set([
  ..."正仍才便皆表说在今昨明指称周星于对与和同跟的是也则还已将曾日等就向到被把为及亦均都会要不并所再又即已、，。；：！？「」“”（）()【】《》 \n·",
]);

const NAME_DOTS = new Set(["·", "•", "‧", "・", "･", "∙", "⋅", "．", "."]);

/** True for the middle dots that join the parts of a transliterated name (温迪·谢尔曼). */
export const isNameDot = (ch: string | undefined): boolean => ch !== undefined && NAME_DOTS.has(ch) && ch !== ".";

/** True for characters Chinese uses to transliterate foreign names. */
export const isTranslitChar = (ch: string | undefined): boolean => ch !== undefined && LEXICON.translitChars.has(ch);

// The same two tests by UTF-16 code unit, for the scans that look at every character of a text: text[i] makes a new
// string of each Han character, and hashing it for a set lookup cost more than the rest of those scans.
const NAME_DOT_CODES = new Set([...NAME_DOTS].filter((d) => isNameDot(d)).map((d) => d.charCodeAt(0)));
const TRANSLIT_CODES = new Uint8Array(65536);
for (const ch of LEXICON.translitChars) if (ch.length === 1) TRANSLIT_CODES[ch.charCodeAt(0)] = 1;

/** isNameDot(text[at]), without making a string of the character. */
export const isNameDotAt = (text: string, at: number): boolean => NAME_DOT_CODES.has(text.charCodeAt(at));

/** isTranslitChar(text[at]), without making a string of the character (false outside the text). */
export const isTranslitAt = (text: string, at: number): boolean => TRANSLIT_CODES[text.charCodeAt(at)] === 1;

/** True for a Han character. */
export const isHan = (ch: string | undefined): boolean => ch !== undefined && /\p{Script=Han}/u.test(ch);

/** Length of the transliterated-name run (translit characters joined by name dots) starting at `start`. */
export function translitRunLength(text: string, start: number, max = 16): number {
  let i = start;
  while (i < text.length && i - start < max) {
    if (isTranslitAt(text, i)) i++;
    else if (isNameDotAt(text, i) && isTranslitAt(text, i - 1) && isTranslitAt(text, i + 1)) i++;
    else break;
  }
  return i - start;
}

/** Position of the last character before `before` that matches `re`, or -1. */
export function lastBreak(s: string, before: number, re: RegExp): number {
  for (let i = before - 1; i >= 0; i--) if (re.test(s[i]!)) return i;
  return -1;
}

/** Position of the first character from `from` on that matches `re`, or the text's length. */
export function nextBreak(s: string, from: number, re: RegExp): number {
  for (let i = from; i < s.length; i++) if (re.test(s[i]!)) return i;
  return s.length;
}
