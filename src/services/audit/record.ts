import { auditLog } from "../../db/schema/index.js";
import { newId, nowIso, type ServiceContext } from "../context.js";

/**
 * The audit row for one mutation, citation or export. Returned as a statement so that callers put
 * it in the same atomic() batch as the change it describes: no change without its audit row.
 */
export function auditStatement(
  ctx: ServiceContext,
  action: string,
  subject: string,
  details?: Record<string, unknown>,
) {
  return ctx.db.insert(auditLog).values({
    id: newId("aud"),
    tenantId: ctx.tenantId,
    actor: ctx.actor,
    keyId: ctx.keyId ?? null,
    action,
    subject,
    details: details ?? null,
    at: nowIso(ctx),
  });
}

export async function recordAudit(
  ctx: ServiceContext,
  action: string,
  subject: string,
  details?: Record<string, unknown>,
): Promise<void> {
  await auditStatement(ctx, action, subject, details);
}
