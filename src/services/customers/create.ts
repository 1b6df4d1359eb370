import { atomic } from "../../db/atomic.js";
import { customers } from "../../db/schema/index.js";
import type { Region } from "../../domain/answering/customer.js";
import { auditStatement } from "../audit/record.js";
import { newId, nowIso, type ServiceContext } from "../context.js";
import { assertCrmFree, withCrmGuard } from "./crm.js";
import { type Customer, toCustomer } from "./shape.js";

export interface CustomerInput {
  name: string;
  region: Region;
  nda?: { onFile: boolean; signedOn?: string | null; until?: string | null } | undefined;
  crm?: { system: string; id: string } | null | undefined;
  /** The CRM deal's stage and amount; uploads for this customer take them unless they bring their own. */
  deal?: { stage: string; amount?: number | null | undefined } | null | undefined;
}

/** A CRM link another customer of the tenant holds is refused (409 crm_id_taken). */
export async function createCustomer(ctx: ServiceContext, input: CustomerInput): Promise<Customer> {
  await assertCrmFree(ctx, input.crm);
  const row = {
    id: newId("cus"),
    tenantId: ctx.tenantId,
    name: input.name,
    region: input.region,
    ndaOnFile: input.nda?.onFile ?? false,
    ndaSignedOn: input.nda?.signedOn ?? null,
    ndaUntil: input.nda?.until ?? null,
    crmSystem: input.crm?.system ?? null,
    crmId: input.crm?.id ?? null,
    dealStage: input.deal?.stage ?? null,
    dealAmount: input.deal?.amount ?? null,
    createdAt: nowIso(ctx),
  };
  await withCrmGuard(input.crm, () =>
    atomic(ctx.db, [
      ctx.db.insert(customers).values(row),
      auditStatement(ctx, "customer.create", row.id, { name: row.name }),
    ]),
  );
  return toCustomer(row);
}
