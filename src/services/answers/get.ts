import type { LibraryEntry } from "../../domain/library/types.js";
import type { ServiceContext } from "../context.js";
import { preparedLibraryFor } from "../library/prepared.js";
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
}

/** One answer with what a reviewer needs to decide: the matched entry and the alternatives spelled out. */
export async function getAnswer(ctx: ServiceContext, id: string): Promise<AnswerDetail> {
  const row = await answerRow(ctx, id);
  const { entriesById } = await preparedLibraryFor(ctx);
  return {
    ...row,
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
