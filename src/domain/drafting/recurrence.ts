import type { LibraryEntry } from "../library/types.js";
import { normalizeText } from "../matching/tokenize.js";

/**
 * A practice asked to be done again: "Are background checks re-run on existing employees at least
 * every three years?", "Are checks on existing staff repeated after they have joined, not only at
 * hiring?", "… re-screened periodically?". An entry that says the practice is done once (screening
 * "before their start date") and whose answer never speaks of doing it again does not say it is
 * repeated: its Yes would vouch for the repetition too.
 */
const DONE_AGAIN =
  /\bre-?(run|runs|screen|screens|screened|screening|check|checks|checked|verif(y|ies|ied)|vet|vetted|vetting|perform(s|ed)?|conduct(s|ed)?|validat(e|es|ed)|certif(y|ies|ied)|assess(es|ed)?|evaluat(e|es|ed)|done)\b|\brepeated (on|at|every|each|periodically|regularly|annually|after|when|for|throughout)\b|\b(existing|current|serving|tenured) (staff|employees|personnel|workforce|workers)\b[^?]{0,60}\b(ongoing|periodic(ally)?|again|repeated|every)\b/;

/** Words in an entry that say the practice recurs: a frequency, a trigger, or doing it again. */
const ENTRY_RECURS =
  /\bre-?(run|screen|check|verif|vet|perform|conduct|validat|certif|assess|evaluat|review)\w*|\b(periodic\w*|regular(ly)?|recurring|ongoing|repeat\w*|renew\w*|(every|each) (\w+ )?(years?|quarters?|months?|weeks?|days?|hours?|cycle)|(each|every|any) (\w+ ){0,2}(changes?|releases?|updates?|deployments?)|annual(ly)?|yearly|quarterly|monthly|weekly|daily|continuous(ly)?|(once|twice|times) (a|per|every) \w+|whenever|triggers?|triggered|on (any |a )?(significant |material |major )?changes?)\b/;

/** The question asks for the practice to be repeated, and the entry never speaks of doing it again. */
export function recurrenceMissed(question: string, entry: LibraryEntry): boolean {
  if (!DONE_AGAIN.test(normalizeText(question))) return false;
  // The answer is what the buyer reads: a phrasing that names the repetition ("… and rescreened in
  // accordance with defined conditions") says what was asked of the entry, not what it answers.
  return !ENTRY_RECURS.test(normalizeText(entry.answer));
}

/** A note when the question asks for the practice to be done again and the entry speaks only of once. */
export function recurrenceNote(question: string, entry: LibraryEntry): string | null {
  return recurrenceMissed(question, entry)
    ? "the question asks for the practice to be repeated, and the entry speaks of doing it once: please check it is done again"
    : null;
}
