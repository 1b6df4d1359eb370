import { atomic } from "../../db/atomic.js";
import { webhookSubscriptions } from "../../db/schema/index.js";
import { auditStatement } from "../audit/record.js";
import { newId, nowIso, type ServiceContext } from "../context.js";
import type { WebhookEvent } from "./events.js";
import { webhookSettings } from "./settings.js";
import { toWebhook, type WebhookView } from "./shape.js";
import { newWebhookSecret } from "./sign.js";
import { assertPublicUrl } from "./ssrf.js";

export async function createWebhook(
  ctx: ServiceContext,
  input: { url: string; events: WebhookEvent[]; description?: string | undefined },
): Promise<WebhookView & { secret: string }> {
  await assertPublicUrl(input.url, ctx.resolveHost, webhookSettings(ctx).allowLoopback);
  const row = {
    id: newId("wh"),
    tenantId: ctx.tenantId,
    url: input.url,
    events: [...new Set(input.events)],
    secret: newWebhookSecret(),
    description: input.description ?? null,
    createdAt: nowIso(ctx),
  };
  await atomic(ctx.db, [
    ctx.db.insert(webhookSubscriptions).values(row),
    auditStatement(ctx, "webhook.create", row.id, { url: row.url, events: row.events }),
  ]);
  return { ...toWebhook(row), secret: row.secret };
}
