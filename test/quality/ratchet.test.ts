import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs development script, shared with `npm run eval`; it has no type declarations
import { buildAndScore, scoreRows, unpackDevArticles } from "../../scripts/eval-gold.mjs";

// The quality ratchet: both gold sets are built and scored as `npm run eval` does, and every score must stay at or
// above the level recorded in ratchet.json (wrong speakers and duplicates at or below it). The gold files and the
// corpus live in ../shared beside the checkout; without them the suite says so and skips.
const root = fileURLToPath(new URL("../../", import.meta.url));
const shared = process.env["QUOTEGRAPH_SHARED"] ?? join(root, "..", "shared");
const levels = JSON.parse(readFileSync(new URL("./ratchet.json", import.meta.url), "utf8")) as Record<
  "seeds" | "dev",
  Record<string, number>
>;
const available =
  existsSync(join(shared, "gold", "pen-dev.gold.json")) && existsSync(join(shared, "corpus", "pen-2411.tar.xz"));
if (!available) console.warn(`quality ratchet skipped: no gold or corpus in ${shared}`);

type Scores = unknown;
const work = mkdtempSync(join(tmpdir(), "quotegraph-ratchet-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const lowerIsBetter = (name: string): boolean => name.includes("wrong") || name.includes("duplicated");

describe.skipIf(!available)("quality ratchet", () => {
  const scores: Partial<Record<"seeds" | "dev", Scores>> = {};
  const scoreOf = (set: "seeds" | "dev"): [string, number][] => {
    if (!scores[set]) {
      scores[set] =
        set === "seeds"
          ? buildAndScore(join(shared, "gold", "seeds.gold.json"), [join(root, "samples")], join(work, "seeds"))
          : buildAndScore(
              join(shared, "gold", "pen-dev.gold.json"),
              [unpackDevArticles(join(work, "dev-in"))],
              join(work, "dev"),
            );
    }
    return scoreRows(scores[set]) as [string, number][];
  };

  for (const set of ["seeds", "dev"] as const) {
    it(`keeps every ${set} score at the level reached`, () => {
      const fallen = scoreOf(set)
        .filter(([name, value]) => {
          const level = levels[set][name];
          if (level === undefined) return false;
          return lowerIsBetter(name) ? value > level + 1e-9 : value < level - 1e-9;
        })
        .map(
          ([name, value]) => `${name}: ${(100 * value).toFixed(1)} (level ${(100 * levels[set][name]!).toFixed(1)})`,
        );
      expect(fallen, `scores below the ratchet on the ${set} gold`).toEqual([]);
    });
  }
});
