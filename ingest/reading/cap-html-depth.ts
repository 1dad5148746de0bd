/**
 * Elements nested deeper than this are unwrapped before parsing: their text stays, their tags go. Chromium's
 * parser stops nesting at 512 too (kMaximumHTMLParserDOMTreeDepth). Real pages stay under 60; parse5 takes
 * quadratic time in the depth (20,000 nested <div>s: 6.5 s; 100,000: minutes) and cheerio's text helpers
 * recurse, so a pathological file would otherwise stall or crash the reader.
 */
export const MAX_HTML_DEPTH = 512;

// Elements that never hold children, and elements the parser closes implicitly rather than nesting (<p><p>).
const VOID = new Set(
  (
    "area base br col embed hr img input link meta param source track wbr " +
    "keygen command basefont bgsound frame image isindex nextid spacer"
  ).split(" "),
);
const NOT_NESTING = new Set(
  "p li dt dd tr td th option optgroup rb rt rp rtc thead tbody tfoot colgroup caption html head body".split(" "),
);
// Their content is text up to the matching end tag, never tags (not <noscript>: cheerio parses it as markup).
const RAW_TEXT = new Set("script style textarea title xmp iframe noembed noframes".split(" "));
// Neither the name nor the attributes run over another "<", so a file of unclosed "<a<a<a" stays linear.
const TAG = /<(\/?)([A-Za-z][^\s/<>]*)[^<>]*?(\/?)>/y;

/**
 * The tags of an HTML document or fragment nested deeper than `maxDepth` removed (a linear scan, not a parse),
 * and the deepest nesting seen (-1 when the document has too few tags to need the scan).
 */
export function capHtmlDepth(html: string, maxDepth = MAX_HTML_DEPTH): { html: string; deepest: number } {
  // a document with fewer tags than the limit cannot nest deeper than it
  if (countAtMost(html, "<", maxDepth + 1) <= maxDepth) return { html, deepest: -1 };
  // ASCII letters only: toLowerCase() can change the length of other characters (İ), and offsets must agree
  const lower = html.replace(/[A-Z]+/g, (w) => w.toLowerCase());
  const lastGt = html.lastIndexOf(">");
  const stack: { name: string; dropped: boolean }[] = [];
  const open = new Map<string, number>();
  const drops: [number, number][] = [];
  let depth = 0;
  let deepest = 0;
  let foreign = 0;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0 || lt > lastGt) break;
    if (lower.startsWith("<!--", lt)) {
      const end = lower.indexOf("-->", lt + 4);
      if (end < 0) break; // an unclosed comment runs to the end of the file
      i = end + 3;
      continue;
    }
    if (html[lt + 1] === "!" || html[lt + 1] === "?") {
      i = html.indexOf(">", lt) + 1; // found: lt <= lastGt
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m) {
      i = lt + 1;
      continue;
    }
    i = TAG.lastIndex;
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      // an end tag closes the innermost open element of its name and everything opened inside it
      if (!open.get(name)) continue;
      let at = stack.length - 1;
      while (stack[at]!.name !== name) at--;
      if (stack[at]!.dropped) drops.push([lt, i]);
      for (const closed of stack.splice(at)) {
        open.set(closed.name, open.get(closed.name)! - 1);
        if (!closed.dropped) depth--;
        if (closed.name === "svg" || closed.name === "math") foreign--;
      }
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, i);
      if (end < 0) break;
      i = end;
      continue;
    }
    if (VOID.has(name) || NOT_NESTING.has(name) || (foreign > 0 && m[3])) continue;
    if (name === "svg" || name === "math") foreign++;
    const dropped = depth >= maxDepth;
    if (dropped) drops.push([lt, i]);
    else depth++;
    stack.push({ name, dropped });
    open.set(name, (open.get(name) ?? 0) + 1);
    deepest = Math.max(deepest, stack.length);
  }
  if (drops.length === 0) return { html, deepest };
  let out = "";
  let from = 0;
  for (const [start, end] of drops) {
    out += html.slice(from, start);
    from = end;
  }
  return { html: out + html.slice(from), deepest };
}

function countAtMost(text: string, ch: string, limit: number): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0 && n < limit; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
