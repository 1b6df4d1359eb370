import { QuireError } from "../../domain/errors.js";
import type { HostResolver } from "../context.js";

/** Parses dotted IPv4 into its four bytes, or null. */
function ipv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

/** Expands an IPv6 address into eight 16-bit groups (an embedded IPv4 tail included), or null. */
function ipv6(text: string): number[] | null {
  let address = text.replace(/^\[|\]$/g, "").split("%")[0] ?? "";
  const v4tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (v4tail?.[1]) {
    const b = ipv4(v4tail[1]);
    if (!b) return null;
    const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = b;
    const hex = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
    address = `${address.slice(0, -v4tail[1].length)}${hex(b0, b1)}:${hex(b2, b3)}`;
  }
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const parse = (s: string) =>
    s === "" ? [] : s.split(":").map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? Number.parseInt(g, 16) : Number.NaN));
  const head = parse(halves[0] ?? "");
  const tail = halves.length === 2 ? parse(halves[1] ?? "") : [];
  const fill = 8 - head.length - tail.length;
  if (halves.length === 1 ? fill !== 0 : fill < 1) return null;
  const groups = [...head, ...Array<number>(halves.length === 2 ? fill : 0).fill(0), ...tail];
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

export type AddressClass = "public" | "loopback" | "private" | "link-local" | "unspecified" | "metadata" | "reserved";

function classifyV4(b: number[]): AddressClass {
  const [a = 0, c = 0, d = 0, e = 0] = b;
  if (a === 169 && c === 254 && d === 169 && e === 254) return "metadata";
  if (a === 127) return "loopback";
  if (a === 0) return "unspecified";
  if (a === 10 || (a === 172 && c >= 16 && c <= 31) || (a === 192 && c === 168)) return "private";
  if (a === 100 && c >= 64 && c <= 127) return "private"; // carrier-grade NAT
  if (a === 169 && c === 254) return "link-local";
  if (a >= 224) return "reserved"; // multicast, broadcast, class E
  return "public";
}

/** Classifies an IP literal; null when the text is not an IP address. */
export function classifyAddress(text: string): AddressClass | null {
  const v4 = ipv4(text);
  if (v4) return classifyV4(v4);
  const g = ipv6(text);
  if (!g) return null;
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible addresses are judged as the IPv4 they carry.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0) && (g[6] !== 0 || g[5] === 0xffff)) {
    const [hi = 0, lo = 0] = g.slice(6);
    return classifyV4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  }
  if (g.every((x) => x === 0)) return "unspecified";
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return "loopback";
  const first = g[0] ?? 0;
  if (first === 0xfd00 && g[1] === 0x0ec2 && g.slice(2, 7).every((x) => x === 0) && g[7] === 0x254) return "metadata";
  if ((first & 0xfe00) === 0xfc00) return "private";
  if ((first & 0xffc0) === 0xfe80) return "link-local";
  if ((first & 0xff00) === 0xff00) return "reserved";
  return "public";
}

/**
 * Refuses webhook URLs that would make Quire call into its own network: non-http(s) schemes,
 * credentials in the URL, and hosts resolving to loopback, private, link-local, unspecified or
 * cloud-metadata addresses (every resolved address must be public). Checked at subscription and
 * again before each delivery, since DNS can change in between.
 */
export async function assertPublicUrl(
  url: string,
  resolveHost: HostResolver | undefined,
  allowLoopback: boolean,
): Promise<URL> {
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
  else if (/^localhost$|\.localhost$/i.test(host)) addresses = ["127.0.0.1"];
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
  return parsed;
}
