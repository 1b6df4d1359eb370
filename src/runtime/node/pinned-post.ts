import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { isIPv6 } from "node:net";
import type { WebhookPoster } from "../../services/context.js";

/**
 * Webhook POSTs on Node, connected to the address the SSRF check approved: the request's DNS
 * lookup is replaced by that address, so the name is never resolved a second time (no DNS
 * rebinding between check and connect). The Host header, TLS SNI and certificate check still use
 * the URL's name. No keep-alive agent: each delivery opens its own pinned connection.
 * The whole exchange (connect, send, status line) must finish within timeoutMs.
 */
export const pinnedPoster: WebhookPoster = ({ url, address, headers, body, timeoutMs }) =>
  new Promise((resolve, reject) => {
    const family = isIPv6(address) ? 6 : 4;
    const lookup: LookupFunction = (_hostname, options, callback) => {
      if ((options as { all?: boolean }).all) {
        (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
          { address, family },
        ]);
      } else callback(null, address, family);
    };
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(url, {
      method: "POST",
      agent: false,
      lookup,
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
    });
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on("response", (res) => {
      clearTimeout(deadline);
      res.resume();
      res.on("error", () => undefined);
      req.destroy();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on("error", (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    req.end(body);
  });
