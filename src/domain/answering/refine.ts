import { DEFAULT_THRESHOLDS, type DraftThresholds, isYesNoCell } from "../drafting/draft.js";
import { polarityOf } from "../drafting/values.js";
import { fillPlaceholders } from "../freshness/placeholders.js";
import type { LibraryEntry } from "../library/types.js";
import { analyzeQuestion } from "../matching/analyze.js";
import { matchQuestion } from "../matching/match.js";
import { outOfScope } from "../matching/scope.js";
import { type PreparedLibrary, previousRows, reviewedDraft } from "./answer-questions.js";
import { citeEntries } from "./cite.js";
import type { CustomerContext } from "./customer.js";
import {
  batchOutputTokens,
  type Drafter,
  type DrafterAnswer,
  type DrafterBatch,
  type DrafterBatchOutput,
  type DrafterContext,
  type DrafterEntry,
  type DrafterQuestion,
  type DrafterUsage,
} from "./drafter.js";
import { finalizeAnswer } from "./finalize.js";
import { ungroundedText, valueContradictsEntries } from "./grounding.js";
import {
  addUsage,
  BULK_DISCOUNT,
  cacheHitShare,
  costOf,
  type LlmAccount,
  type ModelPrices,
  roundUsd,
  ZERO_USAGE,
} from "./llm-account.js";
import { type AnswerReport, type ReportQuestion, summarize, withStaleWarnings } from "./report.js";

export interface RefineOptions {
  /** Calls in flight at once (after the first, which warms the prompt cache alone). */
  readonly concurrency?: number;
  /** Calls per run; batches beyond keep their offline drafts, sent to review. */
  readonly maxCalls?: number;
  /** Estimated input tokens per run, the cached prefix counted once; beyond, offline drafts are kept. */
  readonly maxInputTokens?: number;
  /** Candidates offered to the drafter per question. */
  readonly candidates?: number;
  /** Questions per call (consecutive questions of one sheet). */
  readonly batchSize?: number;
  /** Price list of the drafter's model; without it the cost is reported as 0 and no ceiling applies. */
  readonly prices?: ModelPrices;
  /** Hard ceiling on the estimated cost of one questionnaire (USD): a call that could cross it is not made. */
  readonly maxCostUsd?: number | null;
  readonly thresholds?: DraftThresholds;
  /**
   * Per question of the report, the row it follows up on, when the caller knows it better than the
   * report's order does (the eval's questions carry their own); by default the row before, as
   * answerQuestionnaire read it.
   */
  readonly previous?: readonly (string | null)[];
  /** Questions drafted so far, after each call. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface RefineStats {
  readonly calls: number;
  /** Drafter answers that passed validation and replaced the offline draft. */
  readonly accepted: number;
  /** Drafter answers that were invalid, declined or failed: offline draft kept, sent to review. */
  readonly fallbacks: number;
  /** Questions not sent (nothing to choose from, out of scope, or over budget). */
  readonly skipped: number;
  readonly estimatedInputTokens: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadTokens: number;
  readonly cacheWriteTokens: number;
}

export const DEFAULT_REFINE_OPTIONS = {
  concurrency: 4,
  maxCalls: 300,
  maxInputTokens: 600_000,
  candidates: 4,
  batchSize: 25,
} as const;

/** Candidates this weak are noise to a reranker too. */
const CANDIDATE_FLOOR = 0.15;
/** The system prompt and output instructions, which the estimate of a call's size must include. */
const PROMPT_OVERHEAD_TOKENS = 1000;
/** Characters per token, on the low side so that estimates (and the cost ceiling) err high. */
const CHARS_PER_TOKEN = 3;
const MAX_TEXT = 4000;

const tokensOf = (value: unknown) => Math.ceil(JSON.stringify(value).length / CHARS_PER_TOKEN);

interface Shortlisted {
  readonly index: number;
  readonly question: DrafterQuestion;
  readonly sheet: string | null;
}

