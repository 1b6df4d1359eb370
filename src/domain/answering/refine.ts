import { DEFAULT_THRESHOLDS, type DraftThresholds } from "../drafting/draft.js";
import { polarityOf } from "../drafting/values.js";
import { fillPlaceholders } from "../freshness/placeholders.js";
import type { LibraryEntry } from "../library/types.js";
import { matchQuestion } from "../matching/match.js";
import { outOfScope } from "../matching/scope.js";
import type { PreparedLibrary } from "./answer-questions.js";
import { citeEntries } from "./cite.js";
import type { CustomerContext } from "./customer.js";
import type { Drafter, DrafterInput, DrafterOutput } from "./drafter.js";
import { finalizeAnswer } from "./finalize.js";
import { type AnswerReport, type ReportQuestion, summarize, withStaleWarnings } from "./report.js";

export interface RefineOptions {
  /** Calls in flight at once. */
  readonly concurrency?: number;
  /** Calls per run; questions beyond keep their offline draft. */
  readonly maxCalls?: number;
  /** Estimated input tokens per run (about 4 characters a token); beyond, offline drafts are kept. */
  readonly maxInputTokens?: number;
  /** Candidates offered to the drafter per question. */
  readonly candidates?: number;
  readonly thresholds?: DraftThresholds;
}

