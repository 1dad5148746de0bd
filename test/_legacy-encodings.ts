/**
 * Encoders for the legacy Chinese encodings, built by inverting Node's own decoders over their two-byte tables
 * (Node can decode GB18030 and Big5 but has no encoder for them). Tests use them to write GBK and Big5 files.
 */
const tables = new Map<string, Map<string, number[]>>();

function tableOf(encoding: "gbk" | "big5"): Map<string, number[]> {
  const cached = tables.get(encoding);
  if (cached) return cached;
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number[]>();
  // Big5's own table starts at 0xA1; the HKSCS additions below it repeat some characters, so they come last
  const leads = encoding === "big5" ? [...range(0xa1, 0xfe), ...range(0x81, 0xa0)] : range(0x81, 0xfe);
  for (const lead of leads)
    for (const trail of [...range(0x40, 0x7e), ...range(0x80, 0xfe)]) {
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if ([...ch].length === 1 && ch !== "\uFFFD" && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  tables.set(encoding, table);
  return table;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Encodes text as GBK (which GB18030 and GB2312 readers read alike) or Big5; throws for a character outside it. */
export function encodeLegacy(text: string, encoding: "gbk" | "big5"): Buffer {
  const table = tableOf(encoding);
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`${ch} (U+${code.toString(16)}) has no ${encoding} code`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
