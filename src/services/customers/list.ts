import { and, desc, eq, lt, or } from "drizzle-orm";
import { customers } from "../../db/schema/index.js";
import type { ServiceContext } from "../context.js";
import { decodeCursor, encodeCursor, type Page } from "../pagination.js";
import { type Customer, toCustomer } from "./shape.js";

export interface ListCustomersInput {
  limit: number;
  cursor?: string | undefined;
  crmSystem?: string | undefined;
  crmId?: string | undefined;
}

/** Newest first. A CRM can find its customer by `crmSystem` + `crmId`. */
export async function listCustomers(ctx: ServiceContext, input: ListCustomersInput): Promise<Page<Customer>> {
  const after = input.cursor ? decodeCursor(input.cursor, 2) : null;
  const rows = await ctx.db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, ctx.tenantId),
        input.crmSystem ? eq(customers.crmSystem, input.crmSystem) : undefined,
        input.crmId ? eq(customers.crmId, input.crmId) : undefined,
        after
          ? or(
              lt(customers.createdAt, String(after[0])),
              and(eq(customers.createdAt, String(after[0])), lt(customers.id, String(after[1]))),
            )
          : undefined,
      ),
    )
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    data: page.map(toCustomer),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.createdAt, last.id]) : null,
  };
}
