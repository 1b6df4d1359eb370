#!/usr/bin/env node
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
// Entry point for `npx quire`. Runs the CLI bundle (dist/cli.mjs, built by `npm ci` through
// `prepare`, or `npm run build`): plain JavaScript starts in a fraction of the time tsx needs to
// transpile the sources. When a source is newer than the bundle it is rebuilt first (esbuild, well
// under a second); without esbuild (no dev dependencies) the TypeScript runs through tsx as before.
import { buildCli, CLI_BUNDLE, CLI_CJS_BUNDLE, cliBundleIsFresh } from "../scripts/build.mjs";

const argv = process.argv.slice(2);

// The engine's question readers are a few hundred regular expressions, most run a few hundred times in
// one CLI run. By default V8 first interprets each one and compiles it to machine code only once it is
// found hot, so a run pays for both; compiling at first use is ~100 ms less on a 5,000-row workbook
// (bench/README.md, twenty-sixth session). Set before any expression of the engine is compiled.
setFlagsFromString("--no-regexp-tier-up");

async function loadCli() {
  if (cliBundleIsFresh() || (await buildCli().catch(() => false))) {
    // `quire answer` runs the whole engine: the CommonJS bundle with V8's code cache of the last run
    // spares compiling it again. Other commands (`--help`) load only their own small ES chunks.
    if (argv[0] === "answer") return (await import("../scripts/code-cache.mjs")).loadWithCodeCache(CLI_CJS_BUNDLE);
    return { exports: await import(pathToFileURL(CLI_BUNDLE).href) };
  }
  const { register } = await import("tsx/esm/api");
  register();
  return { exports: await import("../src/cli/main.ts") };
}

const cli = await loadCli();
process.exitCode = await cli.exports.runCli(argv);
// After the work, so the cache holds every function the run compiled; only a run that succeeded.
if (process.exitCode === 0) cli.saveCache?.();
