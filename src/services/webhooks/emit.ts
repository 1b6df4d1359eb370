import { eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { webhookDeliveries, webhookSubscriptions } from "../../db/schema/index.js";
import { newId, nowIso, type ServiceContext } from "../context.js";
import type { WebhookEvent } from "./events.js";

/**
 * Records one delivery per subscribed endpoint and queues it. The payload is fixed here (the
 * Standard Webhooks envelope: type, timestamp, data) so every retry sends the same bytes.
 */
export async function emitEvent(ctx: ServiceContext, type: WebhookEvent, data: Record<string, unknown>): Promise<void> {
  const subscriptions = await ctx.db
    .select({ id: webhookSubscriptions.id, events: webhookSubscriptions.events })
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.tenantId, ctx.tenantId));
  const targets = subscriptions.filter((s) => s.events.includes(type));
  if (targets.length === 0) return;
  const at = nowIso(ctx);
  const payload = JSON.stringify({ type, timestamp: at, data });
  const rows = targets.map((s): typeof webhookDeliveries.$inferSelect => ({
    id: newId("msg"),
    tenantId: ctx.tenantId,
    subscriptionId: s.id,
    eventType: type,
    payload,
    status: "pending",
    attempts: 0,
    lastStatusCode: null,
    lastError: null,
    nextAttemptAt: at,
    createdAt: at,
    updatedAt: at,
  }));
  await atomic(ctx.db, [ctx.db.insert(webhookDeliveries).values(rows)]);
  for (const row of rows) {
    await ctx.jobs?.enqueue({ type: "webhook.deliver", tenantId: ctx.tenantId, deliveryId: row.id });
  }
}
