import { describe, expect, it } from "vitest";
import { collectGarbage } from "../../src/build/collect-garbage.ts";

/** Allocates two million small objects (about 40 MB of heap) that nothing refers to once it returns. */
const allocateGarbage = (): number => Array.from({ length: 2_000_000 }, (_, i) => ({ i })).length;

describe("collectGarbage", () => {
  it("frees the objects nothing refers to any more, without node --expose-gc", () => {
    expect(allocateGarbage()).toBe(2_000_000);
    const before = process.memoryUsage().heapUsed;
    collectGarbage();
    expect(before - process.memoryUsage().heapUsed).toBeGreaterThan(20 * 1024 * 1024);
  });
});
