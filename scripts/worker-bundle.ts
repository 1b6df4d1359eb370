/**
 * The Worker exactly as `wrangler deploy` would upload it: wrangler's own build (its esbuild, its
 * Node compatibility layer, `minify` from wrangler.toml) with `--dry-run --outdir`, nothing sent.
 * deploy:check, the workerd tests and the Worker benchmark all run this artifact.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";
import { runWranglerQuiet } from "./wrangler-offline.js";

export interface WorkerBundle {
  /** The bundled module (worker.js); its source map sits beside it. */
  readonly file: string;
  readonly dir: string;
  readonly rawBytes: number;
  readonly gzipBytes: number;
  /** The compatibility date and flags the bundle was built for (from wrangler.toml). */
  readonly compatibilityDate: string;
  readonly compatibilityFlags: readonly string[];
}

/**
 * Gzipped upload budget: the project's own, well inside Workers' limits (3 MB free, 10 MB paid). It is
 * there to catch an accidental dependency (hundreds of KiB), not the answer engine's own rules, which
 * grow by a KiB or two a session: 1 MiB was reached in December 2026 (docs/DEPLOY.md, bundle size).
 */
export const BUNDLE_BUDGET_GZIP_BYTES = 1152 * 1024;

/** Builds wrangler.toml's `main`, or another entry (a benchmark comparing two versions of it). */
export async function buildWorkerBundle(
  outdir = mkdtempSync(join(tmpdir(), "quire-worker-")),
  entry?: string,
): Promise<WorkerBundle> {
  await runWranglerQuiet(["deploy", ...(entry ? [entry] : []), "--dry-run", "--outdir", outdir]);
  const file = join(outdir, entry ? `${basename(entry).replace(/\.ts$/, "")}.js` : "worker.js");
  const bytes = readFileSync(file);
  const toml = readFileSync("wrangler.toml", "utf8");
  const flags = /^compatibility_flags = \[([^\]]*)\]/m.exec(toml)?.[1] ?? "";
  return {
    file,
    dir: outdir,
    rawBytes: bytes.length,
    gzipBytes: gzipSync(bytes).length,
    compatibilityDate: /^compatibility_date = "([\d-]+)"/m.exec(toml)?.[1] ?? "",
    compatibilityFlags: [...flags.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? ""),
  };
}
