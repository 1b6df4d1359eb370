import { and, eq } from "drizzle-orm";
import { webhookSubscriptions } from "../../db/schema/index.js";
import type { ServiceContext } from "../context.js";
import { keyset, type Page } from "../pagination.js";
import { type SubscriptionRow, subscriptionRow, toWebhook, type WebhookView } from "./shape.js";

const oldestFirst = keyset([webhookSubscriptions.createdAt, webhookSubscriptions.id], "asc", (r: SubscriptionRow) => [
  r.createdAt,
  r.id,
]);

/** Oldest first, a page at a time. */
export async function listWebhooks(
  ctx: ServiceContext,
  input: { limit: number; cursor?: string | undefined } = { limit: 100 },
): Promise<Page<WebhookView>> {
  const rows = await ctx.db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.tenantId, ctx.tenantId), oldestFirst.after(input.cursor)))
    .orderBy(...oldestFirst.order)
    .limit(input.limit + 1);
  return oldestFirst.page(rows, input.limit, toWebhook);
}

export async function getWebhook(ctx: ServiceContext, id: string): Promise<WebhookView> {
  return toWebhook(await subscriptionRow(ctx, id));
}
