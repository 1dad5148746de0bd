/** Turns a publication date as written (ISO, RFC 2822, epoch ms, 2022年1月10日) into YYYY-MM-DD, or undefined. */
export function parsePublishedDate(raw: string | number | Date | undefined): string | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString().slice(0, 10);
  if (typeof raw === "number") return parsePublishedDate(new Date(raw));
  const s = raw.trim();
  // An ISO timestamp with its own offset keeps the local date it was written with (2024-11-23T11:34:03+08:00).
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const zh = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(s);
  if (zh) return `${zh[1]}-${zh[2]!.padStart(2, "0")}-${zh[3]!.padStart(2, "0")}`;
  if (/^\d{12,14}$/.test(s)) return parsePublishedDate(Number(s));
  const parsed = new Date(s);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString().slice(0, 10);
}
