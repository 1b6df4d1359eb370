import type { LibraryEntry } from "../library/types.js";
import { normalizeText } from "../matching/tokenize.js";

/** Everything an entry says, normalised: its question, phrasings and answer (what the review checks read). */
export const entryTexts = (entry: LibraryEntry): string[] =>
  [entry.question, ...entry.phrasings, entry.answer].map(normalizeText);

/**
 * Whether any of the entry's texts uses these words: a question that asks about something (a regulator,
 * a visit, the hosting provider) is answered only by an entry that speaks of it.
 */
export const entrySpeaksOf = (entry: LibraryEntry, words: RegExp): boolean =>
  entryTexts(entry).some((t) => words.test(t));
