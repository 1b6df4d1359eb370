import type { LibraryEntry } from "../library/types.js";
import { normalizeText } from "../matching/tokenize.js";

/**
 * Whose practice a question asks about. "Do your sub-processors perform background checks on their
 * own staff?", "Do you require all of your suppliers to hold ISO 27001?", "Do you share your
 * sub-processors' SOC 2 reports?" ask about the vendor's suppliers, and the entries on background
 * checks, certification or reports describe the vendor's own: their Yes would answer another question.
 */
const SUPPLIERS =
  "(sub-?processors?|suppliers?|vendors?|sub-?contractors?|service providers?|third parties|fourth parties)";

const ASKED_OF_SUPPLIERS = new RegExp(
  [
    // The suppliers as the subject: "Do your sub-processors perform…", "Are all of your vendors…".
    `\\b(do|does|are|is|have|has|will|must|can|would) (all |any )?(of )?your ${SUPPLIERS}\\b(?! (list|register|inventory|page)\\b)`,
    // What the vendor requires of them: "require all of your suppliers to hold…".
    `\\b(require|requires|required|ensure|ensures|oblige|obliges|mandate|mandates|expect|expects) (that )?(all |any )?(of )?your ${SUPPLIERS}\\b`,
    // Theirs: "your sub-processors' SOC 2 reports", "your vendors' own staff".
    `\\byour ${SUPPLIERS}'s? (own )?(staff|employees|personnel|people|soc ?2|iso|insurance|reports?|certificat\\w*|audits?|policies|background)\\b`,
  ].join("|"),
);

/** Words that make an entry about suppliers ("third-party audit report" names an auditor, not a supplier). */
const ENTRY_OF_SUPPLIERS = new RegExp(`\\b${SUPPLIERS}\\b|\\bfourth[\\s-]part`);

/** The question asks about a practice of the vendor's suppliers, not of the vendor. */
export function askedOfSuppliers(question: string): boolean {
  return ASKED_OF_SUPPLIERS.test(normalizeText(question));
}

/** The entry's question or a phrasing is about suppliers, sub-processors or vendors. */
export function entryOfSuppliers(entry: LibraryEntry): boolean {
  return [entry.question, ...entry.phrasings].some((t) => ENTRY_OF_SUPPLIERS.test(normalizeText(t)));
}

/** A note when the question asks about suppliers and the entry answers for the vendor itself. */
export function supplierPartyNote(question: string, entry: LibraryEntry): string | null {
  return askedOfSuppliers(question) && !entryOfSuppliers(entry)
    ? "the question asks about the practice of the vendor's suppliers or sub-processors, and the entry describes the vendor's own: please check it answers for them"
    : null;
}
