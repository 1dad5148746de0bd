import { escapeRegExp, LEXICON } from "./lexicons.ts";

/** A match of a lexicon word in a text. */
export interface WordHit {
  word: string;
  start: number;
  end: number;
}

/** Builds a global RegExp matching any of the words, longest first. */
export function wordAlternation(words: readonly string[]): RegExp {
  const sorted = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length);
  // an empty list matches nothing (an empty alternation would match everywhere)
  if (!sorted.length) return /(?!)/g;
  return new RegExp(sorted.map(escapeRegExp).join("|"), "g");
}

/** Every non-overlapping occurrence of the pattern's words, leftmost-longest. */
export function findWords(text: string, pattern: RegExp): WordHit[] {
  const hits: WordHit[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    hits.push({ word: m[0], start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) pattern.lastIndex++;
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

/** True for a Han character. */
export const isHan = (ch: string | undefined): boolean => ch !== undefined && /\p{Script=Han}/u.test(ch);

/** Length of the transliterated-name run (translit characters joined by name dots) starting at `start`. */
export function translitRunLength(text: string, start: number, max = 16): number {
  let i = start;
  while (i < text.length && i - start < max) {
    const ch = text[i];
    if (isTranslitChar(ch)) i++;
    else if (isNameDot(ch) && isTranslitChar(text[i - 1]) && isTranslitChar(text[i + 1])) i++;
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
