import { lookup } from "node:dns/promises";
import type { HostResolver } from "../../services/context.js";

/** node:dns behind the HostResolver port: every address the host has, so the SSRF guard checks all. */
export const nodeResolveHost: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);
