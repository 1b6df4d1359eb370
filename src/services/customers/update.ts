import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { customers } from "../../db/schema/index.js";
import { auditStatement } from "../audit/record.js";
import type { ServiceContext } from "../context.js";
import type { CustomerInput } from "./create.js";
import { assertCrmFree, withCrmGuard } from "./crm.js";
import { type Customer, customerRow, toCustomer } from "./shape.js";

/** Partial update: fields left out keep their value; `crm: null` removes the CRM link. */
export async function updateCustomer(
  ctx: ServiceContext,
  id: string,
  patch: Partial<CustomerInput>,
): Promise<Customer> {
  const before = await customerRow(ctx, id);
  await assertCrmFree(ctx, patch.crm, id);
  const after = {
    ...before,
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.region !== undefined && { region: patch.region }),
    ...(patch.nda !== undefined && {
      ndaOnFile: patch.nda.onFile,
      ndaSignedOn: patch.nda.signedOn ?? null,
      ndaUntil: patch.nda.until ?? null,
    }),
    ...(patch.crm !== undefined && { crmSystem: patch.crm?.system ?? null, crmId: patch.crm?.id ?? null }),
    ...(patch.deal !== undefined && { dealStage: patch.deal?.stage ?? null, dealAmount: patch.deal?.amount ?? null }),
  };
  await withCrmGuard(patch.crm, () =>
    atomic(ctx.db, [
      ctx.db
        .update(customers)
        .set(after)
        .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, id))),
      auditStatement(ctx, "customer.update", id, { before: toCustomer(before), after: toCustomer(after) }),
    ]),
  );
  return toCustomer(after);
}