export interface RefineStats {
  readonly calls: number;
  /** Drafter answers that passed validation and replaced the offline draft. */
  readonly accepted: number;
  /** Drafter answers that were invalid, declined or failed: offline draft kept, sent to review. */
  readonly fallbacks: number;
  /** Questions not sent (nothing to choose from, or over budget). */
  readonly skipped: number;
  readonly estimatedInputTokens: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

export const DEFAULT_REFINE_OPTIONS = {
  concurrency: 4,
  maxCalls: 300,
  maxInputTokens: 600_000,
  candidates: 4,
} as const;

/** Candidates this weak are noise to a reranker too. */
const CANDIDATE_FLOOR = 0.15;
/** The system prompt and output instructions, which the estimate of a call's size must include. */
const PROMPT_OVERHEAD_TOKENS = 700;
const MAX_TEXT = 4000;

const estimateTokens = (input: DrafterInput) => PROMPT_OVERHEAD_TOKENS + Math.ceil(JSON.stringify(input).length / 4);

function buildInput(
  prepared: PreparedLibrary,
  q: ReportQuestion,
  customer: CustomerContext,
  limit: number,
): { input: DrafterInput; entries: Map<string, LibraryEntry> } | null {
  const entries = new Map<string, LibraryEntry>();
  // The model sees the facts as they are on the day, never a placeholder it might echo or invent.
  const answerText = (entry: LibraryEntry) =>
    fillPlaceholders(entry.answer, prepared.library.artifacts, customer.asOf).text;
  const candidates = matchQuestion(prepared.index, q.text, limit).flatMap((c) => {
    const entry = prepared.entriesById.get(c.entryId);
    if (!entry || c.confidence < CANDIDATE_FLOOR) return [];
    entries.set(entry.id, entry);
    return [
      {
        entryId: entry.id,
        question: entry.question,
        short: entry.short,
        answer: answerText(entry),
        confidence: c.confidence,
      },
    ];
  });
  // The offline choice always stays on the table, even when a longer list pushed it out.
  for (const id of q.entryIds ?? (q.entryId ? [q.entryId] : [])) {
    const entry = prepared.entriesById.get(id);
    if (entry && !entries.has(id)) {
      entries.set(id, entry);
      candidates.push({
        entryId: id,
        question: entry.question,
        short: entry.short,
        answer: answerText(entry),
        confidence: q.confidence,
      });
    }
  }
  if (candidates.length === 0) return null;
  const citable = new Set<string>();
  for (const entry of entries.values()) {
    for (const c of citeEntries(prepared, [entry], q.text, customer).citations) citable.add(c.artifactId);
  }
  return {
    entries,
    input: {
      question: { id: q.id, text: q.text, kind: q.kind, allowedValues: q.allowedValues },
      candidates,
      offline: {
        status: q.status,
        entryIds: q.entryIds ?? (q.entryId ? [q.entryId] : []),
        value: q.answer?.value ?? null,
        text: q.answer?.text ?? null,
        confidence: q.confidence,
      },
      citableArtifactIds: [...citable],
    },
  };
}

/** Why a drafter answer cannot be used, or null when it can. */
export function validateOutput(input: DrafterInput, out: DrafterOutput): string | null {
  if (out.kind !== "answer") return `the drafter declined: ${out.reason}`;
  const given = new Set(input.candidates.map((c) => c.entryId));
  if (out.entryIds.length === 0) return "the drafter named no library entry";
  if (out.entryIds.length > 2) return "the drafter combined more than two entries";
  if (new Set(out.entryIds).size !== out.entryIds.length) return "the drafter named an entry twice";
  const unknown = out.entryIds.filter((id) => !given.has(id));
  if (unknown.length > 0) return `the drafter named entries it was not given (${unknown.join(", ")})`;
  const uncitable = out.artifacts.filter((a) => !input.citableArtifactIds.includes(a));
  if (uncitable.length > 0) return `the drafter named artifacts that may not be cited (${uncitable.join(", ")})`;
  if (!(out.confidence >= 0 && out.confidence <= 1)) return "the drafter's confidence is not between 0 and 1";
  if (out.text.trim().length === 0) return "the drafter returned an empty answer";
  if (out.text.length > MAX_TEXT) return "the drafter's answer is too long";
  const { kind, allowedValues } = input.question;
  if (kind !== "free_text") {
    if (out.value === null) return "the drafter gave no value for a Yes/No or choice question";
    const allowed = allowedValues && allowedValues.length > 0 ? allowedValues : ["Yes", "No", "N/A"];
    if (!allowed.includes(out.value)) return `the drafter's value "${out.value}" is not an allowed value`;
  }
  return null;
}

function fallback(q: ReportQuestion, why: string): ReportQuestion {
  if (q.status === "no_match") return { ...q, notes: [...q.notes, `LLM draft not used: ${why}`] };
  return { ...q, status: "needs_review", notes: [...q.notes, `LLM draft not used: ${why}; offline draft kept`] };
}

function accept(
  prepared: PreparedLibrary,
  q: ReportQuestion,
  customer: CustomerContext,
  input: DrafterInput,
  out: Extract<DrafterOutput, { kind: "answer" }>,
  entries: ReadonlyMap<string, LibraryEntry>,
  thresholds: DraftThresholds,
): ReportQuestion {
  const chosen = out.entryIds.flatMap((id) => entries.get(id) ?? []);
  const offlineConfidence = Math.max(
    ...chosen.map((e) => input.candidates.find((c) => c.entryId === e.id)?.confidence ?? 0),
  );
  // Citations come from the policy for the chosen entries, never from the model.
  const cited = citeEntries(prepared, chosen, q.text, customer);
  const notes = [`drafted by the LLM from ${out.entryIds.join(" + ")} (model confidence ${out.confidence.toFixed(2)})`];
  let status: ReportQuestion["status"] = out.confidence >= thresholds.draft ? "drafted" : "needs_review";
  if (status === "needs_review") notes.push(`model confidence is below ${thresholds.draft}`);
  if (q.status === "no_match" || offlineConfidence < thresholds.review) {
    // The model found an answer the offline engine did not: a person confirms it.
    status = "needs_review";
    notes.push("the offline engine found no match here; please confirm the LLM's choice");
  }
  // The offline engine read the question as opposite to the entry: the model must agree (answer the
  // flipped value, as the offline draft did) or a person decides.
  const flipNote = q.notes.find((n) => /opposite sense/.test(n));
  if (flipNote) {
    notes.push(flipNote);
    const offlineValue = q.answer?.value ?? null;
    const agrees = offlineValue !== null && out.value !== null && polarityOf(out.value) === polarityOf(offlineValue);
    if (!agrees || q.status !== "drafted") {
      status = "needs_review";
      notes.push("the LLM's value differs from the offline reading of this inverted question; please confirm");
    }
  }
  const [first] = out.entryIds;
  const drafted: ReportQuestion = {
    ...q,
    status,
    answer: { value: input.question.kind === "free_text" ? null : out.value, text: out.text },
    confidence: Math.round(out.confidence * 1000) / 1000,
    entryId: first ?? null,
    entryIds: out.entryIds.length > 1 ? [...out.entryIds] : undefined,
    draftedBy: "llm",
    controls: cited.refs,
    citations: cited.citations,
    withheld: cited.withheld,
    notes,
  };
  // The same post-draft step as the offline engine: the model cannot send a stale or contradicting answer.
  return finalizeAnswer(prepared, drafted, chosen, customer);
}

/**
 * Lets a Drafter (Claude) rerank and adapt each question's answer, within a call and token budget
 * and a concurrency limit. Whatever the drafter says is checked: entries must be among those it was
 * given, artifacts among those the policy allows, values among the allowed values. Anything else
 * keeps the offline draft, sent to review with the reason.
 */
export async function refineReport(
  report: AnswerReport,
  prepared: PreparedLibrary,
  customer: CustomerContext,
  drafter: Drafter,
  options: RefineOptions = {},
): Promise<{ report: AnswerReport; stats: RefineStats }> {
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_REFINE_OPTIONS.concurrency);
  const maxCalls = options.maxCalls ?? DEFAULT_REFINE_OPTIONS.maxCalls;
  const maxInputTokens = options.maxInputTokens ?? DEFAULT_REFINE_OPTIONS.maxInputTokens;
  const limit = options.candidates ?? DEFAULT_REFINE_OPTIONS.candidates;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;

