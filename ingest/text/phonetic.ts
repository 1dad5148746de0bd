import { pinyin } from "pinyin-pro";

// Initials that transliterations of one foreign sound swap between (x/sh/s for "sh", j/zh/z, q/ch/c, l/n/r).
const INITIAL_CLASSES: [RegExp, string][] = [
  [/^(zh|z|j)/, "Z"],
  [/^(ch|c|q)/, "C"],
  [/^(sh|s|x)/, "S"],
];

const SOUND_KEYS = new Map<string, string>();
// Bounded so that memory follows the number of distinct names, never the text.
const MAX_CACHED_KEYS = 200_000;

/** A sound key of a Chinese name: toneless pinyin with interchangeable initials folded and "er" dropped. */
export function soundKey(name: string): string {
  let key = SOUND_KEYS.get(name);
  if (key === undefined) {
    key = computeSoundKey(name);
    if (SOUND_KEYS.size >= MAX_CACHED_KEYS) SOUND_KEYS.clear();
    SOUND_KEYS.set(name, key);
  }
  return key;
}

/** A blocking key for sound-alike search: the first two consonants of the sound key (谢尔曼 Sieman, 舍曼 Seman → "Sm"). */
export function soundBlock(name: string): string {
  return soundKey(name)
    .replace(/[aeiouv|]/g, "")
    .slice(0, 2);
}

function computeSoundKey(name: string): string {
  const syllables = pinyin(name.replace(/[·•‧・･∙⋅．\s]/g, ""), {
    toneType: "none",
    type: "array",
    v: true,
  }) as string[];
  return syllables
    .filter((syl) => syl !== "er")
    .map((syl) => {
      for (const [re, cls] of INITIAL_CLASSES) if (re.test(syl)) return syl.replace(re, cls);
      return syl;
    })
    .join("|");
}

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/**
 * How alike two transliterations sound, 0..1: an edit distance over syllables, where swapping two syllables
 * costs how different they are and adding or dropping one costs 1 (谢尔曼 ~ 舍曼 0.83, 泽连斯基 ~ 泽伦斯基 0.88,
 * 佩斯科夫 ~ 佩斯科娃 0.75, 马斯克 ~ 迈克尔 0.56).
 */
export function soundSimilarity(a: string, b: string): number {
  const sa = soundSyllables(a);
  const sb = soundSyllables(b);
  if (!sa.length || !sb.length) return 0;
  const prev = Array.from({ length: sb.length + 1 }, (_, j) => j);
  for (let i = 1; i <= sa.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= sb.length; j++) {
      const x = sa[i - 1]!;
      const y = sb[j - 1]!;
      const sub = x === y ? 0 : editDistance(x, y) / Math.max(x.length, y.length);
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + sub);
      diag = tmp;
    }
  }
  return 1 - prev[sb.length]! / Math.max(sa.length, sb.length);
}

/** The syllables of a sound key (initial classes folded, "er" dropped). */
function soundSyllables(name: string): string[] {
  return soundKey(name).split("|").filter(Boolean);
}
