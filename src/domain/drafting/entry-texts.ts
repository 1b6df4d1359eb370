import type { LibraryEntry } from "../library/types.js";
import { normalizeText } from "../matching/tokenize.js";

/** Everything an entry says, normalised: its question, phrasings and answer (what the review checks read). */
export const entryTexts = (entry: LibraryEntry): string[] =>
  [entry.question, ...entry.phrasings, entry.answer].map(normalizeText);
