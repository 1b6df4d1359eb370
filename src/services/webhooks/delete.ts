import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { webhookSubscriptions } from "../../db/schema/index.js";
import { auditStatement } from "../audit/record.js";
import type { ServiceContext } from "../context.js";
import { subscriptionRow } from "./shape.js";

/** Pending deliveries of a deleted subscription find no subscription and stop (the log keeps them). */
export async function deleteWebhook(ctx: ServiceContext, id: string): Promise<void> {
  await subscriptionRow(ctx, id);
  await atomic(ctx.db, [
    ctx.db
      .delete(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.tenantId, ctx.tenantId), eq(webhookSubscriptions.id, id))),
    auditStatement(ctx, "webhook.delete", id),
  ]);
}
