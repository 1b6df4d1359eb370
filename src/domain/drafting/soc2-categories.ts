import { SOC2_CATEGORY_LABEL } from "../citation/framework-refs.js";
import type { IsoDate } from "../dates.js";
import { describeArtifact } from "../freshness/answer-freshness.js";
import { listed, placeholdersIn } from "../freshness/placeholders.js";
import { artifactStanding, isSoc2, issuedOn, soc2ReportInForce } from "../freshness/standing.js";
import type { Artifact, LibraryEntry, Soc2Category, Soc2Report } from "../library/types.js";
import type { Question } from "../questionnaire/types.js";
import { type Draft, type QuestionForm, withoutVerdict } from "./draft.js";
import { ALL_SOC2_CATEGORIES, type Soc2CategoryAsk, soc2CategoryAsk } from "./soc2-category-ask.js";
import { isYesNoSet, mapShortAnswer, polarityOf } from "./values.js";

/**
 * The answer to a question about the SOC 2 report's Trust Services categories, decided from the
 * report in force on the as-of date (freshness/standing.ts, the rule the citation policy uses), never
 * from an entry's fixed Yes/No: the entry gives the words around it, the report gives the verdict.
 */
export interface Soc2CategoryVerdict {
  readonly report: Soc2Report;
  /** "Yes" when every named category is in scope, "No" when any is not; null for "which categories?". */
  readonly value: "Yes" | "No" | null;
  /** Of the categories asked about (for "which": all five), those in scope and those not. */
  readonly inScope: readonly Soc2Category[];
  readonly notInScope: readonly Soc2Category[];
  /** The sentence that answers the question, from the report's facts. */
  readonly sentence: string;
}

const label = (categories: readonly Soc2Category[]) => listed(categories.map((c) => SOC2_CATEGORY_LABEL[c]));
const isAre = (categories: readonly Soc2Category[]) => (categories.length === 1 ? "is" : "are");

function reportName(report: Soc2Report): string {
  return report.type === "soc2-type2" ? "SOC 2 Type II report" : "SOC 2 Type I report";
}

/**
 * The verdict for a question on the report in force. `withScope` (default true) has the sentence say
 * the report's whole scope as well; an answer whose other words list it already leaves it out.
 */
export function decideSoc2Categories(ask: Soc2CategoryAsk, report: Soc2Report, withScope = true): Soc2CategoryVerdict {
  const asked = ask.kind === "which" ? ALL_SOC2_CATEGORIES : ask.categories;
  const inScope = asked.filter((c) => report.categories.includes(c));
  const notInScope = asked.filter((c) => !report.categories.includes(c));
  const ours = `our ${reportName(report)}`;
  const covers = label(ALL_SOC2_CATEGORIES.filter((c) => report.categories.includes(c)));
  if (ask.kind === "which") {
    const out = notInScope.length > 0 ? `${label(notInScope)} ${isAre(notInScope)} not in scope.` : "";
    const sentence = withScope ? `Trust Services categories in scope of ${ours}: ${covers}. ${out}` : out;
    return { report, value: null, inScope, notInScope, sentence: sentence.trim() };
  }
  if (notInScope.length === 0) {
    return {
      report,
      value: "Yes",
      inScope,
      notInScope,
      sentence: `Yes. ${label(inScope)} ${isAre(inScope)} in scope of ${ours}.`,
    };
  }
  const sentence =
    inScope.length === 0
      ? `No. ${label(notInScope)} ${isAre(notInScope)} not in scope of ${ours}${withScope ? `, which covers ${covers}` : ""}.`
      : `No. ${label(inScope)} ${isAre(inScope)} in scope of ${ours}, but ${label(notInScope)} ${isAre(notInScope)} not${withScope ? `; the report covers ${covers}` : ""}.`;
  return { report, value: "No", inScope, notInScope, sentence };
}

/**
 * How well an entry can carry a SOC 2 scope answer: 2 when its text names the report's categories
 * through a placeholder, 1 when it speaks of a SOC 2 report (cites one, or names one's facts), else 0.
 * An uptime entry matched by "availability" must not lend its words to a SOC 2 scope answer.
 */
export function soc2ScopeFit(entry: LibraryEntry, artifacts: readonly Artifact[]): number {
  const byId = (id: string) => artifacts.find((a) => a.id === id);
  const named = placeholdersIn(entry.answer).filter(
    (p) => p.ref === "soc2" || p.ref === "soc2-type1" || isSoc2(byId(p.ref)),
  );
  if (named.some((p) => p.field === "categories")) return 2;
  return named.length > 0 || entry.artifacts.some((id) => isSoc2(byId(id))) ? 1 : 0;
}

/** The text with a sentence put after its first one ("…covers Security and Availability. Privacy is not in scope. …"). */
function afterFirstSentence(text: string, sentence: string): string {
  if (sentence === "") return text;
  const [first, ...others] = text.split(/(?<=[.!?])\s+/);
  return [first, sentence, ...others].join(" ");
}

