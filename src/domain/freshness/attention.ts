import { daysBetween, type IsoDate } from "../dates.js";
import type { Artifact, Library } from "../library/types.js";
import { artifactStanding, reviewCycle } from "./standing.js";

/**
 * What an owner must do soon so that answers stay true: entries due for review within 30 days (or
 * overdue), artifacts expiring within 60/30/7 days (or expired), documents due for review, ISO
 * surveillance audits coming up. The freshness sweep records these and `quire library check` prints
 * them; one list, computed here.
 */

/** Days before an entry's review-by date that it is listed. */
export const ENTRY_DUE_DAYS = 30;
/** Artifact expiry warnings, widest first: each threshold crossed is announced once. */
export const ARTIFACT_EXPIRY_THRESHOLDS = [60, 30, 7] as const;
/** Days before a document's review date that it is listed. */
export const REVIEW_DUE_DAYS = 30;

/** The webhook event each item is announced with. */
export type AttentionEvent = "entry.review_due" | "artifact.expiring";

export interface AttentionItem {
  readonly event: AttentionEvent;
  /** What is due: review_due, review_overdue, expiring, expired, review_lapsed, surveillance_due, surveillance_overdue. */
  readonly state: string;
  readonly subjectType: "entry" | "artifact";
  readonly subject: string;
  readonly title: string;
  readonly owner: string;
  readonly dueOn: IsoDate;
  /** Negative when overdue. */
  readonly daysLeft: number;
  /**
   * Which warning step this is ("60", "30", "7", "overdue", …): the sweep announces a subject again
   * only when it reaches a new step.
   */
  readonly step: string;
  readonly message: string;
  /** Entries that name or stand on this artifact (artifacts only). */
  readonly entries: readonly string[];
}

export const UNASSIGNED = "unassigned";

function expiryStep(daysLeft: number): string | null {
  if (daysLeft < 0) return "expired";
  const crossed = ARTIFACT_EXPIRY_THRESHOLDS.filter((t) => daysLeft <= t);
  return crossed.length > 0 ? String(crossed.at(-1)) : null;
}

function dependents(library: Library, artifact: Artifact): string[] {
  return library.entries
    .filter((e) => e.artifacts.includes(artifact.id) || e.controls.some((c) => artifact.controls.includes(c)))
    .map((e) => e.id);
}

const inDays = (n: number) =>
  n === 0 ? "today" : n > 0 ? `in ${n} day${n === 1 ? "" : "s"}` : `${-n} day${n === -1 ? "" : "s"} ago`;

/** Everything that needs an owner's attention on the day, soonest first. */
export function attentionItems(library: Library, asOf: IsoDate): AttentionItem[] {
  const items: AttentionItem[] = [];

  for (const entry of library.entries) {
    const daysLeft = daysBetween(asOf, entry.reviewBy);
    if (daysLeft > ENTRY_DUE_DAYS) continue;
    const overdue = daysLeft < 0;
    items.push({
      event: "entry.review_due",
      state: overdue ? "review_overdue" : "review_due",
      subjectType: "entry",
      subject: entry.id,
      title: entry.question,
      owner: entry.owner,
      dueOn: entry.reviewBy,
      daysLeft,
      step: overdue ? "overdue" : String(ENTRY_DUE_DAYS),
      message: overdue
        ? `entry ${entry.id} was due for review on ${entry.reviewBy}; its answers go to review until it is reviewed`
        : `entry ${entry.id} is due for review on ${entry.reviewBy} (${inDays(daysLeft)})`,
      entries: [entry.id],
    });
  }

  for (const artifact of library.artifacts) {
    const standing = artifactStanding(artifact, library.artifacts, asOf);
    if (standing.state === "superseded" || standing.state === "not_yet_issued") continue;
    const owner = artifact.owner ?? UNASSIGNED;
    const entries = dependents(library, artifact);
    const base = {
      event: "artifact.expiring" as const,
      subjectType: "artifact" as const,
      subject: artifact.id,
      title: artifact.title,
      owner,
      entries,
    };

    if (standing.until) {
      const daysLeft = daysBetween(asOf, standing.until);
      const step = expiryStep(daysLeft);
      if (step) {
        items.push({
          ...base,
          state: daysLeft < 0 ? "expired" : "expiring",
          dueOn: standing.until,
          daysLeft,
          step,
          message:
            daysLeft < 0
              ? `${artifact.title} expired on ${standing.until}: ${standing.reason}; renew or replace it`
              : `${artifact.title} is current until ${standing.until} (${inDays(daysLeft)}); renew it before then`,
        });
      }
    }

    const cycle = reviewCycle(artifact);
    if (cycle) {
      const daysLeft = daysBetween(asOf, cycle.dueOn);
      if (daysLeft <= REVIEW_DUE_DAYS) {
        const lapsed = asOf > cycle.lapsesAfter;
        items.push({
          ...base,
          state: lapsed ? "review_lapsed" : "review_due",
          dueOn: cycle.dueOn,
          daysLeft,
          step: lapsed ? "lapsed" : daysLeft < 0 ? "overdue" : String(REVIEW_DUE_DAYS),
          message: lapsed
            ? `${artifact.title} was due for review on ${cycle.dueOn} and is no longer cited; review it and record the date`
            : `${artifact.title} ${daysLeft < 0 ? "was" : "is"} due for review on ${cycle.dueOn} (${inDays(daysLeft)}); it stops being cited after ${cycle.lapsesAfter}`,
        });
      }
    }

    if (artifact.type === "iso27001-certificate") {
      for (const audit of artifact.surveillanceAudits) {
        if (audit.completed) continue;
        const daysLeft = daysBetween(asOf, audit.due);
        const step = expiryStep(daysLeft);
        if (!step) continue;
        items.push({
          ...base,
          state: daysLeft < 0 ? "surveillance_overdue" : "surveillance_due",
          dueOn: audit.due,
          daysLeft,
          step: `surveillance-${step}`,
          message:
            daysLeft < 0
              ? `the surveillance audit for ${artifact.certificateNumber} was due on ${audit.due}; the certificate is not cited until it is recorded as completed`
              : `the surveillance audit for ${artifact.certificateNumber} is due on ${audit.due} (${inDays(daysLeft)})`,
        });
      }
    }
  }
  return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.subject.localeCompare(b.subject));
}

/** The same items by owner, owners in name order. */
export function byOwner<T extends { readonly owner: string }>(items: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.owner, [...(groups.get(item.owner) ?? []), item]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}
