import { and, eq } from "drizzle-orm";
import { webhookDeliveries, webhookSubscriptions } from "../../db/schema/index.js";
import { isQuireError } from "../../domain/errors.js";
import { nowIso, type ServiceContext } from "../context.js";
import type { JobOutcome } from "../jobs/types.js";
import { fetchPoster } from "./post.js";
import { webhookSettings } from "./settings.js";
import { signWebhook } from "./sign.js";
import { checkWebhookTarget } from "./ssrf.js";

/**
 * One delivery attempt (the "webhook.deliver" job). A 2xx ends it; anything else is logged and,
 * while retries remain, the job is put back with the next backoff delay. The host is resolved and
 * checked once per attempt and the request connects to an address from that answer (pinned), so
 * a DNS answer that changes in between cannot point it at an internal address. Redirects are not
 * followed: a redirect could point at an internal address the URL check never saw.
 */
export async function deliverWebhook(ctx: ServiceContext, deliveryId: string): Promise<JobOutcome> {
  const { db, tenantId } = ctx;
  const whereDelivery = and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, deliveryId));
  const delivery = (await db.select().from(webhookDeliveries).where(whereDelivery).limit(1))[0];
  if (delivery?.status !== "pending") return { kind: "done" };
  const subscription = (
    await db
      .select()
      .from(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.tenantId, tenantId), eq(webhookSubscriptions.id, delivery.subscriptionId)))
      .limit(1)
  )[0];
  if (!subscription) {
    await abandonDelivery(ctx, deliveryId, "subscription deleted");
    return { kind: "done" };
  }

  const settings = webhookSettings(ctx);
  const attempts = delivery.attempts + 1;
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const target = await checkWebhookTarget(subscription.url, ctx.resolveHost, settings.allowLoopback);
    const timestamp = Math.floor(ctx.clock.now().getTime() / 1000);
    const response = await (ctx.webhookPost ?? fetchPoster)({
      url: target.url,
      address: target.addresses[0] as string,
      timeoutMs: settings.timeoutMs,
      headers: {
        "content-type": "application/json",
        "user-agent": "Quire-Webhooks/1",
        "webhook-id": delivery.id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": await signWebhook(subscription.secret, delivery.id, timestamp, delivery.payload),
      },
      body: delivery.payload,
    });
    statusCode = response.status;
    if (statusCode < 200 || statusCode >= 300) error = `receiver answered ${statusCode}`;
  } catch (e) {
    error = isQuireError(e) ? `${e.code}: ${e.message}` : `request failed: ${(e as Error).message}`;
  }

  const delay = settings.retryDelaysMs[attempts - 1];
  const status = error === null ? "succeeded" : delay === undefined ? "failed" : "pending";
  const next =
    status === "pending" && delay !== undefined ? new Date(ctx.clock.now().getTime() + delay).toISOString() : null;
  await db
    .update(webhookDeliveries)
    .set({
      status,
      attempts,
      lastStatusCode: statusCode,
      lastError: error,
      nextAttemptAt: next,
      updatedAt: nowIso(ctx),
    })
    .where(whereDelivery);
  return status === "pending" && delay !== undefined
    ? { kind: "retry", delayMs: delay, error: error ?? "" }
    : { kind: "done" };
}

/** The delivery will not be tried again (its subscription is gone, or its job was given up). */
export async function abandonDelivery(ctx: ServiceContext, deliveryId: string, reason: string): Promise<void> {
  await ctx.db
    .update(webhookDeliveries)
    .set({ status: "failed", lastError: reason, nextAttemptAt: null, updatedAt: nowIso(ctx) })
    .where(
      and(
        eq(webhookDeliveries.tenantId, ctx.tenantId),
        eq(webhookDeliveries.id, deliveryId),
        eq(webhookDeliveries.status, "pending"),
      ),
    );
}