/** Why no verdict can be given on the day: no SOC 2 report is in force, and what became of the last one. */
function noReportNote(artifacts: readonly Artifact[], asOf: IsoDate): string {
  const latest = artifacts
    .filter(isSoc2)
    .filter((a) => (issuedOn(a) ?? "") <= asOf)
    .sort((a, b) => b.periodEnd.localeCompare(a.periodEnd))[0];
  const why = latest
    ? `${describeArtifact(latest)}: ${artifactStanding(latest, artifacts, asOf).reason}`
    : "the library holds no SOC 2 report issued by then";
  return `the question asks which Trust Services categories the SOC 2 report covers, and no SOC 2 report is in force on ${asOf} (${why}); please answer it by hand`;
}

/**
 * Drafts a SOC 2 scope question: the verdict sentence from the report in force, then the entry's own
 * text without its verdict (its Yes or No was written for another question). No report in force: the
 * entry's text for a reviewer, no value, and the reason.
 */
export function draftSoc2Categories(
  question: Pick<Question, "kind" | "allowedValues">,
  ask: Soc2CategoryAsk,
  entry: LibraryEntry,
  artifacts: readonly Artifact[],
  asOf: IsoDate,
  form: Pick<QuestionForm, "closed">,
): Draft {
  const rest = withoutVerdict(entry.answer);
  const report = soc2ReportInForce(artifacts, asOf);
  if (!report) return { status: "needs_review", value: null, text: rest, notes: [noReportNote(artifacts, asOf)] };
  // An entry that lists the report's categories itself (a placeholder) says the whole scope: the
  // verdict then names only what was asked, so the list is not said twice.
  const listsThem = soc2ScopeFit(entry, artifacts) === 2;
  const verdict = decideSoc2Categories(ask, report, !listsThem);
  const text =
    verdict.value === null && listsThem ? afterFirstSentence(rest, verdict.sentence) : `${verdict.sentence} ${rest}`;
  const notes = [`decided by the categories in scope of "${report.title}", the SOC 2 report in force on ${asOf}`];
  const yesNoCell = question.kind === "yes_no" || isYesNoSet(question.allowedValues ?? []);
  if (verdict.value === null || question.kind === "free_text" || (!form.closed && yesNoCell)) {
    if (question.kind === "choice" && !yesNoCell) {
      notes.push(`the allowed values (${(question.allowedValues ?? []).join(", ")}) ask for a choice; please pick it`);
      return { status: "needs_review", value: null, text, notes };
    }
    return { status: "drafted", value: null, text, notes };
  }
  const value = mapShortAnswer(verdict.value, question.allowedValues);
  if (value === null) {
    notes.push(`"${verdict.value}" is not one of the allowed values (${(question.allowedValues ?? []).join(", ")})`);
    return { status: "needs_review", value: null, text, notes };
  }
  return { status: "drafted", value, text, notes };
}

/**
 * An entry with no short answer whose text names the report's categories leaves its Yes/No to the
 * report. Matched by a question the engine did not read as a category question ("Does your SOC 2
 * cover the privacy of PHI?"), it has no verdict to give: a Yes inferred from its description would
 * claim a scope nobody checked, so the value is a reviewer's.
 */
export function withoutScopeVerdict(draft: Draft, entry: LibraryEntry, artifacts: readonly Artifact[]): Draft {
  // Only a Yes/No is the report's to give; a choice the text states ("SOC 2 Type II") stands.
  const polarity = draft.value === null ? "other" : polarityOf(draft.value);
  if ((polarity !== "yes" && polarity !== "no") || entry.short !== null || soc2ScopeFit(entry, artifacts) < 2)
    return draft;
  return {
    ...draft,
    status: draft.status === "no_match" ? "no_match" : "needs_review",
    value: null,
    notes: [
      ...draft.notes,
      `entry ${entry.id} leaves Yes/No to the categories of the SOC 2 report, and the question names none the engine reads as one: please choose the value`,
    ],
  };
}

/**
 * Whether a Yes/No drafted by anyone (the engine, a model, a stored answer) contradicts the SOC 2
 * report in force for a question about its categories; null when it does not or the question is not one.
 */
export function soc2CategoryContradiction(
  question: string,
  value: string | null,
  artifacts: readonly Artifact[],
  asOf: IsoDate,
): string | null {
  const polarity = value === null ? "other" : polarityOf(value);
  if (polarity !== "yes" && polarity !== "no") return null;
  const ask = soc2CategoryAsk(question);
  if (ask?.kind !== "covers") return null;
  const report = soc2ReportInForce(artifacts, asOf);
  if (!report) return noReportNote(artifacts, asOf);
  const verdict = decideSoc2Categories(ask, report);
  if (polarityOf(verdict.value ?? "") === polarity) return null;
  return `"${value}" contradicts the SOC 2 report in force ("${report.title}"): ${verdict.sentence.replace(/^(Yes|No)\. /, "")}`;
}
