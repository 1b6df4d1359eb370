/**
 * Sends one webhook POST to the address the SSRF check approved, never resolving the name again
 * (a DNS answer that changes between check and connect — rebinding — cannot redirect it).
 * Node pins the connection to that address (runtime/node/pinned-post.ts); the fallback fetches by
 * URL (services/webhooks/post.ts).
 */
export type WebhookPoster = (request: {
  readonly url: URL;
  /** The checked IP address to connect to. */
  readonly address: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly timeoutMs: number;
}) => Promise<{ status: number }>;
