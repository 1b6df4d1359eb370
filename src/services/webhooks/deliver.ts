import { and, eq } from "drizzle-orm";
import { webhookDeliveries, webhookSubscriptions } from "../../db/schema/index.js";
import { isQuireError } from "../../domain/errors.js";
import { nowIso, type ServiceContext } from "../context.js";
import { webhookSettings } from "./settings.js";
import { signWebhook } from "./sign.js";
import { assertPublicUrl } from "./ssrf.js";

/**
 * One delivery attempt (the "webhook.deliver" job). A 2xx ends it; anything else is logged and,
 * while retries remain, re-queued with the next backoff delay. Redirects are not followed: a
 * redirect could point at an internal address the URL check never saw.
 */
export async function deliverWebhook(ctx: ServiceContext, deliveryId: string): Promise<void> {
  const { db, tenantId } = ctx;
  const whereDelivery = and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, deliveryId));
  const delivery = (await db.select().from(webhookDeliveries).where(whereDelivery).limit(1))[0];
  if (delivery?.status !== "pending") return;
  const subscription = (
    await db
      .select()
      .from(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.tenantId, tenantId), eq(webhookSubscriptions.id, delivery.subscriptionId)))
      .limit(1)
  )[0];
  if (!subscription) {
    await db
      .update(webhookDeliveries)
      .set({ status: "failed", lastError: "subscription deleted", nextAttemptAt: null, updatedAt: nowIso(ctx) })
      .where(whereDelivery);
    return;
  }

  const settings = webhookSettings(ctx);
  const attempts = delivery.attempts + 1;
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    await assertPublicUrl(subscription.url, ctx.resolveHost, settings.allowLoopback);
    const timestamp = Math.floor(ctx.clock.now().getTime() / 1000);
    const response = await (ctx.fetch ?? fetch)(subscription.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(settings.timeoutMs),
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
    await response.body?.cancel();
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
  if (status === "pending" && delay !== undefined) {
    await ctx.jobs?.enqueue({ type: "webhook.deliver", tenantId, deliveryId }, { delayMs: delay });
  }
}
