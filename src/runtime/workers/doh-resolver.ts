import type { HostResolver } from "../../ports/host-resolver.js";

/**
 * Workers have no DNS API, so the webhook SSRF guard resolves names over DNS-over-HTTPS (JSON
 * API). Every A and AAAA answer is returned so the guard can refuse a name with any private address.
 */
export function dohResolver(fetcher: typeof fetch, endpoint = "https://cloudflare-dns.com/dns-query"): HostResolver {
  return async (hostname) => {
    const lookups = ["A", "AAAA"].map(async (type) => {
      const url = `${endpoint}?name=${encodeURIComponent(hostname)}&type=${type}`;
      const res = await fetcher(url, { headers: { accept: "application/dns-json" } });
      if (!res.ok) throw new Error(`DNS over HTTPS answered ${res.status}`);
      const body = (await res.json()) as { Answer?: { type: number; data: string }[] };
      // Type 1 = A, 28 = AAAA; CNAME records (5) are followed by the resolver and skipped here.
      return (body.Answer ?? []).filter((a) => a.type === 1 || a.type === 28).map((a) => a.data);
    });
    return (await Promise.all(lookups)).flat();
  };
}
