import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

/** A word with its part-of-speech tag, as jieba gives it. */
export interface TaggedWord {
  word: string;
  tag: string;
}

let jieba: Jieba | undefined;

/** The shared jieba instance with its default dictionary (loaded on first use: ~0.5 s). */
function getJieba(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Segments and POS-tags simplified Chinese text with jieba (HMM on, for unknown words). */
export function tagWords(text: string): TaggedWord[] {
  return getJieba().tag(text, true);
}

/**
 * True when jieba's dictionary knows the string as one ordinary word (周一, 方面, 高度) rather than as a
 * personal name; jieba splits real names it does not know (王毅 → 王/毅, 李家超 → 李家/超).
 */
export function isDictionaryWord(text: string): boolean {
  const words = tagWords(text);
  return words.length === 1 && !words[0]!.tag.startsWith("nr");
}
