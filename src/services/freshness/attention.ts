import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { auditLog, freshnessFindings } from "../../db/schema/index.js";
import type { ServiceContext } from "../context.js";
import { type LibraryConflict, listConflicts } from "../library/conflicts.js";

export interface AttentionFinding {
  id: string;
  kind: string;
  state: string;
  subjectType: string;
  subject: string;
  owner: string;
  dueOn: string;
  message: string;
  details: Record<string, unknown> | null;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface OwnerAttention {
  owner: string;
  findings: AttentionFinding[];
  conflicts: LibraryConflict[];
}

export interface AttentionList {
  /** When the sweep last ran for this tenant (null: never yet). */
  lastSweepAt: string | null;
  owners: OwnerAttention[];
}

/**
 * The "needs attention" list: what the freshness sweep found and has not seen resolved, and the
 * open library conflicts, per owner (one owner when asked), soonest due first.
 */
export async function listAttention(
  ctx: ServiceContext,
  filter: { owner?: string | undefined } = {},
): Promise<AttentionList> {
  const rows = await ctx.db
    .select()
    .from(freshnessFindings)
    .where(
      and(
        eq(freshnessFindings.tenantId, ctx.tenantId),
        isNull(freshnessFindings.resolvedAt),
        ...(filter.owner ? [eq(freshnessFindings.owner, filter.owner)] : []),
      ),
    )
    .orderBy(asc(freshnessFindings.dueOn), asc(freshnessFindings.subject))
    .limit(2000);
  const conflicts = await listConflicts(ctx, { status: "open", owner: filter.owner });
  const lastSweep = await ctx.db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.action, "freshness.sweep")))
    .orderBy(desc(auditLog.at))
    .limit(1);

  const owners = new Map<string, OwnerAttention>();
  const of = (owner: string) => {
    const found = owners.get(owner) ?? { owner, findings: [], conflicts: [] };
    owners.set(owner, found);
    return found;
  };
  for (const r of rows) {
    of(r.owner).findings.push({
      id: r.id,
      kind: r.kind,
      state: r.state,
      subjectType: r.subjectType,
      subject: r.subject,
      owner: r.owner,
      dueOn: r.dueOn,
      message: r.message,
      details: r.details,
      firstSeenAt: r.firstSeenAt,
      lastSeenAt: r.lastSeenAt,
    });
  }
  for (const c of conflicts) of(c.owner).conflicts.push(c);
  return {
    lastSweepAt: lastSweep[0]?.at ?? null,
    owners: [...owners.values()].sort((a, b) => a.owner.localeCompare(b.owner)),
  };
}
