import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** How to start a job thread: a file to run, or (from source) a bootstrap to evaluate. */
export type WorkerEntry =
  | { readonly kind: "file"; readonly url: URL }
  | { readonly kind: "eval"; readonly code: string };

/**
 * The one place that finds the job worker thread's entry file, src/runtime/node-worker-entry.ts.
 *  - Bundled (dist/): the build emits it as its own entry next to the server bundle, as
 *    node-worker-entry.mjs or .js; the thread runs it as plain JavaScript.
 *  - From source (tsx, vitest): the .ts file. A thread does not inherit tsx's loader (nor vitest's
 *    transform), so it starts with a small bootstrap that registers tsx, then imports the entry.
 * QUIRE_WORKER_ENTRY overrides both (a deployment with another layout).
 */
export function workerEntry(env: NodeJS.ProcessEnv = process.env): WorkerEntry {
  if (env.QUIRE_WORKER_ENTRY) return entryFor(pathToFileURL(env.QUIRE_WORKER_ENTRY));
  const candidates = [
    new URL("./node-worker-entry.mjs", import.meta.url),
    new URL("./node-worker-entry.js", import.meta.url),
    new URL("../node-worker-entry.ts", import.meta.url),
  ];
  const found = candidates.find((u) => u.protocol === "file:" && existsSync(fileURLToPath(u)));
  if (!found)
    throw new Error(`job worker entry not found (looked for ${candidates.map((u) => u.pathname).join(", ")})`);
  return entryFor(found);
}

function entryFor(url: URL): WorkerEntry {
  if (!url.pathname.endsWith(".ts")) return { kind: "file", url };
  // tsx's ESM API by path: its package exports give require() a CommonJS build that cannot register.
  const tsxDir = dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const api = pathToFileURL(join(tsxDir, "dist/esm/api/index.mjs")).href;
  return {
    kind: "eval",
    code: `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`,
  };
}