/** Everything decided before any call: the shared context, the batches, who is not sent and why. */
export interface RefinePlan {
  readonly context: DrafterContext;
  /** Batches within the call and token budgets, in questionnaire order. */
  readonly batches: readonly DrafterBatch[];
  /** Batches the call or token budget kept back: their questions stay offline, sent to review. */
  readonly heldBack: readonly DrafterBatch[];
  readonly skipped: number;
  readonly estimatedInputTokens: number;
  /** Estimated tokens of the shared prefix (system prompt and context). */
  readonly prefixTokens: number;
  readonly questions: readonly ReportQuestion[];
  /** Per question, the row a follow-up is read in the light of (as answerQuestionnaire read it). */
  readonly previous: readonly (string | null)[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly entries: ReadonlyMap<string, DrafterEntry>;
}

/** What became of one batch. */
export type BatchResult =
  | { readonly kind: "output"; readonly output: DrafterBatchOutput }
  | { readonly kind: "failed"; readonly reason: string }
  | { readonly kind: "over_budget" };

function shortlist(
  prepared: PreparedLibrary,
  q: ReportQuestion,
  previous: string | null,
  customer: CustomerContext,
  limit: number,
  entries: Map<string, DrafterEntry>,
): DrafterQuestion | null {
  // The model sees the facts as they are on the day, never a placeholder it might echo or invent.
  const seen = (entry: LibraryEntry) => {
    if (!entries.has(entry.id)) {
      entries.set(entry.id, {
        entryId: entry.id,
        question: entry.question,
        short: entry.short,
        answer: fillPlaceholders(entry.answer, prepared.library.artifacts, customer.asOf).text,
      });
    }
  };
  const chosen: LibraryEntry[] = [];
  const list = matchQuestion(prepared.index, q.question, limit).flatMap((c) => {
    const entry = prepared.entriesById.get(c.entryId);
    if (!entry || c.confidence < CANDIDATE_FLOOR) return [];
    chosen.push(entry);
    return [{ entryId: entry.id, confidence: c.confidence }];
  });
  // The offline choice always stays on the table, even when a longer list pushed it out.
  const offlineIds = q.entryIds ?? (q.entryId ? [q.entryId] : []);
  for (const id of offlineIds) {
    const entry = prepared.entriesById.get(id);
    if (entry && !list.some((c) => c.entryId === id)) {
      chosen.push(entry);
      list.push({ entryId: id, confidence: q.confidence });
    }
  }
  if (list.length === 0) return null;
  for (const entry of chosen) seen(entry);
  const citable = new Set<string>();
  for (const entry of chosen) {
    for (const c of citeEntries(prepared, [entry], q.question, customer).citations) citable.add(c.artifactId);
  }
  const firstAnswer = offlineIds[0] ? entries.get(offlineIds[0])?.answer : undefined;
  const offlineText = q.answer?.text ?? null;
  return {
    id: q.id,
    text: q.question,
    kind: q.kind,
    allowedValues: q.allowedValues,
    // Only a Yes/No cell can ask for words: a choice's options are the answer even to "How often…?".
    asksForWords: isYesNoCell(q) && !analyzeQuestion(q.question, previous).closed,
    section: q.section,
    shortlist: list,
    offline: {
      status: q.status,
      entryIds: offlineIds,
      value: q.answer?.value ?? null,
      text: offlineText === firstAnswer ? null : offlineText,
      confidence: q.confidence,
    },
    citableArtifactIds: [...citable].sort(),
  };
}

/** A batch this full ends at a section boundary rather than take part of the next section. */
const SECTION_BREAK_FILL = 0.8;

/**
 * Consecutive questions of one sheet, at most `size` a call. A section that fits stays whole in
 * one call (its context helps); a batch already 80% full ends where its section ends instead of
 * starting the next; otherwise batches fill up, so small sections never multiply the calls.
 */
function group(items: readonly Shortlisted[], size: number): Shortlisted[][] {
  const groups: Shortlisted[][] = [];
  let current: Shortlisted[] = [];
  const sectionLength = (from: number) => {
    const first = items[from];
    let n = 0;
    while (items[from + n]?.sheet === first?.sheet && items[from + n]?.question.section === first?.question.section)
      n++;
    return n;
  };
  items.forEach((item, i) => {
    const last = current.at(-1);
    const newSection = last !== undefined && last.question.section !== item.question.section;
    const full = current.length >= size;
    const otherSheet = last !== undefined && last.sheet !== item.sheet;
    const breakHere =
      newSection && current.length >= SECTION_BREAK_FILL * size && current.length + sectionLength(i) > size;
    if (full || otherSheet || breakHere) {
      groups.push(current);
      current = [];
    }
    current.push(item);
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

/** The report's rows as answerQuestionnaire read them: each follow-up with the row before it. */
const previousRowsOf = (report: AnswerReport) =>
  previousRows(report.questions.map((q) => ({ text: q.question, sheet: q.sheet })));

/**
 * Decides what the drafter will be asked, before any call: each question's shortlist, the batches,
 * and which batches the call and token budgets allow (in questionnaire order, so a run is
 * reproducible whatever the timing). The context holds every shortlisted entry, sorted, so every
 * call of this questionnaire shares the same prefix.
 */
export function planRefinement(
  report: AnswerReport,
  prepared: PreparedLibrary,
  customer: CustomerContext,
  options: RefineOptions = {},
): RefinePlan {
  const limit = options.candidates ?? DEFAULT_REFINE_OPTIONS.candidates;
  const size = Math.max(1, options.batchSize ?? DEFAULT_REFINE_OPTIONS.batchSize);
  const maxCalls = options.maxCalls ?? DEFAULT_REFINE_OPTIONS.maxCalls;
  const maxInputTokens = options.maxInputTokens ?? DEFAULT_REFINE_OPTIONS.maxInputTokens;

  const entries = new Map<string, DrafterEntry>();
  const items: Shortlisted[] = [];
  let skipped = 0;
  const previous = options.previous ?? previousRowsOf(report);
  report.questions.forEach((q, index) => {
    // A question the offline engine ruled out of scope stays out: no model gets to answer it.
    const question =
      outOfScope(q.question) === null
        ? shortlist(prepared, q, previous[index] ?? null, customer, limit, entries)
        : null;
    if (!question) skipped++;
    else items.push({ index, question, sheet: q.sheet });
  });
  const context: DrafterContext = {
    customer: { region: customer.region, ndaOnFile: customer.ndaOnFile, asOf: customer.asOf },
    entries: [...entries.values()].sort((a, b) => (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0)),
  };
  const prefixTokens = PROMPT_OVERHEAD_TOKENS + tokensOf(context);

  const batches: DrafterBatch[] = [];
  const heldBack: DrafterBatch[] = [];
  let estimatedInputTokens = 0;
  group(items, size).forEach((members, n) => {
    const batch: DrafterBatch = {
      id: `b${n}`,
      sheet: members[0]?.sheet ?? null,
      context,
      questions: members.map((m) => m.question),
    };
    // The shared prefix is sent fresh once and read from the cache after: it counts once.
    const cost = (batches.length === 0 ? prefixTokens : 0) + tokensOf(batch.questions);
    if (batches.length >= maxCalls || estimatedInputTokens + cost > maxInputTokens) heldBack.push(batch);
    else {
      estimatedInputTokens += cost;
      batches.push(batch);
    }
  });
  return {
    context,
    batches,
    heldBack,
    skipped,
    estimatedInputTokens,
    prefixTokens,
    questions: report.questions,
    previous,
    indexOf: new Map(report.questions.map((q, i) => [q.id, i])),
    entries,
  };
}

/** The most one call of this batch can cost: every input token at the dearer of fresh and cache-write, full output. */
export function worstCaseCost(plan: RefinePlan, batch: DrafterBatch, prices: ModelPrices, discount = 1): number {
  const input = plan.prefixTokens + tokensOf(batch.questions);
  return costOf(
    {
      inputTokens: input,
      cacheWriteTokens: 0,
      cacheReadTokens: 0,
      outputTokens: batchOutputTokens(batch.questions.length),
    },
    { ...prices, input: Math.max(prices.input, prices.cacheWrite) },
    discount,
  );
}

/** Why a drafter answer cannot be used, or null when it can. */
export function validateAnswer(
  question: DrafterQuestion,
  out: DrafterAnswer | undefined,
  entries: ReadonlyMap<string, DrafterEntry>,
  inverted = false,
): string | null {
  if (!out) return "the drafter returned no answer for this question";
  if (out.kind !== "answer") return `the drafter declined: ${out.reason}`;
  const given = new Set(question.shortlist.map((c) => c.entryId));
  if (out.entryIds.length === 0) return "the drafter named no library entry";
  if (out.entryIds.length > 2) return "the drafter combined more than two entries";
  if (new Set(out.entryIds).size !== out.entryIds.length) return "the drafter named an entry twice";
  const unknown = out.entryIds.filter((id) => !given.has(id));
  if (unknown.length > 0) return `the drafter named entries it was not given (${unknown.join(", ")})`;
  const uncitable = out.artifacts.filter((a) => !question.citableArtifactIds.includes(a));
  if (uncitable.length > 0) return `the drafter named artifacts that may not be cited (${uncitable.join(", ")})`;
  if (!(out.confidence >= 0 && out.confidence <= 1)) return "the drafter's confidence is not between 0 and 1";
  if (out.text.trim().length === 0) return "the drafter returned an empty answer";
  if (out.text.length > MAX_TEXT) return "the drafter's answer is too long";
  const { kind, allowedValues } = question;
  // Words asked for: a value the model gives anyway is not used (accept), so it is not checked either.
  if (kind !== "free_text" && !question.asksForWords) {
    if (out.value === null) return "the drafter gave no value for a Yes/No or choice question";
    const allowed = allowedValues && allowedValues.length > 0 ? allowedValues : ["Yes", "No", "N/A"];
    if (!allowed.includes(out.value)) return `the drafter's value "${out.value}" is not an allowed value`;
  }
  const chosen = out.entryIds.flatMap((id) => entries.get(id) ?? []);
  // An inverted question is judged against the offline reading instead (in accept).
  const contradiction = inverted
    ? null
    : valueContradictsEntries(
        question.asksForWords ? null : out.value,
        kind,
        allowedValues,
        chosen.map((e) => e.short),
        sameEntries(out.entryIds, question.offline.entryIds) ? question.offline.value : null,
      );
  if (contradiction) return contradiction;
  const ungrounded = ungroundedText(
    out.text,
    question.text,
    chosen.flatMap((e) => [e.answer, e.question]),
  );
  if (ungrounded) return ungrounded;
  return null;
}

const sameEntries = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

function fallback(q: ReportQuestion, why: string): ReportQuestion {
  if (q.status === "no_match") return { ...q, notes: [...q.notes, `LLM draft not used: ${why}`] };
  return { ...q, status: "needs_review", notes: [...q.notes, `LLM draft not used: ${why}; offline draft kept`] };
}

const isInverted = (q: ReportQuestion) => q.notes.some((n) => /opposite sense/.test(n));

function accept(
  prepared: PreparedLibrary,
  q: ReportQuestion,
  customer: CustomerContext,
  question: DrafterQuestion,
  out: Extract<DrafterAnswer, { kind: "answer" }>,
  thresholds: DraftThresholds,
  previous: string | null,
): ReportQuestion {
  const chosen = out.entryIds.flatMap((id) => prepared.entriesById.get(id) ?? []);
  const offlineConfidence = Math.max(
    ...chosen.map((e) => question.shortlist.find((c) => c.entryId === e.id)?.confidence ?? 0),
  );
  // Citations come from the policy for the chosen entries, never from the model.
  const cited = citeEntries(prepared, chosen, q.question, customer);
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
  // The offline engine's own reasons to hold a draft (the buyer's systems, a follow-up the row before
  // does not settle, a fact the text does not state, another party) hold for the model's draft too.
  const value = question.kind === "free_text" || question.asksForWords ? null : out.value;
  const held = reviewedDraft(
    prepared,
    { status, value, text: out.text, notes },
    { text: q.question, section: q.section },
    previous,
    chosen,
    thresholds,
  );
  const [first] = out.entryIds;
  const drafted: ReportQuestion = {
    ...q,
    status: held.status,
    answer: { value, text: out.text },
    confidence: Math.round(out.confidence * 1000) / 1000,
    entryId: first ?? null,
    entryIds: out.entryIds.length > 1 ? [...out.entryIds] : undefined,
    draftedBy: "llm",
    controls: cited.refs,
    citations: cited.citations,
    withheld: cited.withheld,
    notes: held.notes,
  };
  // The same post-draft step as the offline engine: the model cannot send a stale or contradicting answer.
  return finalizeAnswer(prepared, drafted, chosen, customer);
}

export interface RefineRun {
  readonly model: string;
  readonly mode: LlmAccount["mode"];
  readonly calls: number;
  readonly usage: DrafterUsage;
  readonly prices?: ModelPrices;
  readonly maxCostUsd?: number | null;
  readonly ceilingReached: boolean;
}

const OVER_BUDGET_NOTE = "LLM budget for this questionnaire reached: offline draft kept, please review";

/**
 * Applies each batch's result to the report: every question is validated on its own (an answer
 * naming an entry outside its shortlist, an artifact the policy withholds, a value or text its
 * entries do not support falls back to the offline draft, sent to review, with the reason).
 */
export function applyRefinement(
  plan: RefinePlan,
  prepared: PreparedLibrary,
  customer: CustomerContext,
  results: ReadonlyMap<string, BatchResult>,
  run: RefineRun,
  report: AnswerReport,
  options: RefineOptions = {},
): { report: AnswerReport; stats: RefineStats } {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const out: ReportQuestion[] = [...plan.questions];
  let accepted = 0;
  let fallbacks = 0;
  let overBudget = 0;
  const keepOffline = (batch: DrafterBatch, note: string) => {
    for (const dq of batch.questions) {
      const i = plan.indexOf.get(dq.id);
      const q = i === undefined ? undefined : out[i];
      if (i === undefined || !q) continue;
      overBudget++;
      out[i] = { ...q, status: q.status === "no_match" ? q.status : "needs_review", notes: [...q.notes, note] };
    }
  };
  for (const batch of plan.heldBack) keepOffline(batch, OVER_BUDGET_NOTE);
  for (const batch of plan.batches) {
    const result = results.get(batch.id) ?? { kind: "over_budget" as const };
    if (result.kind === "over_budget") {
      keepOffline(batch, OVER_BUDGET_NOTE);
      continue;
    }
    for (const dq of batch.questions) {
      const i = plan.indexOf.get(dq.id);
      const q = i === undefined ? undefined : out[i];
      if (i === undefined || !q) continue;
      if (result.kind === "failed") {
        fallbacks++;
        out[i] = fallback(q, `the LLM call failed (${result.reason.slice(0, 160)})`);
        continue;
      }
      if (result.output.failure) {
        fallbacks++;
        out[i] = fallback(q, result.output.failure);
        continue;
      }
      const answer = result.output.answers.get(dq.id);
      const problem = validateAnswer(dq, answer, plan.entries, isInverted(q));
      if (problem || answer?.kind !== "answer") {
        fallbacks++;
        out[i] = fallback(q, problem ?? "unusable output");
        continue;
      }
      accepted++;
      out[i] = accept(prepared, q, customer, dq, answer, thresholds, plan.previous[i] ?? null);
    }
  }
  const sent = plan.batches.reduce((n, b) => n + b.questions.length, 0);
  const discount = run.mode === "batches" ? BULK_DISCOUNT : 1;
  const llm: LlmAccount = {
    model: run.model,
    mode: run.mode,
    calls: run.calls,
    questionsSent:
      sent -
      plan.batches.filter((b) => results.get(b.id)?.kind === "over_budget").reduce((n, b) => n + b.questions.length, 0),
    accepted,
    fallbacks,
    overBudget,
    inputTokens: run.usage.inputTokens,
    outputTokens: run.usage.outputTokens,
    cacheReadTokens: run.usage.cacheReadTokens,
    cacheWriteTokens: run.usage.cacheWriteTokens,
    cacheHitShare: cacheHitShare(run.usage),
    estimatedCostUsd: run.prices ? roundUsd(costOf(run.usage, run.prices, discount)) : 0,
    ceilingUsd: run.maxCostUsd ?? null,
    ceilingReached: run.ceilingReached,
  };
  return {
    report: {
      ...report,
      questions: out,
      summary: summarize(out),
      warnings: withStaleWarnings(report.warnings, out),
      llm,
    },
    stats: {
      calls: run.calls,
      accepted,
      fallbacks,
      skipped: plan.skipped + overBudget,
      estimatedInputTokens: plan.estimatedInputTokens,
      inputTokens: run.usage.inputTokens,
      outputTokens: run.usage.outputTokens,
      cacheReadTokens: run.usage.cacheReadTokens,
      cacheWriteTokens: run.usage.cacheWriteTokens,
    },
  };
}

/**
 * Lets a Drafter (Claude) rerank and adapt the answers, a batch of questions per call, within a
 * call, token and cost budget and a concurrency limit. The first call runs alone so that it writes
 * the prompt cache every later call reads. A call that could cross the cost ceiling is not made:
 * from there on the questions keep their offline drafts, sent to review. Whatever the drafter says
 * is checked question by question (validateAnswer).
 */
export async function refineReport(
  report: AnswerReport,
  prepared: PreparedLibrary,
  customer: CustomerContext,
  drafter: Drafter,
  options: RefineOptions = {},
): Promise<{ report: AnswerReport; stats: RefineStats }> {
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_REFINE_OPTIONS.concurrency);
  const plan = planRefinement(report, prepared, customer, options);
  const ceiling = options.prices && options.maxCostUsd != null ? options.maxCostUsd : null;
  const results = new Map<string, BatchResult>();
  const total = plan.batches.reduce((n, b) => n + b.questions.length, 0);
  let done = 0;
  let calls = 0;
  let usage = ZERO_USAGE;
  let reserved = 0;
  let stopped = false;

  const draft = async (batch: DrafterBatch) => {
    const bound = options.prices ? worstCaseCost(plan, batch, options.prices) : 0;
    const spent = options.prices ? costOf(usage, options.prices) : 0;
    if (stopped || (ceiling !== null && spent + reserved + bound > ceiling)) {
      // Stop cleanly: no call that could cross the ceiling, and none after it (in order).
      stopped = true;
      results.set(batch.id, { kind: "over_budget" });
      return;
    }
    reserved += bound;
    calls++;
    try {
      const output = await drafter.draftBatch(batch);
      usage = addUsage(usage, output.usage);
      results.set(batch.id, { kind: "output", output });
    } catch (error) {
      results.set(batch.id, { kind: "failed", reason: (error as Error).message });
    } finally {
      reserved -= bound;
      done += batch.questions.length;
      options.onProgress?.(done, total);
    }
  };

  const [first, ...rest] = plan.batches;
  if (first) await draft(first);
  let next = 0;
  const worker = async () => {
    while (next < rest.length) {
      const batch = rest[next++];
      if (batch) await draft(batch);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, rest.length) }, worker));

  return applyRefinement(
    plan,
    prepared,
    customer,
    results,
    {
      model: drafter.model,
      mode: "messages",
      calls,
      usage,
      prices: options.prices,
      maxCostUsd: ceiling,
      ceilingReached: stopped,
    },
    report,
    options,
  );
}
