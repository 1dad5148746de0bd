/** A date expression found in text and what it resolves to against the article's own date. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** YYYY-MM-DD, or undefined when the phrase does not pin a day (上月, 去年12月). */
  date?: string;
}

const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 0, 天: 0 };
const DATE_RE =
  /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*(?:[日号]?\s*[至到~\-－—]\s*\d{1,2}\s*)?[日号]|(?<![\d月年])(\d{1,2})\s*(?:[日号]\s*[至到~\-－—]\s*\d{1,2}\s*)?[日号](?![本元])|(上|本|下|这|上个|下个)?(?:周|星期|礼拜)([一二三四五六日天])|(前天|昨天|昨日|今天|今日|明天|明日|当天|当日)|(?<![\d月年])(本月|这个月|上月|上个月|下月|下个月)?(\d{1,2})\s*(?:[至到~\-－—]\s*\d{1,2}\s*)[日号]|(本月|这个月|上月|上个月|下月|下个月)(\d{1,2})\s*[日号]/g;
const RELATIVE_DAYS: Record<string, number | null> = {
  前天: -2,
  昨天: -1,
  昨日: -1,
  今天: 0,
  今日: 0,
  明天: 1,
  明日: 1,
  当天: null,
  当日: null,
};

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);

/**
 * Finds date phrases (2022年1月10日, 1月10日, 10日, 本月13至17日, 周一, 上周四, 昨天) and resolves each against the article's
 * publication date; a phrase that cannot be resolved keeps no date rather than a wrong one.
 */
export function findDates(s: string, published: string | undefined): DateMention[] {
  const base = published ? new Date(`${published.slice(0, 10)}T00:00:00Z`) : undefined;
  const out: DateMention[] = [];
  for (const m of s.matchAll(DATE_RE)) {
    const mention: DateMention = { start: m.index, end: m.index + m[0].length, text: m[0] };
    // 当天 is the day the text just named (1月13日报道，当天…), else the article's own date
    const sameDay = /^当[天日]$/.test(m[0]) ? out[out.length - 1]?.date : undefined;
    const date = sameDay ?? (base ? resolve(m, base) : explicitOnly(m));
    if (date) mention.date = date;
    out.push(mention);
  }
  return out;
}

function explicitOnly(m: RegExpMatchArray): string | undefined {
  if (m[1] && m[2] && m[3]) return `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  return undefined;
}

function resolve(m: RegExpMatchArray, base: Date): string | undefined {
  const year = base.getUTCFullYear();
  if (m[2] && m[3]) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    let y = m[1] ? Number(m[1]) : year;
    // 12月 in a January article is last year's December
    if (!m[1] && month - (base.getUTCMonth() + 1) > 6) y -= 1;
    if (!m[1] && base.getUTCMonth() + 1 - month > 6) y += 1;
    return valid(y, month, day);
  }
  // 本月13至17日, 上月5日: the month is given, the first day of a range is the date
  const monthWord = m[8] ?? m[10];
  if (monthWord) {
    const shift = monthWord.startsWith("上") ? -1 : monthWord.startsWith("下") ? 1 : 0;
    const first = new Date(Date.UTC(year, base.getUTCMonth() + shift, 1));
    return valid(first.getUTCFullYear(), first.getUTCMonth() + 1, Number(m[9] ?? m[11]));
  }
  const bareDay = m[4] ?? m[9];
  if (bareDay) {
    const day = Number(bareDay);
    let month = base.getUTCMonth() + 1;
    let y = year;
    // a day well after today's date belongs to last month (a 28日 in an article of the 3rd)
    if (day > base.getUTCDate() + 7) {
      month -= 1;
      if (month === 0) {
        month = 12;
        y -= 1;
      }
    }
    return valid(y, month, day);
  }
  if (m[6]) {
    const target = WEEKDAYS[m[6]]!;
    const modifier = m[5] ?? "";
    const today = base.getUTCDay();
    // Monday-based week of the article's date
    const mondayOffset = (today + 6) % 7;
    const weekStart = addDays(base, -mondayOffset);
    const dayInWeek = (target + 6) % 7;
    if (modifier.startsWith("上")) return iso(addDays(weekStart, dayInWeek - 7));
    if (modifier.startsWith("下")) return iso(addDays(weekStart, dayInWeek + 7));
    if (modifier === "本" || modifier === "这") return iso(addDays(weekStart, dayInWeek));
    // bare weekday: the nearest such day to the article's date, the past one on a tie
    const back = (today - target + 7) % 7;
    const forward = (target - today + 7) % 7;
    return iso(addDays(base, back <= forward ? -back : forward));
  }
  if (m[7]) {
    const delta = RELATIVE_DAYS[m[7]];
    return delta === null || delta === undefined ? iso(base) : iso(addDays(base, delta));
  }
  return undefined;
}

function valid(y: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(y, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return undefined;
  return iso(d);
}
