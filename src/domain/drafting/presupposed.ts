import type { LibraryEntry } from "../library/types.js";
import { normalizeText, tokenize } from "../matching/tokenize.js";
import { polarityOf } from "./values.js";

/**
 * "Is outsourced development supervised and checked for security?", "Are shared accounts
 * monitored?": the question takes a practice as given and asks how it is overseen. Its subject is
 * read between the verb of being and the verb of oversight. "Controlled" and "restricted" are left
 * out: a practice not allowed at all is restricted, and the entry's No answers them. So are "Is any
 * …" (whether it happens at all) and "evaluated" ("Is any template evaluated on your servers?" is
 * run, not overseen).
 */
const OVERSIGHT_ASK =
  /^(is|are|was|were) (the |all )?((use|work|output|activities) of )?(?<subject>([\w-]+ ){1,4}?)((properly|adequately|appropriately|formally|regularly|independently|actively|effectively) )?(supervised|monitored|overseen|directed|reviewed|checked|audited|inspected|assessed|governed)\b/;

/** Words of a subject that name it (the tokenizer's stems, without its concept tokens). */
const naming = (text: string): string[] => tokenize(text).filter((t) => !t.startsWith("§"));

/**
 * The question asks how a practice is overseen, and the entry's No says the practice is not done at
 * all ("Do you rely on outsourced development?" No): there is nothing to oversee, so neither Yes
 * (a flip of the No) nor No (as if it went unchecked) is true. Most of the subject's words must be
 * the entry's own question's, so the No is the one about that very practice.
 */
export function overseesWhatEntryDenies(ask: string, entry: LibraryEntry, short: string): boolean {
  if (polarityOf(short) !== "no") return false;
  const subject = OVERSIGHT_ASK.exec(normalizeText(ask))?.groups?.subject;
  if (subject === undefined) return false;
  const words = naming(subject);
  const entryWords = new Set(naming(entry.question));
  return words.length > 0 && words.filter((w) => entryWords.has(w)).length * 2 > words.length;
}
