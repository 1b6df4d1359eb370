import ipaddr from "ipaddr.js";
import { QuireError } from "../../domain/errors.js";
import type { HostResolver } from "../context.js";

export type AddressClass =
  | "public"
  | "loopback"
  | "private"
  | "link-local"
  | "unspecified"
  | "metadata"
  | "translated"
  | "reserved";

/** Cloud metadata endpoints (AWS, GCP, Azure, OpenStack: 169.254.169.254; AWS IPv6: fd00:ec2::254). */
const METADATA = new Set(["169.254.169.254", "fd00:ec2::254"]);

function classifyV4(address: ipaddr.IPv4): AddressClass {
  if (METADATA.has(address.toString())) return "metadata";
  switch (address.range()) {
    case "unicast":
      return "public";
    case "loopback":
      return "loopback";
    case "unspecified":
      return "unspecified";
    case "private":
    case "carrierGradeNat":
      return "private";
    case "linkLocal":
      return "link-local";
    default:
      // broadcast, multicast, reserved (192.0.0.0/24, 192.0.2.0/24, 198.18.0.0/15, 198.51.100.0/24,
      // 203.0.113.0/24, 240.0.0.0/4 …), AS112, AMT.
      return "reserved";
  }
}

function classifyV6(address: ipaddr.IPv6): AddressClass {
  if (METADATA.has(address.toString())) return "metadata";
  // ipaddr.js's type omits some names it returns (deprecatedSiteLocal, discard …): match on strings.
  const range: string = address.range();
  if (range === "ipv4Mapped") return classifyV4(address.toIPv4Address());
  const parts = address.parts;
  // IPv4-compatible (::a.b.c.d, deprecated): judged as the IPv4 address it carries.
  if (range === "unicast" && parts.slice(0, 6).every((p) => p === 0)) {
    const [hi = 0, lo = 0] = parts.slice(6);
    return classifyV4(new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]));
  }
  switch (range) {
    case "unicast":
      return "public";
    case "loopback":
      return "loopback";
    case "unspecified":
      return "unspecified";
    case "uniqueLocal":
    case "deprecatedSiteLocal":
      return "private";
    case "linkLocal":
      return "link-local";
    case "rfc6052": // NAT64 64:ff9b::/96 and 64:ff9b:1::/48: reaches any IPv4 address, private ones included
    case "rfc6145": // IPv4-translated
    case "6to4": // 2002::/16
    case "teredo": // 2001::/32
      return "translated";
    default:
      // multicast, discard, benchmarking, documentation, ORCHID, AMT, AS112, segment routing …
      return "reserved";
  }
}

/** Classifies an IP literal (ipaddr.js ranges, plus cloud metadata); null when the text is not an IP address. */
export function classifyAddress(text: string): AddressClass | null {
  const bare = text.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(bare)) return null;
  // Only the four-part dotted form is an IPv4 literal here; "1" or "0x7f.1" are host names to resolve.
  if (!bare.includes(":") && !ipaddr.IPv4.isValidFourPartDecimal(bare)) return null;
  const address = ipaddr.parse(bare.split("%")[0] ?? bare);
  return address.kind() === "ipv4" ? classifyV4(address as ipaddr.IPv4) : classifyV6(address as ipaddr.IPv6);
}

/** A webhook URL that passed the check, with the addresses it was checked against (connect to one of these). */
export interface CheckedTarget {
  readonly url: URL;
  readonly addresses: readonly string[];
}

/**
 * Refuses webhook URLs that would make Quire call into its own network: non-http(s) schemes,
 * credentials in the URL, and hosts resolving to loopback, private, link-local, unspecified,
 * cloud-metadata, reserved or IPv4-translating (NAT64, 6to4, Teredo) addresses (every resolved
 * address must be public). Checked at subscription and again before each delivery, which then
 * connects to an address from this very answer (pinned), so DNS rebinding cannot slip past it.
 */
export async function checkWebhookTarget(
  url: string,
  resolveHost: HostResolver | undefined,
  allowLoopback: boolean,
): Promise<CheckedTarget> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new QuireError("invalid_webhook_url", "url: not a valid URL", 400);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new QuireError("invalid_webhook_url", "url: only http and https URLs can receive webhooks", 400);
  }
  if (parsed.username || parsed.password) {
    throw new QuireError(
      "invalid_webhook_url",
      "url: credentials in the URL are not allowed; verify the signature instead",
      400,
    );
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (classifyAddress(host) !== null) addresses = [host];
  else if (/^localhost\.?$|\.localhost\.?$/i.test(host)) addresses = ["127.0.0.1"];
  else {
    if (!resolveHost) throw new QuireError("webhook_url_unresolvable", "url: host names cannot be resolved here", 400);
    addresses = await resolveHost(host).catch(() => []);
    if (addresses.length === 0) throw new QuireError("webhook_url_unresolvable", `url: ${host} does not resolve`, 400);
  }
  for (const address of addresses) {
    const kind = classifyAddress(address) ?? "reserved";
    if (kind === "public") continue;
    if (kind === "loopback" && allowLoopback) continue;
    throw new QuireError("webhook_url_forbidden", `url: ${host} resolves to a ${kind} address (${address})`, 400);
  }
  return { url: parsed, addresses };
}

/** The subscription-time check (the URL only). */
export async function assertPublicUrl(
  url: string,
  resolveHost: HostResolver | undefined,
  allowLoopback: boolean,
): Promise<URL> {
  return (await checkWebhookTarget(url, resolveHost, allowLoopback)).url;
}
