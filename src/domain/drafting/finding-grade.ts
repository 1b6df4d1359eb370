import type { LibraryEntry } from "../library/types.js";
import { normalizeText } from "../matching/tokenize.js";

/**
 * The grade of an audit's findings a question asks about. ISO/IEC 17021-1 audits grade what they
 * find as major or minor nonconformities, with observations and opportunities for improvement below
 * them: "Were any minor nonconformities raised at your last surveillance audit?", "How many minor
 * and major nonconformities…?", "Which opportunities for improvement did the auditor record?". An
 * entry that says "no major nonconformities" says nothing of the minor ones, nor of observations:
 * its text would answer another grade than the one asked.
 */
const GRADES: readonly { readonly grade: string; readonly asked: RegExp; readonly stated: RegExp }[] = [
  {
    grade: "minor nonconformities",
    asked: /\bminor\b[^?.;]{0,30}\bnon-?conformit|\bnon-?conformit\w*[^?.;]{0,30}\bminor\b/,
    stated: /\bminor\b/,
  },
  {
    grade: "major nonconformities",
    asked: /\bmajor\b[^?.;]{0,30}\bnon-?conformit|\bnon-?conformit\w*[^?.;]{0,30}\bmajor\b/,
    stated: /\bmajor\b/,
  },
  {
    grade: "observations",
    asked:
      /\b(audit|auditors?|certification body|surveillance|non-?conformit\w*)\b[^?]*\bobservations\b|\bobservations\b[^?]*\b(audit|auditors?|certification body|surveillance)\b/,
    stated: /\bobservations?\b/,
  },
  {
    grade: "opportunities for improvement",
    asked: /\bopportunit(y|ies) for improvement\b|\bofis?\b/,
    stated: /\bopportunit(y|ies) for improvement\b|\bofis?\b/,
  },
];

/** The grades of findings the question asks about that the entry's answer never names. */
export function gradesNotStated(question: string, entry: LibraryEntry): string[] {
  const q = normalizeText(question);
  const asked = GRADES.filter((g) => g.asked.test(q));
  if (asked.length === 0) return [];
  const answer = normalizeText(entry.answer);
  return asked.filter((g) => !g.stated.test(answer)).map((g) => g.grade);
}

/** A note when the question asks about a grade of audit finding the entry does not speak of. */
export function findingGradeNote(question: string, entry: LibraryEntry): string | null {
  const missing = gradesNotStated(question, entry);
  return missing.length > 0
    ? `the question asks about ${missing.join(" and ")} raised by an audit, which the entry's answer does not speak of: please check`
    : null;
}
