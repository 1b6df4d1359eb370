import { and, eq } from "drizzle-orm";
import { webhookSubscriptions } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import type { ServiceContext } from "../context.js";

export type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;

export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  createdAt: string;
}

/** The secret is never part of the view: it is shown once, at creation. */
export const toWebhook = (r: SubscriptionRow): WebhookView => ({
  id: r.id,
  url: r.url,
  events: r.events,
  description: r.description,
  createdAt: r.createdAt,
});

export async function subscriptionRow(ctx: ServiceContext, id: string): Promise<SubscriptionRow> {
  const rows = await ctx.db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.tenantId, ctx.tenantId), eq(webhookSubscriptions.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new QuireError("not_found", `webhook ${id} not found`, 404);
  return row;
}
