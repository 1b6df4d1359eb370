/**
 * Resolves a host name to IP addresses (node:dns on Node, DNS over HTTPS on Workers); the webhook
 * SSRF guard checks every one.
 */
export type HostResolver = (hostname: string) => Promise<string[]>;
