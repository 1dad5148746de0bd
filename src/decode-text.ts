import commonHanzi from "../ingest/lexicon/common-hanzi.json" with { type: "json" };

/** The text of an article file, with the encoding it was read in and what had to be repaired; or why not. */
export type DecodeResult =
  { ok: true; text: string; encoding: string; notes: string[] } | { ok: false; reason: string };

const COMMON_HANZI = new Set(commonHanzi.characters);
// Real Chinese text is 65-75% these characters (seed 001: 75%, a CNA page: 68%); a GB18030 file read as Big5 or
// the other way round is 3-6%, so anything under 30% is the wrong table or not Chinese text at all.
const MIN_COMMON_SHARE = 0.3;
// Only this much of a file is scored: 64 Ki characters say which table it is as well as the whole would.
const SCORED_CHARS = 65_536;
// A text file holds no control bytes but tab, newline and carriage return; binary data is full of them.
const MAX_CONTROL_SHARE = 0.1;
const SNIFFED_BYTES = 8192;

/** File signatures of the binary formats most often found with a wrong extension, for a clearer reason. */
const SIGNATURES: [string, number[]][] = [
  ["a PDF document", [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a ZIP archive (or a Word/Excel file)", [0x50, 0x4b, 0x03, 0x04]],
  ["a gzip archive", [0x1f, 0x8b]],
  ["an old Word/Excel file", [0xd0, 0xcf, 0x11, 0xe0]],
  ["a WebP/RIFF file", [0x52, 0x49, 0x46, 0x46]],
  ["an executable", [0x7f, 0x45, 0x4c, 0x46]],
];

/** How well a decoding reads as Chinese: its Han characters, how many are common ones, how many bytes were bad. */
interface Score {
  han: number;
  common: number;
  bad: number;
}

function scoreText(text: string): Score {
  const score: Score = { han: 0, common: 0, bad: 0 };
  let n = 0;
  for (const ch of text) {
    if (++n > SCORED_CHARS) break;
    if (ch === "\uFFFD") score.bad++;
    else if (/\p{Script=Han}/u.test(ch)) {
      score.han++;
      if (COMMON_HANZI.has(ch)) score.common++;
    }
  }
  return score;
}

const commonShare = (s: Score): number => (s.han === 0 ? 0 : s.common / s.han);

/**
 * Decodes the bytes of an article file. In order: a byte-order mark; valid UTF-8 (also when the file was cut in
 * the middle of a character); the charset an HTML `<meta>` tag or XML declaration names; else GB18030 (which reads
 * GBK and GB2312) or Big5, whichever reads as Chinese. NUL and other control bytes in a text are removed and
 * noted; a file made of them is binary and refused.
 */
export function decodeArticleBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: "the file is empty" };
  const bom = decodeWithBom(bytes);
  if (bom) return finish(bom.text, bom.encoding, []);
  const binary = binaryReason(bytes);
  if (binary) return { ok: false, reason: binary };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return finish(new TextDecoder(utf16).decode(bytes), utf16, [`read as ${utf16.toUpperCase()} without BOM`]);

  const utf8 = decodeUtf8(bytes);
  if (utf8) return finish(utf8.text, "utf-8", utf8.notes);

  const declared = declaredCharset(bytes);
  if (declared) {
    const text = decodeOrUndefined(declared.encoding, bytes);
    const score = text === undefined ? undefined : scoreText(text);
    // a page saved in another encoding than its tag says is common: trust the tag only when it reads cleanly
    if (
      text !== undefined &&
      score &&
      score.bad <= text.length / 1000 &&
      (score.han === 0 || commonShare(score) >= MIN_COMMON_SHARE)
    )
      return finish(text, declared.encoding, [`read as ${declared.label} (declared by ${declared.by})`]);
  }

  // the best reading among the Chinese tables and UTF-8 with its bad bytes replaced (a file damaged in one place)
  let best: { encoding: string; text: string; score: Score } | undefined;
  for (const encoding of ["gb18030", "big5", "utf-8"]) {
    const text = decodeOrUndefined(encoding, bytes);
    if (text === undefined) continue;
    const score = scoreText(text);
    const rank = (s: Score): number => s.common - 3 * s.bad;
    if (!best || rank(score) > rank(best.score)) best = { encoding, text, score };
  }
  if (best && commonShare(best.score) >= MIN_COMMON_SHARE && best.score.bad <= best.text.length / 100)
    return finish(best.text, best.encoding, [
      best.encoding === "utf-8"
        ? `${best.score.bad} invalid UTF-8 byte sequences replaced by U+FFFD`
        : `read as ${best.encoding === "big5" ? "Big5" : "GB18030/GBK"} (not UTF-8)`,
    ]);
  if (declared && decodeOrUndefined(declared.encoding, bytes) === undefined)
    return {
      ok: false,
      reason: `the file declares the encoding "${declared.label}", unknown here, and is not UTF-8, GB18030 or Big5 text`,
    };
  return { ok: false, reason: "not UTF-8, GB18030/GBK or Big5 text (nor Chinese text in any of them)" };
}

