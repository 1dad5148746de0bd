import { describe, expect, it } from "vitest";
import { LEXICON } from "../../../ingest/text/lexicons.ts";
import { buildWordTrie, findWords } from "../../../ingest/text/text-scan.ts";

/** What findWords gave before the trie: a global alternation of the words, longest first. */
function findByAlternation(text: string, words: string[]): { word: string; start: number; end: number }[] {
  const sorted = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length);
  const re = new RegExp(sorted.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  return [...text.matchAll(re)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

describe("findWords", () => {
  it("takes the longest word at the leftmost position (联合国安理会, not 联合国)", () => {
    const trie = buildWordTrie(["联合国", "联合国安理会", "安理会"]);
    expect(findWords("联合国安理会和安理会", trie)).toEqual([
      { word: "联合国安理会", start: 0, end: 6 },
      { word: "安理会", start: 7, end: 10 },
    ]);
  });

  it("finds nothing with no words (an empty word would match everywhere)", () => {
    expect(findWords("任何文字", buildWordTrie(["", ""]))).toEqual([]);
  });

  it.each([
    ["titles", LEXICON.personTitles],
    ["places", LEXICON.placeNames],
    ["registry names", LEXICON.registry.flatMap((e) => e.names)],
  ])("finds the %s a RegExp alternation of them finds", (_, words) => {
    const text =
      "美国国务卿布林肯（Antony Blinken）周二在华盛顿与北大西洋公约组织秘书长吕特会面。" +
      "俄罗斯外交部发言人扎哈罗娃表示，北约—俄罗斯理事会已不复存在。弗拉基米尔·普京在莫斯科说：「……」";
    expect(findWords(text, buildWordTrie(words))).toEqual(findByAlternation(text, words));
  });
});
