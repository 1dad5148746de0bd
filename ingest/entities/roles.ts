import { LEXICON } from "../text/lexicons.ts";

/** Tense and status prefixes that do not change a role (前总统, 当选总统 → 总统). */
const ROLE_PREFIX = /^(前|当选|候任|代|现任|时任|新任)(?=.{2})/;

/** The head role words of a person's titles (美国常务副国务卿 → 常务副国务卿): the longest title word each ends with. */
export function roleWords(titles: string[]): Set<string> {
  const roles = new Set<string>();
  for (const t of titles) {
    const word = LEXICON.personTitles.find((w) => t.endsWith(w) && w.length >= 2);
    if (word) roles.add(word.replace(ROLE_PREFIX, ""));
  }
  return roles;
}

/** True when two sets of roles share one, or one side has none. 总统 and 副总统 are different roles. */
export function rolesCompatible(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  for (const r of a) for (const o of b) if (sameRole(r, o)) return true;
  return false;
}

/** 常务副国务卿 ~ 副国务卿 (a qualifier in front), but 副总统 ≁ 总统 (a deputy is another person). */
function sameRole(a: string, b: string): boolean {
  if (a === b) return true;
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.endsWith(short) && !long.slice(0, long.length - short.length).endsWith("副");
}
