import { describe, expect, it } from "vitest";
import { chainMentions } from "../../../ingest/entities/chain-mentions.ts";
import { resolveAliases } from "../../../ingest/entities/resolve-aliases.ts";
import { simplifyText } from "../../../ingest/text/simplify.ts";
import { soundSimilarity } from "../../../ingest/text/phonetic.ts";

const article = (id: string, text: string) => ({ article: id, entities: chainMentions(text, simplifyText(text)) });

describe("resolveAliases", () => {
  it("merges sound-alike transliterations backed by a shared role (谢尔曼 ~ 舍曼, seeds 002 and 000)", () => {
    // 斯诺曼 / 施诺曼 are made-up names outside the registry: the merge must come from sound + role alone
    const { entities } = resolveAliases([
      article("a1", "美国副国务卿斯诺曼表示，会谈很艰难。"),
      article("a2", "美国常务副国务卿施诺曼形容，这只是一场讨论。"),
    ]);
    const persons = entities.filter((e) => e.kind === "Person");
    expect(persons).toHaveLength(1);
    expect(persons[0]!.mergedBecause.some((r) => r.reason.startsWith("sound-alike"))).toBe(true);
  });

  it("keeps two people with one surname apart when their Latin names differ (two 史密斯)", () => {
    const { entities } = resolveAliases([
      article("a1", "美国驻北约大使史密斯(Julianne Smith)对记者说，北约致力于外交。"),
      article("a2", "美国参议员史密斯(Tina Smith)表示，法案将通过。"),
    ]);
    expect(entities.filter((e) => e.kind === "Person")).toHaveLength(2);
  });

  it("does not merge sound-alikes whose roles conflict", () => {
    const { entities } = resolveAliases([
      article("a1", "美国副国务卿斯诺曼表示，会谈很艰难。"),
      article("a2", "著名歌手施诺曼表示，演出取消。"),
    ]);
    expect(entities.filter((e) => e.kind === "Person")).toHaveLength(2);
  });

  it("follows the alias file's same / not-same decisions", () => {
    const input = [
      article("a1", "美国副国务卿斯诺曼表示，会谈很艰难。"),
      article("a2", "美国常务副国务卿施诺曼形容，这只是一场讨论。"),
    ];
    const apart = resolveAliases(input, { same: [], notSame: [["斯诺曼", "施诺曼"]] });
    expect(apart.entities.filter((e) => e.kind === "Person")).toHaveLength(2);
    const named = resolveAliases(input, {
      same: [{ name: "Snowman", latin: "Snowman", variants: ["斯诺曼", "施诺曼"] }],
      notSame: [],
    });
    expect(named.entities.find((e) => e.kind === "Person")?.name).toBe("Snowman");
  });

  it("scores transliteration variants as alike and different names as not", () => {
    expect(soundSimilarity("泽连斯基", "泽伦斯基")).toBeGreaterThanOrEqual(0.8);
    expect(soundSimilarity("谢尔曼", "沙利文")).toBeLessThan(0.5);
  });
});
