import type { FailureLimit } from "./env.js";

/**
 * Counts failed API keys per client address in this process (a token bucket: `burst` failures,
 * then `perSecond` more each second). A client over it waits (429, Retry-After) before its next
 * key is even looked at, so guessing keys costs time; clients that present valid keys are never
 * slowed. Memory is bounded: past `maxClients` addresses the oldest are forgotten.
 */
export class FailureLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: FailureLimit,
    private readonly maxClients = 10_000,
  ) {}

  private level(client: string, nowMs: number): number {
    const bucket = this.buckets.get(client);
    if (!bucket) return this.limit.burst;
    return Math.min(this.limit.burst, bucket.tokens + ((nowMs - bucket.at) / 1000) * this.limit.perSecond);
  }

  /** Seconds this client must wait before presenting another key (0: go ahead). */
  retryAfter(client: string, nowMs: number): number {
    const tokens = this.level(client, nowMs);
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / this.limit.perSecond));
  }

  /** Records one failed key. */
  fail(client: string, nowMs: number): void {
    const tokens = this.level(client, nowMs) - 1;
    this.buckets.delete(client);
    this.buckets.set(client, { tokens, at: nowMs });
    if (this.buckets.size > this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
  }
}
