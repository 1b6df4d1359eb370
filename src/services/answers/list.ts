import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import { answers, questions } from "../../db/schema/index.js";
import type { Db } from "../../db/types.js";
import type { StoredAnswerStatus } from "../../domain/answering/status.js";
import type { ServiceContext } from "../context.js";
import { decodeCursor, encodeCursor, type Page, pageOf } from "../pagination.js";
import { questionnaireRow } from "../questionnaires/shape.js";
import { answerColumns } from "./shape.js";

export interface ListAnswersInput {
  limit: number;
  cursor?: string | undefined;
  status?: StoredAnswerStatus | undefined;
  /** Only answers with confidence strictly below this. */
  confidenceBelow?: number | undefined;
  section?: string | undefined;
  assignee?: string | undefined;
  /** Words to find in the question, its id or the answer text (case-insensitive). */
  q?: string | undefined;
}

/**
 * The list view: what a review screen shows per row. Controls, alternatives, withheld reasons,
 * notes and matched terms are in GET /v1/answers/{id}; leaving them out here keeps a 36-question
 * page at a third of the bytes, which is most of this hot endpoint's cost.
 */
const {
  sheet: _sheet,
  row: _row,
  answerCell: _answerCell,
  commentCell: _commentCell,
  existingAnswer: _existingAnswer,
  controls: _controls,
  withheld: _withheld,
  alternatives: _alternatives,
  notes: _notes,
  matchedTerms: _matchedTerms,
  rejectReason: _rejectReason,
  ...listed
} = answerColumns;
const summaryColumns = {
  ...listed,
  // Counted in SQL: the reasons are long and only GET /v1/answers/{id} shows them.
  withheldCount: sql<number>`json_array_length(${answers.withheld})`,
  // Why the row needs a person (the drafter's first note), shown in the review table.
  reason: sql<string | null>`json_extract(${answers.notes}, '$[0]')`,
};

type Filter = "status" | "confidenceBelow" | "section" | "assignee" | "after" | "q";
const FILTERS: readonly Filter[] = ["status", "confidenceBelow", "section", "assignee", "after", "q"];

/** A LIKE pattern that matches `q` literally anywhere (%, _ and \\ in it are not wildcards). */
export const containsPattern = (q: string): string => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One prepared statement per database and filter combination: building and preparing SQL per request cost more than running it. */
function buildQuery(db: Db, used: ReadonlySet<Filter>) {
  const p = (name: string) => sql.placeholder(name);
  return db
    .select(summaryColumns)
    .from(questions)
    .innerJoin(answers, and(eq(answers.tenantId, questions.tenantId), eq(answers.id, questions.id)))
    .where(
      and(
        eq(questions.tenantId, p("tenantId")),
        eq(questions.questionnaireId, p("questionnaireId")),
        used.has("after") ? gt(questions.ordinal, p("after")) : undefined,
        used.has("status") ? eq(answers.status, p("status")) : undefined,
        used.has("confidenceBelow") ? lt(answers.confidence, p("confidenceBelow")) : undefined,
        used.has("section") ? eq(questions.section, p("section")) : undefined,
        used.has("assignee") ? eq(answers.assignee, p("assignee")) : undefined,
        used.has("q")
          ? sql`(lower(${questions.text}) like ${p("q")} escape '\\' or lower(coalesce(${answers.text}, '')) like ${p("q")} escape '\\' or lower(coalesce(${questions.sourceId}, '')) like ${p("q")} escape '\\')`
          : undefined,
      ),
    )
    .orderBy(asc(questions.ordinal))
    .limit(p("limit"))
    .prepare();
}
type Prepared = ReturnType<typeof buildQuery>;
const prepared = new WeakMap<Db, Map<string, Prepared>>();

function queryFor(db: Db, used: Set<Filter>): Prepared {
  const byShape = prepared.get(db) ?? new Map<string, Prepared>();
  prepared.set(db, byShape);
  const shape = FILTERS.filter((f) => used.has(f)).join(",");
  const query = byShape.get(shape) ?? buildQuery(db, used);
  byShape.set(shape, query);
  return query;
}

type Row = Awaited<ReturnType<Prepared["all"]>>[number];
export type AnswerSummary = Omit<Row, "citations"> & {
  citations: { artifactId: string; type: string; title: string }[];
};

