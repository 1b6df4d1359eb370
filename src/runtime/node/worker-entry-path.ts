import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * The one place that finds the job worker thread's entry file, src/runtime/node-worker-entry.ts.
 *  - Bundled (dist/): the build emits it as its own entry next to the server bundle, as
 *    node-worker-entry.mjs or .js; it runs as plain JavaScript.
 *  - From source (tsx, vitest): the .ts file, run through tsx's loader in the thread.
 * QUIRE_WORKER_ENTRY overrides both (a deployment with another layout).
 */
export function workerEntry(env: NodeJS.ProcessEnv = process.env): { url: URL; execArgv: string[] } {
  if (env.QUIRE_WORKER_ENTRY) return withLoader(pathToFileURL(env.QUIRE_WORKER_ENTRY));
  const candidates = [
    new URL("./node-worker-entry.mjs", import.meta.url),
    new URL("./node-worker-entry.js", import.meta.url),
    new URL("../node-worker-entry.ts", import.meta.url),
  ];
  const found = candidates.find((u) => u.protocol === "file:" && existsSync(fileURLToPath(u)));
  if (!found) throw new Error(`job worker entry not found (looked for ${candidates.map((u) => u.pathname).join(", ")})`);
  return withLoader(found);
}

/** A .ts entry needs tsx's loader inside the thread (vitest's own transform does not reach threads). */
function withLoader(url: URL): { url: URL; execArgv: string[] } {
  if (!url.pathname.endsWith(".ts")) return { url, execArgv: [] };
  const loader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  return { url, execArgv: ["--import", loader] };
}
