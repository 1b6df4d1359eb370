#!/usr/bin/env node
import { pathToFileURL } from "node:url";
// Entry point for `npx quire`. Runs the CLI bundle (dist/cli.mjs, built by `npm ci` through
// `prepare`, or `npm run build`): plain JavaScript starts in a fraction of the time tsx needs to
// transpile the sources. When a source is newer than the bundle it is rebuilt first (esbuild, well
// under a second); without esbuild (no dev dependencies) the TypeScript runs through tsx as before.
import { buildCli, CLI_BUNDLE, cliBundleIsFresh } from "../scripts/build.mjs";

async function loadCli() {
  if (cliBundleIsFresh() || (await buildCli().catch(() => false))) return import(pathToFileURL(CLI_BUNDLE).href);
  const { register } = await import("tsx/esm/api");
  register();
  return import("../src/cli/main.ts");
}

const { runCli } = await loadCli();
process.exitCode = await runCli(process.argv.slice(2));
