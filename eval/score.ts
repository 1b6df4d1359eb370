import type { ReportQuestion } from "../src/domain/answering/report.js";
import type { EvalItem } from "./dataset.js";

/** One eval question's outcome. */
export interface Outcome {
  readonly item: EvalItem;
  readonly result: ReportQuestion;
  readonly drafted: boolean;
  /** The chosen entries' controls map to an acceptable Annex A id (answerable questions only). */
  readonly correct: boolean;
}

export interface Metrics {
  readonly questions: number;
  readonly answerable: number;
  readonly unanswerable: number;
  readonly drafted: number;
  readonly draftedCorrect: number;
  /** drafted-and-correct / drafted (a drafted unanswerable question counts as a miss). */
  readonly precision: number;
  /** drafted answerable / answerable. */
  readonly coverage: number;
  /** unanswerable not drafted / unanswerable. */
  readonly abstention: number;
  /** unanswerable answered no_match (not even offered for review) / unanswerable: the strict view. */
  readonly abstentionNoMatch: number;
  /** Answerable questions whose best entry (whatever its status) is correct: the retrieval ceiling. */
  readonly top1Accuracy: number;
  readonly needsReview: number;
  readonly noMatch: number;
  /** Inverted questions drafted with a "Yes" (the weaker practice): must be 0. */
  readonly invertedBlindYes: number;
  /** Inverted questions drafted with the flipped value (detected inversion). */
  readonly invertedFlipped: number;
  /** Questions not labelled inverted whose drafted value was flipped anyway (false detections). */
  readonly falseFlips: number;
  /** Open questions (they ask for words) drafted with a Yes/No or choice value anyway. */
  readonly valueOnOpen: number;
  /** Open questions drafted with text that starts with "Yes." or "No.". */
  readonly verdictOnOpen: number;
}

const isoRefs = (q: ReportQuestion) =>
  new Set(q.controls.filter((r) => r.framework === "ISO27001:2022").map((r) => r.ref));

export function outcome(item: EvalItem, result: ReportQuestion): Outcome {
  const refs = isoRefs(result);
  const correct = item.answerable && result.entryId !== null && item.acceptable.some((a) => refs.has(a));
  return { item, result, drafted: result.status === "drafted", correct };
}

/** A question phrased as an open ask ("Where…", "Describe…"), whatever its answer cell offers. */
const isOpen = (item: EvalItem) => item.kind === "free_text";

const flippedNote = (o: Outcome) => o.result.notes.some((n) => /opposite sense/.test(n));

const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);

export function metrics(outcomes: readonly Outcome[]): Metrics {
  const answerable = outcomes.filter((o) => o.item.answerable);
  const unanswerable = outcomes.filter((o) => !o.item.answerable);
  const drafted = outcomes.filter((o) => o.drafted);
  const draftedCorrect = drafted.filter((o) => o.correct).length;
  return {
    questions: outcomes.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    drafted: drafted.length,
    draftedCorrect,
    precision: ratio(draftedCorrect, drafted.length),
    coverage: ratio(answerable.filter((o) => o.drafted).length, answerable.length),
    abstention: ratio(unanswerable.filter((o) => !o.drafted).length, unanswerable.length),
    abstentionNoMatch: ratio(unanswerable.filter((o) => o.result.status === "no_match").length, unanswerable.length),
    top1Accuracy: ratio(answerable.filter((o) => o.correct).length, answerable.length),
    needsReview: outcomes.filter((o) => o.result.status === "needs_review").length,
    noMatch: outcomes.filter((o) => o.result.status === "no_match").length,
    invertedBlindYes: outcomes.filter((o) => o.item.inverted && o.drafted && /^y/i.test(o.result.answer?.value ?? ""))
      .length,
    invertedFlipped: outcomes.filter((o) => o.item.inverted && o.drafted && flippedNote(o)).length,
    falseFlips: outcomes.filter((o) => !o.item.inverted && o.drafted && flippedNote(o)).length,
    valueOnOpen: outcomes.filter((o) => isOpen(o.item) && o.drafted && (o.result.answer?.value ?? null) !== null)
      .length,
    verdictOnOpen: outcomes.filter(
      (o) => isOpen(o.item) && o.drafted && /^(yes|no)\b/i.test(o.result.answer?.text ?? ""),
    ).length,
  };
}

/** Misses worth a look: drafted-but-wrong first, then answerable questions left undrafted. */
export function confusion(
  outcomes: readonly Outcome[],
  wanted: (o: Outcome) => readonly string[] = (o) => o.item.acceptable,
): string[] {
  const line = (o: Outcome, what: string) =>
    `${o.item.id} ${what.padEnd(15)} conf=${o.result.confidence.toFixed(2)} entry=${(o.result.entryIds ?? [o.result.entryId]).join("+")} ` +
    `want=[${wanted(o).join(",")}] :: ${o.item.text.slice(0, 100)}`;
  return [
    ...outcomes
      .filter((o) => o.drafted && !o.correct)
      .map((o) => line(o, o.item.answerable ? "WRONG" : "UNANSWERABLE")),
    ...outcomes
      .filter((o) => o.item.answerable && !o.drafted)
      .map((o) => line(o, o.correct ? `${o.result.status}(ok)` : `${o.result.status}(bad)`)),
  ];
}
