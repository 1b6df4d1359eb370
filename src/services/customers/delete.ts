import { and, eq } from "drizzle-orm";
import { atomic } from "../../db/atomic.js";
import { customers, questionnaires } from "../../db/schema/index.js";
import { QuireError } from "../../domain/errors.js";
import { auditStatement } from "../audit/record.js";
import type { ServiceContext } from "../context.js";
import { customerRow } from "./shape.js";

/** Refused while questionnaires still point at the customer: their citations depend on its NDA. */
export async function deleteCustomer(ctx: ServiceContext, id: string): Promise<void> {
  await customerRow(ctx, id);
  const used = await ctx.db
    .select({ id: questionnaires.id })
    .from(questionnaires)
    .where(and(eq(questionnaires.tenantId, ctx.tenantId), eq(questionnaires.customerId, id)))
    .limit(1);
  if (used.length > 0) {
    throw new QuireError("customer_in_use", `customer ${id} still has questionnaires; delete them first`, 409);
  }
  await atomic(ctx.db, [
    ctx.db.delete(customers).where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, id))),
    auditStatement(ctx, "customer.delete", id),
  ]);
}