/** In questionnaire order; the cursor is the last question's ordinal (index questions_questionnaire). */
export async function listAnswers(
  ctx: ServiceContext,
  questionnaireId: string,
  input: ListAnswersInput,
): Promise<Page<AnswerSummary>> {
  const after = input.cursor ? Number(decodeCursor(input.cursor, 1)[0]) : undefined;
  const values: Record<string, unknown> = { tenantId: ctx.tenantId, questionnaireId, limit: input.limit + 1 };
  const used = new Set<Filter>();
  const add = (name: Filter, value: unknown) => {
    if (value === undefined || value === "") return;
    used.add(name);
    values[name] = value;
  };
  add("after", after);
  add("status", input.status);
  add("confidenceBelow", input.confidenceBelow);
  add("section", input.section);
  add("assignee", input.assignee);
  add("q", input.q?.trim() ? containsPattern(input.q.trim()) : undefined);
  const rows = await queryFor(ctx.db, used).all(values);
  // An empty page may be another tenant's (or no) questionnaire: that must be a 404, not [].
  if (rows.length === 0) await questionnaireRow(ctx, questionnaireId);
  return pageOf(
    rows,
    input.limit,
    (r) => [r.ordinal],
    (r) => ({ ...r, citations: r.citations.map((c) => ({ artifactId: c.artifactId, type: c.type, title: c.title })) }),
  );
}

/**
 * The same page as listAnswers, already as the JSON text the API sends (issue 13: this endpoint is
 * the review screen's hot call, ≥ 1,500 req/s). It reads the query's raw driver values instead of
 * letting drizzle decode every JSON column and the route encode it again: the JSON columns the
 * page shows as stored (allowed values, offered citations, entry ids) are copied into the output as
 * the text JSON.stringify wrote when they were saved, and only the citations, which the page
 * trims, are parsed. The bytes are the same as JSON.stringify(await listAnswers(...)) gives
 * (test/api/answer-list-json.test.ts).
 */
export async function listAnswersJson(
  ctx: ServiceContext,
  questionnaireId: string,
  input: ListAnswersInput,
): Promise<string> {
  const after = input.cursor ? Number(decodeCursor(input.cursor, 1)[0]) : undefined;
  const values: Record<string, unknown> = { tenantId: ctx.tenantId, questionnaireId, limit: input.limit + 1 };
  const used = new Set<Filter>();
  const add = (name: Filter, value: unknown) => {
    if (value === undefined || value === "") return;
    used.add(name);
    values[name] = value;
  };
  add("after", after);
  add("status", input.status);
  add("confidenceBelow", input.confidenceBelow);
  add("section", input.section);
  add("assignee", input.assignee);
  add("q", input.q?.trim() ? containsPattern(input.q.trim()) : undefined);
  const rows = (await queryFor(ctx.db, used).values(values)) as unknown[][];
  if (rows.length === 0) await questionnaireRow(ctx, questionnaireId);
  const page = rows.length > input.limit ? rows.slice(0, input.limit) : rows;
  let out = '{"data":[';
  for (let r = 0; r < page.length; r++) {
    if (r > 0) out += ",";
    out += rowJson(page[r] as unknown[]);
  }
  const last = page.at(-1);
  const nextCursor = rows.length > input.limit && last ? encodeCursor([last[ORDINAL] as number]) : null;
  return `${out}],"nextCursor":${JSON.stringify(nextCursor)}}`;
}

/** How each selected column is written: a plain value, stored JSON text copied as is, or the trimmed citations. */
type Encoding = "value" | "stored" | "citations";
const COLUMN_KEYS = Object.keys(summaryColumns) as (keyof typeof summaryColumns)[];
const ENCODINGS: readonly Encoding[] = COLUMN_KEYS.map((key) =>
  key === "citations"
    ? "citations"
    : key === "allowedValues" || key === "onRequest" || key === "entryIds"
      ? "stored"
      : "value",
);
const KEY_PREFIXES = COLUMN_KEYS.map((key, i) => `${i === 0 ? "{" : ","}${JSON.stringify(key)}:`);
const ORDINAL = COLUMN_KEYS.indexOf("ordinal");

function rowJson(row: readonly unknown[]): string {
  let out = "";
  for (let i = 0; i < row.length; i++) {
    const value = row[i];
    out += KEY_PREFIXES[i];
    if (value === null || value === undefined) out += "null";
    else if (ENCODINGS[i] === "stored") out += value as string;
    else if (ENCODINGS[i] === "citations") {
      const citations = JSON.parse(value as string) as { artifactId: string; type: string; title: string }[];
      out += JSON.stringify(citations.map((c) => ({ artifactId: c.artifactId, type: c.type, title: c.title })));
    } else out += JSON.stringify(value);
  }
  return `${out}}`;
}
