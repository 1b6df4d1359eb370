import type { WebhookPoster } from "../context.js";

/**
 * The fallback poster: fetch by URL. It cannot pin the checked address (fetch resolves the name
 * itself), so runtimes that can pin pass their own (Node: runtime/node/pinned-post.ts). On
 * Workers, outbound fetch runs on Cloudflare's network, which does not route to Quire's private
 * addresses, and does not accept IP-literal targets, so the name is used there.
 */
export const fetchPoster: WebhookPoster = async (request) => {
  const response = await fetch(request.url, {
    method: "POST",
    redirect: "manual",
    signal: AbortSignal.timeout(request.timeoutMs),
    headers: request.headers,
    body: request.body,
  });
  await response.body?.cancel();
  return { status: response.status };
};
