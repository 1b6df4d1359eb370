#!/usr/bin/env node
// Entry point for `npx quire`: runs the TypeScript CLI through tsx (a runtime dependency), so no build step is needed.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2));
