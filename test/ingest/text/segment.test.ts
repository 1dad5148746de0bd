import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { describe, expect, it } from "vitest";
import { isDictionaryWord, lexiconDictionary, tagWords } from "../../../ingest/text/segment.ts";

describe("tagWords", () => {
  it("keeps a registry transliteration as one name (seed 004: 斯托尔滕贝格, which plain jieba splits)", () => {
    const words = tagWords("北约秘书长斯托尔滕贝格在布鲁塞尔对记者说");
    expect(words.find((w) => w.word === "斯托尔滕贝格")?.tag).toBe("nr");
    expect(words.find((w) => w.word === "布鲁塞尔")?.tag).toBe("ns");
  });

  it("gives what jieba's own tag gives, from its cut and the tags of words seen before", () => {
    const jieba = Jieba.withDict(dict);
    jieba.loadDict(new TextEncoder().encode(lexiconDictionary()));
    // unknown names (罗健熙, 泽连斯基 written 泽伦斯基), Latin words and numbers, a text long enough not to be cached
    const texts = [
      "民主党主席罗健熙周二表示，泽伦斯基在基辅会见了美国国务卿布林肯。",
      "据Semafor报道，OpenAI首席执行官Sam Altman于2024年11月22日在旧金山发表讲话，称公司将投资100亿美元。",
      "罗健熙说：「我们不会放弃。」".repeat(20),
    ];
    for (const text of texts) expect(tagWords(text)).toEqual(jieba.tag(text, true));
  });
});

describe("isDictionaryWord", () => {
  it.each([
    ["周一", true],
    ["方面", true],
    ["罗健熙", false], // an unknown name: jieba's HMM glues it and tags it x
    ["王毅", false],
  ])("%s → %s", (word, expected) => {
    expect(isDictionaryWord(word)).toBe(expected);
  });
});
