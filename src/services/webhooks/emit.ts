import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { atomic } from "../../db/atomic.js";
import { chunkRows } from "../../db/chunk.js";
import { webhookDeliveries, webhookSubscriptions } from "../../db/schema/index.js";
import { type DispatchedJob, newId, nowIso, type ServiceContext } from "../context.js";
import { dispatchJobs, jobStatement } from "../jobs/enqueue.js";
import type { WebhookEvent } from "./events.js";

export interface EventWrites {
  /** Delivery rows and their jobs: run them in the same atomic step as the change the event reports. */
  readonly statements: BatchItem<"sqlite">[];
  /** The delivery jobs, to dispatch once the batch is committed. */
  readonly jobs: DispatchedJob[];
  /** The deliveries written (one per endpoint). */
  readonly deliveryIds: string[];
}

/**
 * The writes that emit one event: a delivery per subscribed endpoint, each with its own durable
 * "webhook.deliver" job. The payload is fixed here (the Standard Webhooks envelope: type,
 * timestamp, data) so every retry sends the same bytes. Committing them with the change itself
 * means a crash cannot lose the event (every webhook is delivered at least once).
 */
export async function eventWrites(
  ctx: ServiceContext,
  type: WebhookEvent,
  data: Record<string, unknown>,
): Promise<EventWrites> {
  return deliveryWrites(ctx, await subscribersOf(ctx, type), type, data);
}

/** The tenant's endpoints subscribed to an event (read once when one action emits it many times). */
export async function subscribersOf(ctx: ServiceContext, type: WebhookEvent): Promise<string[]> {
  const subscriptions = await ctx.db
    .select({ id: webhookSubscriptions.id, events: webhookSubscriptions.events })
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.tenantId, ctx.tenantId));
  return subscriptions.filter((s) => s.events.includes(type)).map((s) => s.id);
}

/** The deliveries of one event to the given subscriptions (the ping names its one endpoint). */
export function deliveryWrites(
  ctx: ServiceContext,
  subscriptionIds: readonly string[],
  type: string,
  data: Record<string, unknown>,
): EventWrites {
  if (subscriptionIds.length === 0) return { statements: [], jobs: [], deliveryIds: [] };
  const at = nowIso(ctx);
  const payload = JSON.stringify({ type, timestamp: at, data });
  const rows = subscriptionIds.map((subscriptionId): typeof webhookDeliveries.$inferSelect => ({
    id: newId("msg"),
    tenantId: ctx.tenantId,
    subscriptionId,
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
  const queued = rows.map((row) =>
    jobStatement(ctx, { type: "webhook.deliver", tenantId: ctx.tenantId, deliveryId: row.id }),
  );
  return {
    statements: [
      ...chunkRows(rows).map((chunk) => ctx.db.insert(webhookDeliveries).values(chunk)),
      ...queued.map((q) => q.statement),
    ],
    jobs: queued.map((q) => q.job),
    deliveryIds: rows.map((r) => r.id),
  };
}

/** Emits an event on its own (when the change it reports is already committed). */
export async function emitEvent(ctx: ServiceContext, type: WebhookEvent, data: Record<string, unknown>): Promise<void> {
  const writes = await eventWrites(ctx, type, data);
  await atomic(ctx.db, writes.statements);
  await dispatchJobs(ctx, writes.jobs);
}