/** Removes NUL and other control characters (they break the GEXF export's XML) and notes how many there were. */
function finish(text: string, encoding: string, notes: string[]): DecodeResult {
  const out = [...notes];
  let clean = text.replace(/^\uFEFF/, "");
  let end = clean.length;
  while (end > 0 && clean.charCodeAt(end - 1) === 0) end--;
  const trailingNuls = clean.length - end;
  if (trailingNuls > 0) {
    clean = clean.slice(0, end);
    out.push(`ends in ${trailingNuls} NUL bytes (a write that was cut off?); read up to them`);
  }
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const controls = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
  const count = (clean.match(controls) ?? []).length;
  if (count > 0) {
    clean = clean.replace(controls, "");
    out.push(`removed ${count} NUL or other control characters`);
  }
  // a form feed separates pages of a text file: a paragraph break here
  clean = clean.replace(/\f/g, "\n\n");
  return { ok: true, text: clean, encoding, notes: out };
}

function decodeWithBom(bytes: Uint8Array): { text: string; encoding: string } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  return undefined;
}

/** Why the bytes are binary data rather than text, or undefined when they look like text. */
function binaryReason(bytes: Uint8Array): string | undefined {
  for (const [what, signature] of SIGNATURES)
    if (signature.every((b, i) => bytes[i] === b)) return `binary data: ${what}, not an article`;
  const sample = bytes.subarray(0, SNIFFED_BYTES);
  let nul = 0;
  let control = 0;
  for (const b of sample) {
    if (b === 0) nul++;
    else if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) control++;
  }
  // UTF-16 text without a BOM is half NUL bytes: sniffUtf16 reads it
  if (nul > 0 && sniffUtf16(bytes)) return undefined;
  // a file whose tail is NUL bytes only (cut off by a crash) is text up to them
  const textPart = trailingNulStart(sample);
  const nulInText = nul - (sample.length - textPart);
  if (textPart === 0) return "binary data: the file holds only NUL bytes";
  if ((nulInText + control) / textPart > MAX_CONTROL_SHARE)
    return `binary data: ${percent((nulInText + control) / textPart)} of the first bytes are NUL or control bytes`;
  return undefined;
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

function trailingNulStart(bytes: Uint8Array): number {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return end;
}

/**
 * UTF-16 without a BOM: every ASCII character (newlines, digits, Latin words) has a NUL byte on the same side of
 * the pair, and the other side is almost never NUL. The reading must then look like text: few bad sequences, and
 * mostly common characters when it is Chinese.
 */
function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length, SNIFFED_BYTES) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const [more, fewer, encoding] =
    oddNul >= evenNul ? [oddNul, evenNul, "utf-16le" as const] : [evenNul, oddNul, "utf-16be" as const];
  if (more < Math.max(2, n / 200) || fewer > more * 0.25) return undefined;
  const text = new TextDecoder(encoding).decode(bytes.subarray(0, n));
  const score = scoreText(text);
  if (score.bad > text.length / 100) return undefined;
  return score.han === 0 || commonShare(score) >= MIN_COMMON_SHARE ? encoding : undefined;
}

/** Strict UTF-8, forgiving only a character cut in half at the very end (a file whose copy was interrupted). */
function decodeUtf8(bytes: Uint8Array): { text: string; notes: string[] } | undefined {
  const strict = decodeOrUndefined("utf-8", bytes, true);
  if (strict !== undefined) return { text: strict, notes: [] };
  // step back over at most three continuation bytes (10xxxxxx) to the lead byte of the last character
  let lead = bytes.length - 1;
  while (lead > 0 && bytes.length - lead <= 3 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  if (lead <= 0 || bytes[lead]! < 0xc0) return undefined;
  const text = decodeOrUndefined("utf-8", bytes.subarray(0, lead), true);
  return text === undefined ? undefined : { text, notes: ["the file ends in the middle of a character"] };
}

function decodeOrUndefined(encoding: string, bytes: Uint8Array, fatal = false): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  } catch {
    // not this encoding (fatal), or a label this Node build does not know
    return undefined;
  }
}

/** The charset named in the first KiB by `<meta charset>`, `<meta http-equiv content-type>` or `<?xml encoding?>`. */
function declaredCharset(bytes: Uint8Array): { label: string; encoding: string; by: string } | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']?([\w.:-]+)/i.exec(head);
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  const found = xml
    ? { label: xml[1]!, by: "the XML declaration" }
    : meta
      ? { label: meta[1]!, by: "a <meta> tag" }
      : undefined;
  if (!found) return undefined;
  let encoding: string;
  try {
    encoding = new TextDecoder(found.label).encoding;
  } catch {
    return { ...found, encoding: found.label.toLowerCase() };
  }
  // UTF-8 was tried first; a page that says UTF-8 but is not has no declaration worth following
  if (encoding === "utf-8") return undefined;
  // WHATWG reads gb2312 and gbk as GB18030, a superset; say what the page said
  return { ...found, encoding };
}
