import { pinyin } from "pinyin-pro";

// Initials that transliterations of one foreign sound swap between (x/sh/s for "sh", j/zh/z, q/ch/c, l/n/r).
const INITIAL_CLASSES: [RegExp, string][] = [
  [/^(zh|z|j)/, "Z"],
  [/^(ch|c|q)/, "C"],
  [/^(sh|s|x)/, "S"],
];

/** A sound key of a Chinese name: toneless pinyin with interchangeable initials folded and "er" dropped. */
export function soundKey(name: string): string {
  const syllables = pinyin(name.replace(/[·•‧・･∙⋅\s]/g, ""), { toneType: "none", type: "array", v: true }) as string[];
  return syllables
    .filter((syl) => syl !== "er")
    .map((syl) => {
      for (const [re, cls] of INITIAL_CLASSES) if (re.test(syl)) return syl.replace(re, cls);
      return syl;
    })
    .join("");
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

/** How alike two transliterations sound, 0..1 (谢尔曼 ~ 舍曼 ≈ 0.8, 泽连斯基 ~ 泽伦斯基 ≈ 0.8). */
export function soundSimilarity(a: string, b: string): number {
  const ka = soundKey(a);
  const kb = soundKey(b);
  if (!ka || !kb) return 0;
  if (ka === kb) return 1;
  return 1 - editDistance(ka, kb) / Math.max(ka.length, kb.length);
}
