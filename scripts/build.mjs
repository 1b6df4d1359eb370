/**
 * `npm run build` (also run by `npm ci` through `prepare`, and by bin/quire.mjs and `npm start`
 * when the sources changed since): bundles with esbuild
 *  - the CLI into dist/cli.mjs, so `quire` starts without transpiling the TypeScript module graph
 *    through tsx on every run (1.4 s of a 1.5 s `--help`);
 *  - the Node server into dist/server.mjs and its job thread into dist/node-worker-entry.mjs (the
 *    name and place src/runtime/node/worker-entry-path.ts looks for next to the server bundle).
 *
 * Plain JavaScript, so it runs on node alone. Packages that must stay files at run time are left
 * external: better-sqlite3 (native), pdfjs-dist (loaded only for PDFs) and the Claude SDK
 * (only with an API key). Without esbuild (an install without dev dependencies) it does nothing:
 * bin/quire.mjs then runs the sources through tsx.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { IMPORT_META_URL, routeDynamicImports } from "./code-cache.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
export const CLI_BUNDLE = join(DIST, "cli.mjs");
/** The same CLI as one CommonJS file, for `quire answer` through a V8 code cache (scripts/code-cache.mjs). */
export const CLI_CJS_BUNDLE = join(DIST, "cli.cjs");
export const SERVER_BUNDLE = join(DIST, "server.mjs");
const WORKER_BUNDLE = join(DIST, "node-worker-entry.mjs");
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

/** Whether dist/cli.mjs and dist/cli.cjs exist and are newer than every source they were built from. */
export function cliBundleIsFresh() {
  return isFresh([CLI_BUNDLE, CLI_CJS_BUNDLE]);
}

/** Whether the server bundle and its job thread's exist and are newer than every source. */
export function serverBundleIsFresh() {
  return isFresh([SERVER_BUNDLE, WORKER_BUNDLE]);
}

function isFresh(files) {
  const newest = newestSource();
  return files.every((file) => (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1) >= newest);
}

/** What both bundles share: Node 20 ESM, external packages that must stay files, a require() for CommonJS. */
const COMMON = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: EXTERNAL,
  write: false,
  outdir: DIST,
  outExtension: { ".js": ".mjs" },
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
  legalComments: "none",
  // Bundled CommonJS packages call require(); give the ES modules one.
  banner: {
    js: "import { createRequire as __quireCreateRequire } from 'node:module'; const require = __quireCreateRequire(import.meta.url);",
  },
};

/** Writes each file through a temporary one and a rename: a process starting meanwhile sees the old file or the new one whole. */
function writeAtomically(files) {
  for (const file of files) {
    if (!file) continue;
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

/** esbuild, or null when it is not installed (a production install without devDependencies). */
async function loadEsbuild() {
  try {
    return await import("esbuild");
  } catch {
    return null;
  }
}

/**
 * Builds dist/server.mjs and dist/node-worker-entry.mjs; returns false when esbuild is not
 * installed. No code splitting: each is one file, so `import.meta.url` inside is the bundle's own
 * (the job thread's entry is found next to it, the migrations in ../drizzle). The job thread's
 * bundle is written first, so a server started from the new bundle finds its thread's too.
 */
export async function buildServer() {
  const esbuild = await loadEsbuild();
  if (!esbuild) return false;
  const result = await esbuild.build({
    ...COMMON,
    entryPoints: {
      server: join(ROOT, "src", "runtime", "node.ts"),
      "node-worker-entry": join(ROOT, "src", "runtime", "node-worker-entry.ts"),
    },
    splitting: false,
  });
  const server = result.outputFiles.find((file) => file.path === SERVER_BUNDLE);
  writeAtomically([...result.outputFiles.filter((file) => file !== server), server]);
  return true;
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
  const esbuild = await loadEsbuild();
  if (!esbuild) return false;
  const [result, commonJs] = await Promise.all([
    esbuild.build({
      ...COMMON,
      entryPoints: { cli: join(ROOT, "src", "cli", "main.ts") },
      splitting: true,
      chunkNames: "chunks/[name]-[hash]",
    }),
    // One file, CommonJS: V8 code caches (vm.Script) exist for scripts, not ES modules, on Node 20.
    // The modules a command imports when it runs still start only then (esbuild keeps them lazy).
    esbuild.build({
      ...COMMON,
      format: "cjs",
      banner: {},
      outExtension: {},
      entryPoints: [join(ROOT, "src", "cli", "main.ts")],
      outdir: undefined,
      outfile: CLI_CJS_BUNDLE,
      define: { "import.meta.url": IMPORT_META_URL },
    }),
  ]);
  const entry = result.outputFiles.find((file) => file.path === CLI_BUNDLE);
  const chunks = result.outputFiles.filter((file) => file !== entry);
  mkdirSync(join(DIST, "chunks"), { recursive: true });
  const [commonJsFile] = commonJs.outputFiles;
  const commonJsBundle = { path: commonJsFile.path, contents: routeDynamicImports(commonJsFile.text, EXTERNAL) };
  writeAtomically([...chunks, commonJsBundle, entry]);
  const current = new Set(chunks.map((file) => file.path));
  for (const name of readdirSync(join(DIST, "chunks"))) {
    const path = join(DIST, "chunks", name);
    const stale = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 3_600_000;
    if (!current.has(path) && stale) rmSync(path, { force: true });
  }
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [cli, server] = await Promise.all([buildCli(), buildServer()]);
  console.log(
    cli && server
      ? `built ${CLI_BUNDLE} and ${SERVER_BUNDLE}`
      : "esbuild is not installed: the CLI and the server will run through tsx",
  );
}
