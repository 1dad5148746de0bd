import * as OpenCC from "opencc-js";

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

/**
 * A simplified-script copy of `text` with exactly the same length, so offsets found in the copy are offsets in
 * the original. opencc converts phrase by phrase; where a phrase would change length the text is converted
 * character by character instead.
 */
export function simplifyText(text: string): string {
  const whole = toSimplified(text);
  if (whole.length === text.length) return foldNameDots(whole);
  let out = "";
  for (const ch of text) {
    const converted = toSimplified(ch);
    out += converted.length === ch.length ? converted : ch;
  }
  return foldNameDots(out);
}

/** The middle dots of transliterated names come in many code points (・ ‧ • ･); matching uses one. */
function foldNameDots(text: string): string {
  return text.replace(/[•‧・･∙⋅]/g, "·");
}
