import { and, eq } from "drizzle-orm";
import { customers } from "../../db/schema/index.js";
import type { ServiceContext } from "../context.js";
import { keyset, type Page } from "../pagination.js";
import { type Customer, type CustomerRow, toCustomer } from "./shape.js";

export interface ListCustomersInput {
  limit: number;
  cursor?: string | undefined;
  crmSystem?: string | undefined;
  crmId?: string | undefined;
}

const newestFirst = keyset([customers.createdAt, customers.id], "desc", (r: CustomerRow) => [r.createdAt, r.id]);

/** Newest first. A CRM can find its customer by `crmSystem` + `crmId`. */
export async function listCustomers(ctx: ServiceContext, input: ListCustomersInput): Promise<Page<Customer>> {
  const rows = await ctx.db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, ctx.tenantId),
        input.crmSystem ? eq(customers.crmSystem, input.crmSystem) : undefined,
        input.crmId ? eq(customers.crmId, input.crmId) : undefined,
        newestFirst.after(input.cursor),
      ),
    )
    .orderBy(...newestFirst.order)
    .limit(input.limit + 1);
  return newestFirst.page(rows, input.limit, toCustomer);
}
