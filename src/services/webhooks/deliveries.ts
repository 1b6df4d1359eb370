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
  return rows.map(({ tenantId: _, payload, ...r }) => ({ ...r, payload: JSON.parse(payload) as unknown }));
}
