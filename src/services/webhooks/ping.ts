import { atomic } from "../../db/atomic.js";
import { auditStatement } from "../audit/record.js";
import type { ServiceContext } from "../context.js";
import { dispatchJobs } from "../jobs/enqueue.js";
import { deliveryById } from "./deliveries.js";
import { deliveryWrites } from "./emit.js";
import { PING_EVENT } from "./events.js";
import { subscriptionRow } from "./shape.js";

/**
 * Sends a signed `webhook.ping` to one endpoint, through the same durable delivery (retries,
 * address check, delivery log) as every event, so a receiver can be tested before real events flow.
 */
export async function pingWebhook(ctx: ServiceContext, id: string) {
  const subscription = await subscriptionRow(ctx, id);
  const writes = deliveryWrites(ctx, [subscription.id], PING_EVENT, {
    webhookId: subscription.id,
    message: "Quire test ping: this endpoint receives signed events",
  });
  await atomic(ctx.db, [...writes.statements, auditStatement(ctx, "webhook.ping", subscription.id)]);
  await dispatchJobs(ctx, writes.jobs);
  const delivery = await deliveryById(ctx, writes.deliveryIds[0] as string);
  if (!delivery) throw new Error("the ping delivery was not recorded");
  return delivery;
}
