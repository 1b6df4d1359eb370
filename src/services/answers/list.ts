import { and, asc, desc, eq, gt, lt, type Placeholder, type SQL, sql } from "drizzle-orm";
import { readCacheFor } from "../../db/read-cache.js";
import { answers, questions } from "../../db/schema/index.js";
import type { Db } from "../../db/types.js";
import {
  ANSWER_SORTS,
  type AnswerSort,
  STATUS_WORK_ORDER,
  type StoredAnswerStatus,
} from "../../domain/answering/status.js";
import { QuireError } from "../../domain/errors.js";
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
  /** Queue order (default `position`, the questionnaire's own); ties fall back to position. */
  sort?: AnswerSort | undefined;
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

/**
 * The value each sort orders by. Missing due dates count as the latest day and missing assignees
 * after every name, so "soonest due" and "by person" put the unplanned rows last (ascending).
 */
function sortKey(sort: Exclude<AnswerSort, "position">): SQL {
  switch (sort.replace(/^-/, "")) {
    case "confidence":
      return sql`${answers.confidence}`;
    case "status":
      return sql`(case ${answers.status} ${sql.join(
        Object.entries(STATUS_WORK_ORDER).map(([status, rank]) => sql`when ${status} then ${sql.raw(String(rank))}`),
        sql` `,
      )} end)`;
    case "dueOn":
      return sql`coalesce(${answers.dueOn}, '9999-12-31')`;
    default:
      return sql`coalesce(${answers.assignee}, char(1114111))`;
  }
}

/**
 * Rows after the cursor's row and the ORDER BY, for a sort: position pages by ordinal alone (the
 * index questions_questionnaire); the others by (key, ordinal), the key in the sort's direction
 * and the ordinal always ascending, so ties keep the questionnaire's order.
 */
function ordering(sort: AnswerSort, afterUsed: boolean, p: (name: string) => Placeholder) {
  if (sort === "position") {
    return {
      key: sql<string | number>`${questions.ordinal}`,
      after: afterUsed ? gt(questions.ordinal, p("after")) : undefined,
      order: [asc(questions.ordinal)],
    };
  }
  const key = sortKey(sort);
  const descending = sort.startsWith("-");
  const beyond = descending ? sql`${key} < ${p("afterKey")}` : sql`${key} > ${p("afterKey")}`;
  return {
    key: sql<string | number>`${key}`,
    after: afterUsed
      ? sql`(${beyond} or (${key} = ${p("afterKey")} and ${questions.ordinal} > ${p("after")}))`
      : undefined,
    order: [descending ? desc(key) : asc(key), asc(questions.ordinal)],
  };
}

/** One prepared statement per database, sort and filter combination: building and preparing SQL per request cost more than running it. */
function buildQuery(db: Db, used: ReadonlySet<Filter>, sort: AnswerSort) {
  const p = (name: string) => sql.placeholder(name);
  const { key, after, order } = ordering(sort, used.has("after"), p);
  return db
    .select({ ...summaryColumns, sortKey: key })
    .from(questions)
    .innerJoin(answers, and(eq(answers.tenantId, questions.tenantId), eq(answers.id, questions.id)))
    .where(
      and(
        eq(questions.tenantId, p("tenantId")),
        eq(questions.questionnaireId, p("questionnaireId")),
        after,
        used.has("status") ? eq(answers.status, p("status")) : undefined,
        used.has("confidenceBelow") ? lt(answers.confidence, p("confidenceBelow")) : undefined,
        used.has("section") ? eq(questions.section, p("section")) : undefined,
        used.has("assignee") ? eq(answers.assignee, p("assignee")) : undefined,
        used.has("q")
          ? sql`(lower(${questions.text}) like ${p("q")} escape '\\' or lower(coalesce(${answers.text}, '')) like ${p("q")} escape '\\' or lower(coalesce(${questions.sourceId}, '')) like ${p("q")} escape '\\')`
          : undefined,
      ),
    )
    .orderBy(...order)
    .limit(p("limit"))
    .prepare();
}
type Prepared = ReturnType<typeof buildQuery>;
const prepared = new WeakMap<Db, Map<string, Prepared>>();

function queryFor(db: Db, used: Set<Filter>, sort: AnswerSort): Prepared {
  const byShape = prepared.get(db) ?? new Map<string, Prepared>();
  prepared.set(db, byShape);
  const shape = `${sort}:${FILTERS.filter((f) => used.has(f)).join(",")}`;
  const query = byShape.get(shape) ?? buildQuery(db, used, sort);
  byShape.set(shape, query);
  return query;
}

type Row = Awaited<ReturnType<Prepared["all"]>>[number];
export type AnswerSummary = Omit<Row, "citations" | "sortKey"> & {
  citations: { artifactId: string; type: string; title: string }[];
};

/**
 * Where a cursor resumes: position cursors are the last question's ordinal (as before sorting
 * existed); sorted ones carry the sort, its key and the ordinal, so a cursor from one order is
 * refused in another instead of skipping or repeating rows.
 */
