import type { CitationOptions } from "../../domain/answering/cite.js";
import type { LibraryEntry } from "../../domain/library/types.js";
import type { ServiceContext } from "../context.js";
import { preparedLibraryFor } from "../library/prepared.js";
import { customerContextOf, questionnaireRow } from "../questionnaires/shape.js";
import { answerCitationOptions } from "./citations.js";
import { type AnswerRow, answerRow } from "./shape.js";

export interface AnswerDetail extends AnswerRow {
  matchedEntry: LibraryEntry | null;
  alternativeEntries: {
    entryId: string;
    score: number;
    confidence: number | null;
    question: string | null;
    short: string | null;
  }[];
  citationOptions: CitationOptions;
}

/** One answer with what a reviewer needs to decide: the matched entry and the alternatives spelled out. */
export async function getAnswer(ctx: ServiceContext, id: string): Promise<AnswerDetail> {
  const row = await answerRow(ctx, id);
  const prepared = await preparedLibraryFor(ctx);
  const { entriesById } = prepared;
  const customer = customerContextOf(await questionnaireRow(ctx, row.questionnaireId));
  return {
    ...row,
    citationOptions: answerCitationOptions(prepared, row, customer),
    matchedEntry: row.entryId ? (entriesById.get(row.entryId) ?? null) : null,
    // Most confident first, on the answer's own 0–1 scale (older drafts lack it and keep their order).
    alternativeEntries: [...row.alternatives]
      .sort((x, y) => (y.confidence ?? -1) - (x.confidence ?? -1))
      .map((a) => {
        const entry = entriesById.get(a.entryId);
        return {
          entryId: a.entryId,
          score: a.score,
          confidence: a.confidence ?? null,
          question: entry?.question ?? null,
          short: entry?.short ?? null,
        };
      }),
  };
}
