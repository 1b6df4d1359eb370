import { describe, expect, it } from "vitest";
import { dohResolver } from "../../src/runtime/workers/doh-resolver.js";

/** A DNS-over-HTTPS JSON answer, as the resolver's endpoint sends it. */
const fakeDoh = (answers: Record<string, { type: number; data: string }[]>, status = 200) =>
  (async (input: string | URL | Request) => {
    const url = new URL(String(input));
    const type = url.searchParams.get("type") ?? "";
    return new Response(JSON.stringify({ Status: 0, Answer: answers[type] ?? [] }), { status });
  }) as typeof fetch;

describe("DNS-over-HTTPS resolver (Workers)", () => {
  it("returns every A and AAAA address and skips CNAME records", async () => {
    const resolve = dohResolver(
      fakeDoh({
        A: [
          { type: 5, data: "alias.example." },
          { type: 1, data: "93.184.216.34" },
        ],
        AAAA: [{ type: 28, data: "2606:2800:220:1::1" }],
      }),
    );
    expect(await resolve("hooks.example.com")).toEqual(["93.184.216.34", "2606:2800:220:1::1"]);
  });

  it("fails when the resolver does not answer, so the SSRF guard refuses the URL", async () => {
    await expect(dohResolver(fakeDoh({}, 503))("hooks.example.com")).rejects.toThrow(/503/);
  });
});
