import { atomic } from "../../db/atomic.js";
import { answerComments } from "../../db/schema/index.js";
import { answerRow } from "../answers/shape.js";
import { auditStatement } from "../audit/record.js";
import { newId, nowIso, type ServiceContext } from "../context.js";
import { dispatchJobs } from "../jobs/enqueue.js";
import { activeEmails } from "../users/emails.js";
import { eventWrites } from "../webhooks/emit.js";

export interface CommentView {
  id: string;
  answerId: string;
  author: string;
  body: string;
  mentions: string[];
  createdAt: string;
}

/** "@dana@vendor.example" or "@dana" (the local part of a user's email). */
const MENTION = /(?:^|[\s(])@([\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)/g;

/** The tenant's active users a comment names with @ (email or its local part); other names stay plain text. */
export function mentionedUsers(body: string, known: readonly string[]): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    const name = (match[1] ?? "").toLowerCase().replace(/[.]+$/, "");
    const email = known.find((e) => e === name || e.split("@")[0] === name);
    if (email) found.add(email);
  }
  return [...found];
}

/** A comment on an answer; the people it @mentions are recorded and announced (answer.commented). */
export async function addComment(ctx: ServiceContext, answerId: string, body: string): Promise<CommentView> {
  const answer = await answerRow(ctx, answerId);
  const mentions = await mentionedUsers(body, await activeEmails(ctx));
  const row = {
    id: newId("cmt"),
    tenantId: ctx.tenantId,
    answerId,
    author: ctx.actor,
    body,
    mentions,
    createdAt: nowIso(ctx),
  };
  const event = await eventWrites(ctx, "answer.commented", {
    answerId,
    questionnaireId: answer.questionnaireId,
    commentId: row.id,
    author: row.author,
    body,
    mentions,
  });
  await atomic(ctx.db, [
    ctx.db.insert(answerComments).values(row),
    auditStatement(ctx, "answer.comment", answerId, { commentId: row.id, mentions }),
    ...event.statements,
  ]);
  await dispatchJobs(ctx, event.jobs);
  const { tenantId: _, ...view } = row;
  return view;
}
