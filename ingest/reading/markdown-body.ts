/** Escapes text for inclusion in HTML. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Link text stops at the next "[" and targets are bounded: with `[^\]]*` every "[" of a line without "]" scanned
// to its end, so a line of 50,000 "[" took 4.5 s (quadratic). No link in the Citizen News archive comes near these.
const IMAGE = /!\[([^[\]]{0,1000})\]\([^)]{0,4000}\)/g;
const LINK = /\[([^[\]]{0,1000})\]\([^)]{0,4000}\)/g;

/** Strips inline Markdown (links, images, emphasis, code) from one line of text, keeping the words. */
function stripInline(line: string): string {
  return line
    .replace(IMAGE, "")
    .replace(LINK, "$1")
    .replace(/(\*\*|__|\*|_|`)(?=\S)([^*_`]+?)\1/g, "$2");
}

/**
 * Turns a Markdown body (which may already hold HTML blocks, as the Citizen News archive does) into HTML
 * that the HTML body extractor understands: blank-line blocks become paragraphs, `#` lines headings,
 * image-only lines images, and raw HTML blocks pass through.
 */
export function markdownToHtml(body: string): string {
  const out: string[] = [];
  for (const block of body.split(/\r?\n\s*\r?\n/)) {
    const trimmed = block.trim();
    if (!trimmed) continue;
    if (trimmed.startsWith("<")) {
      out.push(trimmed);
      continue;
    }
    for (const line of trimmed.split(/\r?\n/)) {
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      if (heading)
        out.push(`<h${heading[1]!.length}>${escapeHtml(stripInline(heading[2] ?? ""))}</h${heading[1]!.length}>`);
      else if (/^\s*!\[[^[\]]{0,1000}\]\([^)]{0,4000}\)\s*$/.test(line)) out.push("<img>");
      else if (/^\s*([-*_]\s*){3,}$/.test(line)) out.push("<hr>");
      else out.push(`<p>${escapeHtml(stripInline(line.replace(/^\s*(?:[-*+]|\d+\.|>)\s+/, "")))}</p>`);
    }
  }
  return out.join("\n");
}
