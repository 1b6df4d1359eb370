/**
 * `wrangler` with everything that would phone home turned off: no metrics, no error reports, no
 * update check (it rides on the banner), no download of the `cf` request properties (Miniflare's
 * fallback values serve local runs). Local commands (dev, d1 --local, deploy --dry-run) then need
 * no network at all; commands that talk to Cloudflare (deploy, d1 create) still do, by design.
 *
 *   npx tsx scripts/wrangler-offline.ts <wrangler args…>
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export const OFFLINE_ENV: Readonly<Record<string, string>> = {
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
  WRANGLER_HIDE_BANNER: "true",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
};

/** The wrangler CLI of this project's pinned devDependency (never a global or an npx download). */
export function wranglerBin(): string {
  const pkg = createRequire(import.meta.url).resolve("wrangler/package.json");
  return join(dirname(pkg), "bin", "wrangler.js");
}

/** Runs wrangler with the offline environment; resolves with its exit code. A stop signal is passed on. */
export function runWrangler(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wranglerBin(), ...args], {
      stdio: "inherit",
      env: { ...env, ...OFFLINE_ENV },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, forward);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      for (const s of ["SIGINT", "SIGTERM"] as const) process.off(s, forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Runs wrangler quietly; rejects with its output when it fails (tests and scripts that only need the result). */
export function runWranglerQuiet(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wranglerBin(), ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...env, ...OFFLINE_ENV },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`wrangler ${args.join(" ")} failed (${code}):\n${output}`)),
    );
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runWrangler(process.argv.slice(2));
}