  const stats = {
    calls: 0,
    accepted: 0,
    fallbacks: 0,
    skipped: 0,
    estimatedInputTokens: 0,
    inputTokens: 0,
    outputTokens: 0,
  };
  const out: ReportQuestion[] = [...report.questions];

  // Budget is decided up front, in question order, so a run is reproducible whatever the timing.
  const jobs: { index: number; input: DrafterInput; entries: Map<string, LibraryEntry> }[] = [];
  report.questions.forEach((q, index) => {
    // A question the offline engine ruled out of scope stays out: no model gets to answer it.
    if (outOfScope(q.text) !== null) {
      stats.skipped++;
      return;
    }
    const built = buildInput(prepared, q, customer, limit);
    if (!built) {
      stats.skipped++;
      return;
    }
    const cost = estimateTokens(built.input);
    if (jobs.length >= maxCalls || stats.estimatedInputTokens + cost > maxInputTokens) {
      stats.skipped++;
      out[index] = { ...q, notes: [...q.notes, "LLM budget for this run reached: offline draft kept"] };
      return;
    }
    stats.estimatedInputTokens += cost;
    jobs.push({ index, ...built });
  });

  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (!job) break;
      const q = report.questions[job.index];
      if (!q) continue;
      stats.calls++;
      let result: DrafterOutput;
      try {
        result = await drafter.refine(job.input);
      } catch (error) {
        stats.fallbacks++;
        out[job.index] = fallback(q, `the LLM call failed (${(error as Error).message.slice(0, 160)})`);
        continue;
      }
      stats.inputTokens += result.usage?.inputTokens ?? 0;
      stats.outputTokens += result.usage?.outputTokens ?? 0;
      const problem = validateOutput(job.input, result);
      if (problem || result.kind !== "answer") {
        stats.fallbacks++;
        out[job.index] = fallback(q, problem ?? "unusable output");
        continue;
      }
      stats.accepted++;
      out[job.index] = accept(prepared, q, customer, job.input, result, job.entries, thresholds);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));

  return {
    report: { ...report, questions: out, summary: summarize(out), warnings: withStaleWarnings(report.warnings, out) },
    stats,
  };
}
