import { generateQuestionnaire } from "../../bench/match.js";
import { answerQuestion, type PreparedLibrary } from "../../src/domain/answering/answer-questions.js";
import type { CustomerContext } from "../../src/domain/answering/customer.js";
import { prepareLibrary } from "../../src/domain/answering/prepare.js";
import { normalizeText } from "../../src/domain/matching/tokenize.js";
import type { Question, QuestionKind } from "../../src/domain/questionnaire/types.js";
import { loadLibraryDir } from "../../src/library-files/load.js";

let prepared: Promise<PreparedLibrary> | null = null;
/** The shipped answer library, indexed once per test file. */
export const shippedLibrary = () => {
  prepared ??= loadLibraryDir("answer-library").then(prepareLibrary);
  return prepared;
};

/**
 * The texts the finder-equivalence tests run over: the library's own texts and 400 bench questions,
 * normalized as the matcher reads them.
 */
export async function libraryAndBenchTexts(): Promise<string[]> {
  const { library } = await shippedLibrary();
  return [
    ...library.entries.flatMap((e) => [e.question, ...e.phrasings, e.answer]),
    ...library.controls.flatMap((c) => [c.title, c.description]),
    ...generateQuestionnaire(library, 400).questions.map((q) => q.text),
  ].map(normalizeText);
}

export const US_NO_NDA: CustomerContext = { region: "us", ndaOnFile: false, asOf: "2026-11-24" };
export const US_NDA: CustomerContext = { region: "us", ndaOnFile: true, asOf: "2026-11-24" };

export function question(text: string, kind: QuestionKind = "yes_no", allowedValues: string[] | null = null): Question {
  return {
    id: "q1",
    sourceId: null,
    section: null,
    text,
    kind,
    allowedValues,
    location: { sheet: null, row: null, answerCell: null, commentCell: null },
    existingAnswer: null,
  };
}

export async function answer(
  text: string,
  kind: QuestionKind = "yes_no",
  allowed: string[] | null = null,
  customer = US_NO_NDA,
) {
  return answerQuestion(await shippedLibrary(), question(text, kind, allowed), customer);
}