function resumeAt(cursor: string | undefined, sort: AnswerSort): { after?: number; afterKey?: string | number } {
  if (!cursor) return {};
  if (sort === "position") return { after: Number(decodeCursor(cursor, 1)[0]) };
  const [from, afterKey, after] = decodeCursor(cursor, 3);
  if (from !== sort || typeof after !== "number" || afterKey === undefined) {
    throw new QuireError("invalid_cursor", `cursor belongs to another sort than ${sort}`, 400);
  }
  return { after, afterKey };
}

/** Cursor of a row in a sort (see resumeAt). */
function cursorKey(sort: AnswerSort, row: Row): (string | number)[] {
  return sort === "position" ? [row.ordinal] : [sort, row.sortKey, row.ordinal];
}

/**
 * The sort, the filters in use and the values the prepared query binds, from a list request; the
 * cursor is checked against the sort. Shared by both readers so they page identically.
 */
function bindList(
  ctx: ServiceContext,
  questionnaireId: string,
  input: ListAnswersInput,
): { sort: AnswerSort; used: Set<Filter>; values: Record<string, unknown> } {
  const sort = input.sort ?? "position";
  if (!ANSWER_SORTS.includes(sort)) throw new QuireError("validation_failed", `sort: unknown sort ${sort}`, 400);
  const { after, afterKey } = resumeAt(input.cursor, sort);
  const values: Record<string, unknown> = { tenantId: ctx.tenantId, questionnaireId, limit: input.limit + 1 };
  if (afterKey !== undefined) values.afterKey = afterKey;
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
  return { sort, used, values };
}

/**
 * In questionnaire order unless `sort` says otherwise (ANSWER_SORTS); keyset-paged in that order.
 * The sort value is read back with each row (`sortKey`) so the cursor holds exactly what SQL compared.
 */
export async function listAnswers(
  ctx: ServiceContext,
  questionnaireId: string,
  input: ListAnswersInput,
): Promise<Page<AnswerSummary>> {
  const { sort, used, values } = bindList(ctx, questionnaireId, input);
  const rows = await queryFor(ctx.db, used, sort).all(values);
  // An empty page may be another tenant's (or no) questionnaire: that must be a 404, not [].
  if (rows.length === 0) await questionnaireRow(ctx, questionnaireId);
  return pageOf(
    rows,
    input.limit,
    (r) => cursorKey(sort, r),
    ({ sortKey: _sortKey, ...r }) => ({
      ...r,
      citations: r.citations.map((c) => ({ artifactId: c.artifactId, type: c.type, title: c.title })),
    }),
  );
}

/**
 * The same page as listAnswers, already as the JSON text the API sends (issue 13: this endpoint is
 * the review screen's hot call, ≥ 1,500 req/s). It reads the query's raw driver values instead of
 * letting drizzle decode every JSON column and the route encode it again: the JSON columns the
 * page shows as stored (allowed values, offered citations, entry ids) are copied into the output as
 * the text JSON.stringify wrote when they were saved, and only the citations, which the page
 * trims, are parsed. The bytes are the same as JSON.stringify(await listAnswers(...)) gives
 * (test/api/answer-list-json.test.ts). On embedded SQLite a built page is kept until anything is
 * written to the database file (src/db/read-cache.ts, test/api/answer-list-cache.test.ts).
 */
export async function listAnswersJson(
  ctx: ServiceContext,
  questionnaireId: string,
  input: ListAnswersInput,
): Promise<string> {
  const { sort, used, values } = bindList(ctx, questionnaireId, input);
  // Embedded SQLite keeps built pages until any write to the file (src/db/read-cache.ts). The key
  // is every value the query binds (tenant, questionnaire, limit, cursor, filters) and the sort;
  // an entry exists only because this same path found the page inside that tenant.
  const cache = readCacheFor(ctx.db);
  const version = cache?.current() ?? null;
  const key = `answers.list\u0000${sort}\u0000${JSON.stringify(values)}`;
  if (cache && version !== null) {
    const hit = cache.get(ctx.tenantId, key, version);
    if (hit !== undefined) return hit;
  }
  const body = await buildPageJson(ctx, questionnaireId, input, sort, used, values);
  if (cache && version !== null) cache.set(ctx.tenantId, key, version, body);
  return body;
}

async function buildPageJson(
  ctx: ServiceContext,
  questionnaireId: string,
  input: ListAnswersInput,
  sort: AnswerSort,
  used: Set<Filter>,
  values: Record<string, unknown>,
): Promise<string> {
  const rows = (await queryFor(ctx.db, used, sort).values(values)) as unknown[][];
  if (rows.length === 0) await questionnaireRow(ctx, questionnaireId);
  const page = rows.length > input.limit ? rows.slice(0, input.limit) : rows;
  let out = '{"data":[';
  for (let r = 0; r < page.length; r++) {
    if (r > 0) out += ",";
    out += rowJson(page[r] as unknown[]);
  }
  const last = page.at(-1);
  // The sort key is the column after the summary's (buildQuery selects it last).
  const nextCursor =
    rows.length > input.limit && last
      ? encodeCursor(
          sort === "position"
            ? [last[ORDINAL] as number]
            : [sort, last[COLUMN_KEYS.length] as string | number, last[ORDINAL] as number],
        )
      : null;
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
  // The summary's columns only: the sort key after them is for the cursor.
  for (let i = 0; i < COLUMN_KEYS.length; i++) {
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
