import type { MatchIndex } from "./index.js";

/**
 * An entry about one regulation, named in every one of its texts ("Does your security program address
 * the NIS2 Article 21 measures?"), answers only a question that names it. Read by words alone it
 * also answered "How do you ensure your suppliers meet your security requirements?" (its phrasing
 * about suppliers of essential entities shares "meet", "suppliers", "requirements"), and its Yes said
 * the buyer's question was about NIS2. For a question that does not name it, the entry stays a
 * candidate under the draft bar. Only entries whose own question is about meeting the regulation
 * count ("comply", "address", "meet", "directive", "article"…): an entry that names "API" in every
 * text is about APIs, not a regulation.
 */
const ACRONYM = /\b[A-Z][A-Z0-9]{2,}\b/g;
const ABOUT_MEETING =
  /\b(comply|complies|compliant|compliance|address(es)?|align(ed|s)?|meet(s)?|subject to|under|directive|regulation|act|article)\b/i;

const byIndex = new WeakMap<MatchIndex, ReadonlyMap<string, RegExp>>();

/** Entry id → the regulation every text of it names (as a word to find). Computed once per index. */
function regulations(index: MatchIndex): ReadonlyMap<string, RegExp> {
  let all = byIndex.get(index);
  if (all) return all;
  const found = new Map<string, RegExp>();
  for (const e of index.entries) {
    if (!ABOUT_MEETING.test(e.question)) continue;
    const named = [e.question, ...e.phrasings].map((t) => new Set(t.match(ACRONYM) ?? []));
    const everywhere = [...(named[0] ?? [])].find((a) => named.every((n) => n.has(a)));
    if (everywhere) found.set(e.id, new RegExp(`\\b${everywhere}\\b`, "i"));
  }
  all = found;
  byIndex.set(index, all);
  return all;
}

/** Whether the entry is about a regulation the question does not name. */
export function regulationNotNamed(index: MatchIndex, question: string, entryId: string): boolean {
  const regulation = regulations(index).get(entryId);
  return regulation !== undefined && !regulation.test(question);
}

/**
 * A point of an article ("21(2)(d)", "Art. 28(3)(h)", "(NIS2 Art. 21(2)(e))") is one measure of the
 * regulation: supply chain security, secure development, audits. The buyer asks about that measure,
 * and the entry on the measure answers it; the entry on the regulation as a whole ("Does your
 * programme address the Article 21 measures?") answers every point alike, and its answer text names
 * them all, so read by words it led such rows. An article or paragraph alone ("Article 21(2)") still
 * points to the regulation.
 */
const ARTICLE_POINT = /\b\d{1,3}\(\d{1,2}\)\([a-z]{1,4}\)/i;

export function citesArticlePoint(question: string): boolean {
  return ARTICLE_POINT.test(question);
}

/** Whether the entry is about one regulation as a whole (see regulations()). */
export function isRegulationEntry(index: MatchIndex, entryId: string): boolean {
  return regulations(index).has(entryId);
}
