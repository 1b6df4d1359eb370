import { asc, eq } from "drizzle-orm";
import { webhookSubscriptions } from "../../db/schema/index.js";
import type { ServiceContext } from "../context.js";
import { subscriptionRow, toWebhook, type WebhookView } from "./shape.js";

export async function listWebhooks(ctx: ServiceContext): Promise<WebhookView[]> {
  const rows = await ctx.db
    .select()
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.tenantId, ctx.tenantId))
    .orderBy(asc(webhookSubscriptions.createdAt));
  return rows.map(toWebhook);
}

export async function getWebhook(ctx: ServiceContext, id: string): Promise<WebhookView> {
  return toWebhook(await subscriptionRow(ctx, id));
}
