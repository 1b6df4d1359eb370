import { and, eq } from "drizzle-orm";
import { users } from "../../db/schema/index.js";
import type { ServiceContext } from "../context.js";
import { keyset, type Page } from "../pagination.js";
import { toUser, type UserRow, type UserView } from "./shape.js";

const oldestFirst = keyset([users.createdAt, users.id], "asc", (r: UserRow) => [r.createdAt, r.id]);

/** The tenant's people, oldest first (for assignee pickers and mentions). */
export async function listUsers(
  ctx: ServiceContext,
  input: { limit: number; cursor?: string | undefined },
): Promise<Page<UserView>> {
  const rows = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), oldestFirst.after(input.cursor)))
    .orderBy(...oldestFirst.order)
    .limit(input.limit + 1);
  return oldestFirst.page(rows, input.limit, toUser);
}
