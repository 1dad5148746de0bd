import { describe, expect, it } from "vitest";
import { assembleGraph } from "../../../ingest/graph/assemble-graph.ts";
import { chainMentions } from "../../../ingest/entities/chain-mentions.ts";
import { extractArticle } from "../../../ingest/extract-article.ts";
import { findMeetings } from "../../../ingest/meetings/find-meetings.ts";
import { readArticle } from "../../../ingest/reading/read-article.ts";
import { simplifyText } from "../../../ingest/text/simplify.ts";

// kyodo/2024/11/29/KYODO-追踪石破茂首相-29日 (excerpt): a leader's day, one line per entry
const SCHEDULE = [
  "追踪石破茂首相（29日）",
  "08:24 抵达官邸。",
  "08:39 会见官房长官林芳正。",
  "09:01 出席内阁会议。",
  "09:57 会见外相岩屋毅、外务审议官船越健裕。",
  "11:01 出席第216届临时国会开幕式。",
  "15:02 出席众院全体会议。发表施政演说。",
  "15:59 会见财务相加藤胜信、官房长官林芳正。",
  "18:48 抵达东京神田富山町的荞麦面店。（完）",
].join("\n");

function meetingsOf(text: string, published: string) {
  const s = simplifyText(text);
  const entities = chainMentions(text, s);
  return findMeetings(text, s, published, entities).map((m) => ({
    date: m.date,
    time: m.time,
    kind: m.kind,
    forms: m.forms,
    attendees: m.attendees.map((a) => entities.find((e) => e.id === a.entity)?.forms[0]),
  }));
}

describe("a published day schedule", () => {
  it("gives one meeting per entry that meets people or attends a meeting, dated by the title's day", () => {
    const ms = meetingsOf(SCHEDULE, "2024-11-29");
    expect(ms.map((m) => m.time)).toEqual(["08:39", "09:01", "09:57", "15:02", "15:59"]);
    expect(new Set(ms.map((m) => m.date))).toEqual(new Set(["2024-11-29"]));
    expect(ms.map((m) => m.kind)).toEqual(["meeting", "meeting", "meeting", "plenary session", "meeting"]);
    // the person the schedule follows attends every entry, with those the entry names
    expect(ms[2]!.attendees).toEqual(["石破茂", "岩屋毅"]);
    expect(ms[4]!.attendees).toContain("加藤胜信");
    expect(ms.every((m) => m.attendees[0] === "石破茂")).toBe(true);
    expect(ms[1]!.forms).toContain("内阁会议");
  });

  it("keeps entries of one day with the same minister apart across the graph (08:39 and 15:59)", () => {
    const read = readArticle("schedule.txt", SCHEDULE);
    if (!read.ok) throw new Error(read.issues.join("; "));
    const { graph } = assembleGraph([extractArticle({ ...read.value, published: "2024-11-29" })]);
    const meetings = graph.filterNodes((_k, a) => a["label"] === "Meeting");
    expect(meetings).toHaveLength(5);
  });

  it("reads no schedule into an article without one", () => {
    const ms = meetingsOf("石破茂29日上午会见了外相岩屋毅。", "2024-11-29");
    expect(ms.every((m) => m.time === undefined)).toBe(true);
  });
});
