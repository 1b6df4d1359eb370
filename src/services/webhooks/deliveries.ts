import { and, desc, eq } from "drizzle-orm";
import { webhookDeliveries } from "../../db/schema/index.js";
import type { ServiceContext } from "../context.js";
import { subscriptionRow } from "./shape.js";

/** The delivery log of one subscription, newest first (the last 100). */
export async function listDeliveries(ctx: ServiceContext, subscriptionId: string) {
  await subscriptionRow(ctx, subscriptionId);
  const rows = await ctx.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.tenantId, ctx.tenantId), eq(webhookDeliveries.subscriptionId, subscriptionId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(100);
  return rows.map(toDelivery);
}

const toDelivery = ({ tenantId: _, payload, ...r }: typeof webhookDeliveries.$inferSelect) => ({
  ...r,
  payload: JSON.parse(payload) as unknown,
});

export async function deliveryById(ctx: ServiceContext, id: string) {
  const rows = await ctx.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.tenantId, ctx.tenantId), eq(webhookDeliveries.id, id)))
    .limit(1);
  const row = rows[0];
  return row ? toDelivery(row) : null;
}
