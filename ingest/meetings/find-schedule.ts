import type { ArticleEntity } from "../entities/chain-mentions.ts";
import type { ArticleMeeting } from "./find-meetings.ts";
import { findDates } from "./resolve-dates.ts";

// A leader's day as a news agency lists it (共同社's 追踪石破茂首相（29日）): the title names the person and the day.
const SCHEDULE_TITLE = /^追踪(\p{Script=Han}{2,6}?)(首相|总理|总统|主席)?[（(](\d{1,2})日[)）]/u;
// One entry of the list: a time of day, then what the person did (08:39 会见官房长官林芳正。).
const ENTRY = /^(\d{1,2}:\d{2})\s*(.+)$/gm;
// What makes an entry a meeting: meeting people, or attending, holding or joining a meeting.
const MEETS =
  /会见|接见|会晤|会谈|通电话|通话|面谈|共进(早餐|午餐|晚餐)|(出席|参加|主持|召开|举行).{0,30}(会议|会谈|峰会|晚宴|磋商)/;
// Entries of an event that is no meeting of people (开幕式, 纪念大会, 记者会: a speech to a hall or the press).
// (结束出席…首脑会议后回到东京: the return from a meeting held on other days)
const NOT_A_MEETING = /开幕式|闭幕式|典礼|纪念大会|仪式|记者会|答记者问|发布会|^结束/;
const KINDS: [RegExp, string][] = [
  [/全体会议/, "plenary session"],
  [/通电话|通话|电话会谈/, "call"],
  [/峰会|首脑会议/, "summit"],
  [/晚宴|共进/, "dinner"],
  [/会谈|磋商/, "talks"],
];

/**
 * The meetings of a published day schedule, one per entry that meets people or attends a meeting, each dated by
 * the title's day and attended by the person the schedule follows and everyone the entry names (会见外相岩屋毅、外务审
 * 议官船越健裕). Entries are told apart by their time: 08:39 会见官房长官林芳正 and 15:59 会见财务相加藤胜信、官房长官
 * 林芳正 are two meetings. Undefined when the article is no such schedule.
 */
export function findScheduleMeetings(
  text: string,
  s: string,
  published: string | undefined,
  entities: ArticleEntity[],
): ArticleMeeting[] | undefined {
  // (every article is asked: the title is tested before the text is scanned for entries)
  const title = SCHEDULE_TITLE.exec(s);
  if (!title) return undefined;
  const entries = [...s.matchAll(ENTRY)];
  if (entries.length < 3) return undefined;
  const day = findDates(title[0], published).find((d) => d.date);
  const persons = entities.filter((e) => e.kind === "Person");
  const subject = persons.find((e) => e.mentions.some((m) => m.start < title[0].length));
  const subjectAt = subject?.mentions.find((m) => m.start < title[0].length);
  const meetings: ArticleMeeting[] = [];
  for (const entry of entries) {
    const what = entry[2]!;
    if (!MEETS.test(what) || NOT_A_MEETING.test(what)) continue;
    const start = entry.index + entry[0].length - what.length;
    // (the entry's first sentence: 出席众院全体会议。发表施政演说。 is the session)
    const end = start + what.replace(/。.*$/, "").length;
    const attendees: ArticleMeeting["attendees"] = [];
    if (subject && subjectAt)
      attendees.push({ entity: subject.id, role: "participant", span: [subjectAt.start, subjectAt.end] });
    for (const e of persons) {
      const m = e.mentions.find((x) => x.start >= start && x.end <= end);
      if (m && e !== subject) attendees.push({ entity: e.id, role: "participant", span: [m.start, m.end] });
    }
    const meeting: ArticleMeeting = {
      id: `m${meetings.length}`,
      status: "held",
      forms: scheduleForms(text.slice(start, end)),
      spans: [[start, end]],
      attendees,
      parties: [],
      kind: KINDS.find(([re]) => re.test(what))?.[1] ?? "meeting",
      named: true,
      time: entry[1]!,
    };
    if (day?.date) {
      meeting.date = day.date;
      meeting.dateText = `${title[3]}日`;
    }
    meetings.push(meeting);
  }
  return meetings;
}

/**
 * The phrases an entry names its meeting by: the whole entry, the meeting attended (出席内阁会议 → 内阁会议) and the
 * first person met (会见外相岩屋毅、外务审议官船越健裕 → 会见外相岩屋毅).
 */
function scheduleForms(entry: string): string[] {
  const forms = [entry];
  const attended = /^(?:出席|参加|主持)(.{2,30}(?:会议|会谈|峰会|晚宴|磋商))$/.exec(entry);
  if (attended) forms.push(attended[1]!);
  const firstMet = /^(会见[^、，]{2,30})[、，]/.exec(entry);
  if (firstMet) forms.push(firstMet[1]!);
  return forms;
}
