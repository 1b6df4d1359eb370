import { hostname } from "node:os";

/**
 * This process's owner id for job leases and Idempotency-Key claims: host, pid and a random
 * part (a restarted process may get the same pid — in a container often pid 1 — but never the
 * same random part).
 */
export const newInstanceId = (): string => `node:${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;

/**
 * Whether a lease or claim owner is certainly dead: an earlier incarnation on this host whose
 * process is gone (or whose pid is now this very process). Owners on other hosts, other
 * runtimes, and live processes are never judged dead here; their leases expire instead.
 */
export function isDeadLocalOwner(owner: string, self: string): boolean {
  if (owner === self) return false;
  const [runtime, host, pidText] = owner.split(":");
  if (runtime !== "node" || host !== hostname()) return false;
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
