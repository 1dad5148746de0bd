import { describe, expect, it } from "vitest";
import { isDictionaryWord, tagWords } from "../../../ingest/text/segment.ts";

describe("tagWords", () => {
  it("keeps a registry transliteration as one name (seed 004: 斯托尔滕贝格, which plain jieba splits)", () => {
    const words = tagWords("北约秘书长斯托尔滕贝格在布鲁塞尔对记者说");
    expect(words.find((w) => w.word === "斯托尔滕贝格")?.tag).toBe("nr");
    expect(words.find((w) => w.word === "布鲁塞尔")?.tag).toBe("ns");
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
