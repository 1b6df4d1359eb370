/**
 * `npm run build` (also run by `npm ci` through `prepare`, and by bin/quire.mjs when the sources
 * changed since): bundles the CLI into dist/cli.mjs with esbuild, so `quire` starts without
 * transpiling the TypeScript module graph through tsx on every run (1.4 s of a 1.5 s `--help`).
 *
 * Plain JavaScript, so it runs on node alone. Packages that must stay files at run time are left
 * external: better-sqlite3 (native), pdfjs-dist (loaded only for PDFs) and the Claude SDK
 * (only with an API key). Without esbuild (an install without dev dependencies) it does nothing:
 * bin/quire.mjs then runs the sources through tsx.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
export const CLI_BUNDLE = join(DIST, "cli.mjs");
const EXTERNAL = ["better-sqlite3", "pdfjs-dist", "@anthropic-ai/sdk", "tsx"];

/** Newest modification time of the inputs a bundle is built from (the sources and the lockfile). */
export function newestSource() {
  let newest = statSync(join(ROOT, "package-lock.json"), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  for (const entry of readdirSync(join(ROOT, "src"), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const mtime = statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/** Whether dist/cli.mjs exists and is newer than every source it was built from. */
export function cliBundleIsFresh() {
  const built = statSync(CLI_BUNDLE, { throwIfNoEntry: false });
  return !!built && built.mtimeMs >= newestSource();
}

/**
 * Builds dist/cli.mjs and its chunks; returns false when esbuild is not installed. Each command is
 * its own chunk (src/cli/main.ts imports them when they run), so `quire --help` parses a few
 * kilobytes instead of the whole engine. Chunks carry a content hash, so they are written first
 * and the entry last (temporary file, then rename): a CLI starting meanwhile sees the old build or
 * the new one whole. Chunks no build references any more are removed once they are old enough that
 * no running CLI still needs them.
 */
export async function buildCli() {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    return false;
  }
  const result = await esbuild.build({
    entryPoints: { cli: join(ROOT, "src", "cli", "main.ts") },
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: EXTERNAL,
    write: false,
    outdir: DIST,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: "warning",
    legalComments: "none",
    // Bundled CommonJS packages call require(); give the ES modules one.
    banner: {
      js: "import { createRequire as __quireCreateRequire } from 'node:module'; const require = __quireCreateRequire(import.meta.url);",
    },
  });
  const entry = result.outputFiles.find((file) => file.path === CLI_BUNDLE);
  const chunks = result.outputFiles.filter((file) => file !== entry);
  mkdirSync(join(DIST, "chunks"), { recursive: true });
  for (const file of [...chunks, entry]) {
    if (!file) continue;
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  const current = new Set(chunks.map((file) => file.path));
  for (const name of readdirSync(join(DIST, "chunks"))) {
    const path = join(DIST, "chunks", name);
    const stale = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 3_600_000;
    if (!current.has(path) && stale) rmSync(path, { force: true });
  }
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const built = await buildCli();
  console.log(built ? `built ${CLI_BUNDLE}` : "esbuild is not installed: the CLI will run through tsx");
}
