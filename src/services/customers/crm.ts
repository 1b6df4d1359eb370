import { and, eq, ne } from "drizzle-orm";
import { customers } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import type { ServiceContext } from "../context.js";
import type { CustomerRow } from "./shape.js";

export const crmTaken = (system: string, id: string): QuireError =>
  new QuireError(
    "crm_id_taken",
    `crm: another customer already has ${system} id ${id}; update it (PUT /v1/customers/by-crm/${system}/${id}) instead`,
    409,
  );

/** The customer linked to a CRM record, if any. */
export async function customerByCrm(ctx: ServiceContext, system: string, id: string): Promise<CustomerRow | null> {
  const rows = await ctx.db
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.crmSystem, system), eq(customers.crmId, id)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Refuses a CRM link another customer holds. The unique index (customers_crm) is the real guard
 * against a race; this check gives the common case a clear 409 before the write.
 */
export async function assertCrmFree(
  ctx: ServiceContext,
  crm: { system: string; id: string } | null | undefined,
  exceptCustomerId?: string,
): Promise<void> {
  if (!crm) return;
  const rows = await ctx.db
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, ctx.tenantId),
        eq(customers.crmSystem, crm.system),
        eq(customers.crmId, crm.id),
        exceptCustomerId ? ne(customers.id, exceptCustomerId) : undefined,
      ),
    )
    .limit(1);
  if (rows.length > 0) throw crmTaken(crm.system, crm.id);
}

/** Maps the unique index's refusal (both SQLite drivers word it the same) to the 409. */
export async function withCrmGuard<T>(crm: { system: string; id: string } | null | undefined, write: () => Promise<T>) {
  try {
    return await write();
  } catch (error) {
    if (crm && /UNIQUE constraint failed: customers\.tenant_id/.test(String((error as Error)?.message ?? error))) {
      throw crmTaken(crm.system, crm.id);
    }
    throw error;
  }
}
