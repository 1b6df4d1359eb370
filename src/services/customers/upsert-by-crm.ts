import type { ServiceContext } from "../context.js";
import { type CustomerInput, createCustomer } from "./create.js";
import { customerByCrm } from "./crm.js";
import type { Customer } from "./shape.js";
import { updateCustomer } from "./update.js";

/**
 * Creates or updates the customer linked to one CRM record, so a CRM can sync an account without
 * looking it up first. Fields left out of an update keep their value.
 */
export async function upsertCustomerByCrm(
  ctx: ServiceContext,
  crm: { system: string; id: string },
  input: Omit<CustomerInput, "crm">,
): Promise<{ customer: Customer; created: boolean }> {
  const existing = await customerByCrm(ctx, crm.system, crm.id);
  if (existing) return { customer: await updateCustomer(ctx, existing.id, input), created: false };
  return { customer: await createCustomer(ctx, { ...input, crm }), created: true };
}
