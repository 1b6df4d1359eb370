import { and, desc, eq, inArray } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { answers, libraryConflicts, questions } from "../../db/schema/index.js";
import { disagreement, sameValue, valueInEntrySense } from "../../domain/answering/agreement.js";
import { QuireError } from "../../domain/errors.js";
import type { LibraryEntry } from "../../domain/library/types.js";
import type { AnswerRow } from "../answers/shape.js";
import { auditStatement } from "../audit/record.js";
import { newId, nowIso, type ServiceContext } from "../context.js";
import { preparedLibraryFor } from "./prepared.js";

export type ConflictRow = typeof libraryConflicts.$inferSelect;

export interface LibraryConflict {
  id: string;
  entryId: string;
  owner: string;
  answers: ConflictRow["answers"];
  message: string;
  status: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
}

const toConflict = (r: ConflictRow): LibraryConflict => ({
  id: r.id,
  entryId: r.entryId,
  owner: r.owner,
  answers: r.answers,
  message: r.message,
  status: r.status,
  createdAt: r.createdAt,
  resolvedAt: r.resolvedAt,
  resolvedBy: r.resolvedBy,
  resolution: r.resolution,
});

const questionOf = (row: AnswerRow) => ({ text: row.question, kind: row.kind, allowedValues: row.allowedValues });
const summaryOf = (row: AnswerRow) => ({
  answerId: row.id,
  questionnaireId: row.questionnaireId,
  question: row.question,
  value: row.value,
});

/** Other approved answers from the same entry, with their questions (tenant-wide). */
async function approvedFromEntry(ctx: ServiceContext, entryId: string, except: readonly string[]) {
  const rows = await ctx.db
    .select({
      id: answers.id,
      questionnaireId: answers.questionnaireId,
      value: answers.value,
      question: questions.text,
      kind: questions.kind,
      allowedValues: questions.allowedValues,
    })
    .from(answers)
    .innerJoin(questions, and(eq(questions.tenantId, answers.tenantId), eq(questions.id, answers.id)))
    .where(and(eq(answers.tenantId, ctx.tenantId), eq(answers.entryId, entryId), eq(answers.status, "approved")))
    .limit(200);
  return rows.filter((r) => !except.includes(r.id));
}

/** Why an approved answer conflicts with its entry or another approved answer from it, and who else is involved. */
async function conflictFor(
  ctx: ServiceContext,
  row: AnswerRow,
  entry: LibraryEntry,
): Promise<{ message: string; involved: ConflictRow["answers"] } | null> {
  if (row.value === null || row.kind === "free_text") return null;
  const withEntry = disagreement(questionOf(row), row.value, entry);
  if (withEntry) return { message: `${withEntry}: "${row.question}"`, involved: [summaryOf(row)] };
  // An entry without a value of its own (free text) can still be answered both ways by reviewers.
  const mine = valueInEntrySense(questionOf(row), row.value, entry);
  for (const other of await approvedFromEntry(ctx, entry.id, [row.id])) {
    if (other.value === null || other.kind === "free_text") continue;
    const theirs = valueInEntrySense(
      { text: other.question, kind: other.kind, allowedValues: other.allowedValues },
      other.value,
      entry,
    );
    if (!sameValue(mine, theirs)) {
      return {
        message: `two approved answers from entry ${entry.id} disagree: "${row.value}" to "${row.question}" and "${other.value}" to "${other.question}"`,
        involved: [
          summaryOf(row),
          { answerId: other.id, questionnaireId: other.questionnaireId, question: other.question, value: other.value },
        ],
      };
    }
  }
  return null;
}

/**
 * After approvals: opens a library conflict, shown to the entry's owner, for each approved answer
 * whose value differs from its entry's (read in the question's sense) or from another approved
 * answer to the same entry. An answer already in an open conflict is not reported twice.
 */
export async function recordConflicts(ctx: ServiceContext, rows: readonly AnswerRow[]): Promise<LibraryConflict[]> {
  const candidates = rows.filter((r) => r.entryId !== null && r.value !== null);
  if (candidates.length === 0) return [];
  const prepared = await preparedLibraryFor(ctx);
  const open = await ctx.db
    .select()
    .from(libraryConflicts)
    .where(
      and(
        eq(libraryConflicts.tenantId, ctx.tenantId),
        eq(libraryConflicts.status, "open"),
        inArray(
          libraryConflicts.entryId,
          candidates.map((r) => r.entryId as string),
        ),
      ),
    );
  const reported = new Set(open.flatMap((c) => c.answers.map((a) => a.answerId)));
  const created: ConflictRow[] = [];
  for (const row of candidates) {
    const entry = prepared.entriesById.get(row.entryId as string);
    if (!entry || reported.has(row.id)) continue;
    const found = await conflictFor(ctx, row, entry);
    if (!found) continue;
    const conflict: ConflictRow = {
      id: newId("lc"),
      tenantId: ctx.tenantId,
      entryId: entry.id,
      owner: entry.owner,
      answers: found.involved,
      message: found.message,
      status: "open",
      createdAt: nowIso(ctx),
      resolvedAt: null,
      resolvedBy: null,
      resolution: null,
    };
    for (const a of found.involved) reported.add(a.answerId);
    created.push(conflict);
  }
  if (created.length > 0) {
    await atomic(ctx.db, [
      ctx.db.insert(libraryConflicts).values(created),
      ...created.map((c) =>
        auditStatement(ctx, "library.conflict", c.entryId, { conflictId: c.id, message: c.message }),
      ),
    ]);
  }
  return created.map(toConflict);
}

export async function listConflicts(
  ctx: ServiceContext,
  filter: { status?: "open" | "resolved" | undefined; owner?: string | undefined } = {},
): Promise<LibraryConflict[]> {
  const rows = await ctx.db
    .select()
    .from(libraryConflicts)
    .where(
      and(
        eq(libraryConflicts.tenantId, ctx.tenantId),
        ...(filter.status ? [eq(libraryConflicts.status, filter.status)] : []),
        ...(filter.owner ? [eq(libraryConflicts.owner, filter.owner)] : []),
      ),
    )
    .orderBy(desc(libraryConflicts.createdAt))
    .limit(500);
  return rows.map(toConflict);
}

/** The entry's owner settles a conflict (fixed the entry, or the approved answer was the exception). */
export async function resolveConflict(ctx: ServiceContext, id: string, resolution: string): Promise<LibraryConflict> {
  const where = and(eq(libraryConflicts.tenantId, ctx.tenantId), eq(libraryConflicts.id, id));
  const row = (await ctx.db.select().from(libraryConflicts).where(where).limit(1))[0];
  if (!row) throw new QuireError("not_found", `library conflict ${id} not found`, 404);
  if (row.status === "resolved") return toConflict(row);
  const at = nowIso(ctx);
  const changes = { status: "resolved", resolvedAt: at, resolvedBy: ctx.actor, resolution };
  await atomic(ctx.db, [
    ctx.db.update(libraryConflicts).set(changes).where(where),
    auditStatement(ctx, "library.conflict.resolve", row.entryId, { conflictId: id, resolution }),
  ]);
  return toConflict({ ...row, ...changes });
}
