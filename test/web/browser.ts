import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { startNodeServer } from "../../src/runtime/node.js";

export const CHROMIUM = "/usr/bin/chromium";
export const SCREENSHOTS = "out/screenshots";

/**
 * Debian's Chromium, headless. Missing is a failure, not a skip: a silently skipped browser suite
 * would let a broken page ship.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the web tests need it. Install it with: apt-get install chromium`,
    );
  }
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
export async function startQuire() {
  const dir = mkdtempSync(join(tmpdir(), "quire-web-"));
  const server = await startNodeServer(
    { PORT: "0", HOST: "127.0.0.1", QUIRE_DB: join(dir, "quire.db"), QUIRE_LIBRARY: "answer-library" },
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
