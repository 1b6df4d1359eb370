/**
 * Loads a CommonJS bundle with a V8 code cache, for `quire answer` on Node 20 (which has no compile
 * cache for modules: `module.enableCompileCache` arrived in Node 22).
 *
 * Why: V8 compiles each function of the 1.9 MB CLI bundle the first time it runs, in every process.
 * `vm.Script` accepts the bytecode of an earlier run (`cachedData`) and, after a run, hands back the
 * bytecode of every function compiled so far (`createCachedData()`), so the next process skips
 * compiling what the last one used.
 *
 * The cache is a file next to the bundle named by a hash of the bundle's bytes and the Node
 * version: a rebuilt bundle or another Node never reads an old one (its file is removed when the
 * new one is written). V8 checks the cache again itself (source, version, flags) and rejects what
 * does not fit; a rejected, unreadable or corrupt cache only means compiling as without one, and
 * the cache is written again after a run that succeeded. Nothing is ever required of the cache:
 * an unwritable folder is a run without it.
 *
 * Plain JavaScript: bin/quire.mjs imports it before anything is built.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";

/** The bundle is built with `import.meta.url` replaced by this name (scripts/build.mjs); the wrapper passes the bundle's URL in. */
export const IMPORT_META_URL = "__quireImportMetaUrl";

/**
 * The bundle's `import()` of external packages (pdfjs-dist: ES modules only) is rewritten to call
 * this name, which the wrapper binds to an `import()` made here. Why not vm's
 * `importModuleDynamically`: on Node 20.20 a script whose code cache V8 accepted loses it
 * ("A dynamic import callback was not specified"), so PDFs failed from the second run on.
 */
export const DYNAMIC_IMPORT = "__quireImport";

/** Rewrites the bundle's `import("<external>…")` calls to DYNAMIC_IMPORT; throws when an `import(` is left that it cannot place. */
export function routeDynamicImports(code, externals) {
  let out = code;
  for (const name of externals) out = out.replaceAll(`import("${name}`, `${DYNAMIC_IMPORT}("${name}`);
  const left = /(?<![\w$.])import\(/.exec(out);
  if (left)
    throw new Error(
      `dist/cli.cjs: an import() the code cache loader cannot serve: ${out.slice(left.index, left.index + 60)}`,
    );
  return out;
}

/** Where the cache of `bundlePath`, whose bytes are `source`, lives. */
export function codeCachePath(bundlePath, source) {
  const key = createHash("sha256").update(source).update(process.version).update(process.arch).digest("hex");
  return join(dirname(bundlePath), `${basename(bundlePath)}.${key.slice(0, 16)}.v8cache`);
}

/**
 * Evaluates the CommonJS bundle at `bundlePath` (with the cache when there is one) and returns its
 * exports and `saveCache()`, to be called once the work is done (so the cache holds the functions
 * the run compiled). `status` says what happened to the cache: "none", "accepted" or "rejected".
 */
export function loadWithCodeCache(bundlePath) {
  const source = readFileSync(bundlePath, "utf8");
  const cachePath = codeCachePath(bundlePath, source);
  let cachedData;
  try {
    cachedData = readFileSync(cachePath);
  } catch {
    cachedData = undefined;
  }
  // The CommonJS module wrapper, as Node's own, plus the names the bundle reads import.meta.url and
  // import() from (the bundle begins with esbuild's "use strict": as strict as the ES module bundle).
  const wrapped = `(function (exports, require, module, __filename, __dirname, ${IMPORT_META_URL}, ${DYNAMIC_IMPORT}) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: bundlePath, cachedData });
  const status = cachedData === undefined ? "none" : script.cachedDataRejected ? "rejected" : "accepted";
  const module = { exports: {} };
  script.runInThisContext()(
    module.exports,
    createRequire(bundlePath),
    module,
    bundlePath,
    dirname(bundlePath),
    pathToFileURL(bundlePath).href,
    // Resolved from scripts/, whose node_modules are the bundle's (both sit at the package root).
    (specifier) => import(specifier),
  );
  return {
    exports: module.exports,
    status,
    /** Writes the cache when there was none or V8 refused it; never throws. */
    saveCache() {
      if (status === "accepted") return false;
      try {
        const temporary = `${cachePath}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cachePath); // whole or not at all for a process starting meanwhile
        removeOtherCaches(bundlePath, cachePath);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** Caches of older builds (or other Node versions) of the same bundle: one is kept. */
function removeOtherCaches(bundlePath, keep) {
  const prefix = `${basename(bundlePath)}.`;
  for (const name of readdirSync(dirname(bundlePath))) {
    const path = join(dirname(bundlePath), name);
    if (name.startsWith(prefix) && name.endsWith(".v8cache") && path !== keep) rmSync(path, { force: true });
  }
}
