import type { LibraryEntry } from "../library/types.js";
import { normalizeText } from "../matching/tokenize.js";
import { entryTexts } from "./entry-texts.js";

/**
 * A level of a scheme or a standard the question asks the practice to reach: "held in a FIPS 140-2
 * Level 3 HSM", "verified as meeting ASVS Level 3", "CIS Benchmark Level 1", "a WAF rule set at
 * paranoia level 2". The level is the figure asked: an entry that says the practice is done (FIPS
 * 140-2 validated modules, an ASVS-based review) and never states that level does not say it is
 * reached, and its Yes would vouch for it. A No holds at any level ("We do not hold CMMC"). A CIS
 * safeguard's implementation group ("IG2: Do you…?") labels the row, it asks for no level.
 */
const LEVEL = /\blevel (\d|one|two|three|four|five|iv|iii|ii|i)\b/g;
const NUMERAL: Readonly<Record<string, string>> = {
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  i: "1",
  ii: "2",
  iii: "3",
  iv: "4",
};
const numeral = (n: string): string => NUMERAL[n] ?? n;

/** The levels a text names, as "level 3" (a roman or spelled-out number in digits). */
function levelsIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(LEVEL)) out.add(`level ${numeral(m[1] ?? "")}`);
  return out;
}

/** The levels the question asks for that the entry never states. Options in parentheses ("(Level 1–4)") ask for none. */
export function levelsNotStated(question: string, entry: LibraryEntry): string[] {
  const asked = levelsIn(normalizeText(question).replace(/\([^()]*\)/g, " "));
  if (asked.size === 0) return [];
  const stated = new Set(entryTexts(entry).flatMap((t) => [...levelsIn(t)]));
  return [...asked].filter((l) => !stated.has(l));
}

/** A note when the question asks for a level of a scheme the entry does not state. */
export function levelNote(question: string, entry: LibraryEntry): string | null {
  const missing = levelsNotStated(question, entry);
  return missing.length > 0
    ? `the question asks for ${missing.map((l) => `"${l}"`).join(" and ")} of a scheme or standard, which the entry does not state: please check it is reached`
    : null;
}
