import { decideCitations } from "../citation/policy.js";
import { DEFAULT_THRESHOLDS, type DraftThresholds, draftAnswer } from "../drafting/draft.js";
import type { Control, Library, LibraryEntry } from "../library/types.js";
import type { MatchIndex } from "../matching/index.js";
import { matchQuestion } from "../matching/match.js";
import { conceptsOf, normalizeText } from "../matching/tokenize.js";
import type { Question, Questionnaire } from "../questionnaire/types.js";
import type { CustomerContext } from "./customer.js";
import { type AnswerReport, type ReportQuestion, summarize } from "./report.js";

export interface AnswerOptions {
  readonly thresholds?: DraftThresholds;
  /** How many alternatives to keep for the reviewer. */
  readonly alternatives?: number;
}

/** Everything answering needs, prepared once per library (the index is the costly part). */
export interface PreparedLibrary {
  readonly library: Library;
  readonly index: MatchIndex;
  readonly entriesById: ReadonlyMap<string, LibraryEntry>;
  readonly controlsById: ReadonlyMap<string, Control>;
}

const EU_REGULATION = new Set(["§gdpr", "§nis2"]);

export function answerQuestion(
  prepared: PreparedLibrary,
  question: Question,
  customer: CustomerContext,
  options: AnswerOptions = {},
): ReportQuestion {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const candidates = matchQuestion(prepared.index, question.text, (options.alternatives ?? 3) + 1);
  const base = {
    id: question.id,
    sheet: question.location.sheet,
    row: question.location.row,
    sourceId: question.sourceId,
    section: question.section,
    text: question.text,
    kind: question.kind,
    allowedValues: question.allowedValues,
    existingAnswer: question.existingAnswer,
    alternatives: candidates.slice(1).map((c) => ({ entryId: c.entryId, score: c.score })),
  };
  const top = candidates[0];
  const entry = top ? prepared.entriesById.get(top.entryId) : undefined;
  if (!top || !entry || top.confidence < thresholds.review) {
    return {
      ...base,
      status: "no_match",
      answer: null,
      confidence: top?.confidence ?? 0,
      entryId: null,
      controls: [],
      citations: [],
      withheld: [],
      notes: [
        top
          ? `best candidate "${top.entryId}" is too weak (confidence ${top.confidence.toFixed(2)})`
          : "no library entry shares a term with this question",
      ],
      matchedTerms: top ? [...top.matchedTerms] : [],
    };
  }

  const draft = draftAnswer(question, entry, top.matchedText, top.confidence, thresholds);
  const controls = entry.controls.flatMap((id) => prepared.controlsById.get(id) ?? []);
  const { citations, withheld } = decideCitations({
    controls,
    directArtifactIds: entry.artifacts,
    artifacts: prepared.library.artifacts,
    customer,
    euRegulation: conceptsOf(normalizeText(question.text)).some((c) => EU_REGULATION.has(c)),
  });
  return {
    ...base,
    status: draft.status,
    answer: { value: draft.value, text: draft.text },
    confidence: top.confidence,
    entryId: entry.id,
    controls: controls
      .flatMap((c) => c.refs)
      .filter((r, i, all) => all.findIndex((x) => x.framework === r.framework && x.ref === r.ref) === i),
    citations,
    withheld,
    notes: draft.notes,
    matchedTerms: [...top.matchedTerms],
  };
}

/** Answers every question of a questionnaire: the pure heart of Quire (no I/O, same in every runtime). */
export function answerQuestionnaire(
  prepared: PreparedLibrary,
  questionnaire: Questionnaire,
  customer: CustomerContext,
  options: AnswerOptions = {},
  onProgress?: (done: number, total: number) => void,
): AnswerReport {
  const questions: ReportQuestion[] = [];
  questionnaire.questions.forEach((q, i) => {
    questions.push(answerQuestion(prepared, q, customer, options));
    onProgress?.(i + 1, questionnaire.questions.length);
  });
  return {
    source: questionnaire.source,
    customer: { region: customer.region, ndaOnFile: customer.ndaOnFile, asOf: customer.asOf },
    questions,
    summary: summarize(questions),
    warnings: questionnaire.warnings,
  };
}
