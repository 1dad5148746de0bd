import { describe, expect, it } from "vitest";
import { findDates } from "../../../ingest/meetings/resolve-dates.ts";

describe("findDates", () => {
  it.each([
    ["2022年1月10日", "2022-01-14", "2022-01-10"],
    ["1月12日", "2022-01-14", "2022-01-12"],
    ["12月26日", "2022-01-10", "2021-12-26"], // seed 001: last December, in a January article
    ["10日", "2022-01-10", "2022-01-10"], // seed 002: 周一（10日）
    ["28日", "2022-01-03", "2021-12-28"],
    ["周日", "2022-01-10", "2022-01-09"], // seed 001, published Monday 10 January
    ["星期三", "2022-01-12", "2022-01-12"], // seed 004
    ["星期四", "2022-01-12", "2022-01-13"], // seed 004: the OSCE meeting the next day
    ["星期二", "2022-01-12", "2022-01-11"],
    ["上周四", "2022-01-10", "2022-01-06"], // seed 001: 上周四（1月6日）
    ["昨天", "2022-01-10", "2022-01-09"],
    // rthk/2024/11/08/RTHK-習近平將出席apec峰會-外交部-面向亞太重要元首外交行動: 本月13至17日 is this month's 13th, the first day of the range
    ["本月13至17日", "2024-11-08", "2024-11-13"],
    ["上月28日", "2024-11-08", "2024-10-28"],
    ["下个月5日", "2024-11-28", "2024-12-05"],
    ["11月18至19日", "2024-11-08", "2024-11-18"],
    ["13至17日", "2024-11-08", "2024-11-13"],
    // kyodo/2024/11/21/KYODO-石破结束南美之行回国…: a range whose first day carries 日 too is one date, not 4日 of this month
    ["12月2日至4日", "2024-11-21", "2024-12-02"],
    ["10日至12日", "2024-11-08", "2024-11-10"],
  ])("resolves %s against an article of %s to %s", (phrase, published, expected) => {
    expect(findDates(phrase, published)[0]?.date).toBe(expected);
  });

  it("reads a range with 日 on both days as one date (kyodo/2024/11/21/KYODO-石破结束南美之行回国…)", () => {
    expect(findDates("预计12月2日至4日将在众参两院全体会议实施各党代表质询", "2024-11-21").map((d) => d.date)).toEqual([
      "2024-12-02",
    ]);
  });

  it("keeps no date for a phrase it cannot pin without the article's date", () => {
    expect(findDates("周一", undefined)[0]?.date).toBeUndefined();
  });

  it("resolves 当天 to the day just named (seed 000: 1月13日报道，当天…)", () => {
    const ds = findDates("据路透社1月13日报道，当天俄罗斯同欧安组织会谈", "2022-01-14");
    expect(ds.map((d) => d.date)).toEqual(["2022-01-13", "2022-01-13"]);
  });
});
