import { and, eq } from "drizzle-orm";
import { customers } from "../../db/schema/index.js";
import type { Region } from "../../domain/answering/customer.js";
import { QuireError } from "../../domain/errors.js";
import type { ServiceContext } from "../context.js";

export type CustomerRow = typeof customers.$inferSelect;

export interface Customer {
  id: string;
  name: string;
  region: Region;
  nda: { onFile: boolean; signedOn: string | null; until: string | null };
  crm: { system: string; id: string } | null;
  deal: { stage: string; amount: number | null } | null;
  createdAt: string;
}

export const toCustomer = (r: CustomerRow): Customer => ({
  id: r.id,
  name: r.name,
  region: r.region,
  nda: { onFile: r.ndaOnFile, signedOn: r.ndaSignedOn, until: r.ndaUntil },
  crm: r.crmSystem && r.crmId ? { system: r.crmSystem, id: r.crmId } : null,
  deal: r.dealStage ? { stage: r.dealStage, amount: r.dealAmount } : null,
  createdAt: r.createdAt,
});

/** The tenant's customer row, or 404 (also for another tenant's id: existence is not disclosed). */
export async function customerRow(ctx: ServiceContext, id: string): Promise<CustomerRow> {
  const rows = await ctx.db
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new QuireError("not_found", `customer ${id} not found`, 404);
  return row;
}
