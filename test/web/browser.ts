import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { describe } from "vitest";
import { startNodeServer } from "../../src/runtime/node.js";

/** Debian's Chromium by default; QUIRE_CHROMIUM points elsewhere (another distribution, macOS). */
export const CHROMIUM = process.env.QUIRE_CHROMIUM || "/usr/bin/chromium";
export const SCREENSHOTS = "out/screenshots";

function inCi(): boolean {
  const ci = (process.env.CI ?? "").toLowerCase();
  return ci !== "" && ci !== "false" && ci !== "0";
}

/**
 * Why the page tests cannot run here, or null when they can. A laptop without Chromium skips them
 * with this reason; in CI (CI=true, set by .ci/run) a missing browser is a failure, because a
 * silently skipped browser suite would let a broken page ship.
 */
export function chromiumMissing(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const reason = `Chromium not found at ${CHROMIUM} (install it with: apt-get install chromium, or set QUIRE_CHROMIUM)`;
  if (inCi()) throw new Error(`${reason}. CI must run the page tests.`);
  return reason;
}

let warned = false;

/** describe() for suites that drive the browser: skipped, with the reason in its name, without Chromium. */
export function describePages(name: string, suite: () => void): void {
  const missing = chromiumMissing();
  if (missing === null) {
    describe(name, suite);
    return;
  }
  if (!warned) console.warn(`Skipping the page tests: ${missing}`);
  warned = true;
  describe.skip(`${name} [skipped: ${missing}]`, suite);
}

/** Debian's Chromium, headless. */
export async function launchChromium(): Promise<Browser> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The real Node server (demo tenant seeded from answer-library/) on a free loopback port. */
export async function startQuire(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "quire-web-"));
  const server = await startNodeServer(
    {
      PORT: "0",
      HOST: "127.0.0.1",
      QUIRE_DB: join(dir, "quire.db"),
      QUIRE_LIBRARY: "answer-library",
      // The paging test uploads two dozen files at once; the per-tenant limits are tested elsewhere.
      QUIRE_UPLOADS_IN_FLIGHT: "100",
      QUIRE_UPLOADS_PER_MINUTE: "100",
      ...env,
    },
    { log: false },
  );
  if (!server.demoKey) throw new Error("the demo tenant was not seeded");
  const base = `http://127.0.0.1:${server.port}`;
  const key = server.demoKey;
  mkdirSync(SCREENSHOTS, { recursive: true });

  /** A JSON call to the API from the test itself (to arrange data and to check what the UI did). */
  async function api<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body !== undefined && { "content-type": "application/json" }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async function stop() {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return { base, key, api, stop };
}
