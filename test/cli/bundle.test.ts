import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { answerArgs } from "./answer-args.js";

const run = promisify(execFile);

describe("the CLI bundle (dist/cli.mjs) behind bin/quire.mjs", () => {
  it("is built by npm run build and answers exactly as the sources do", { timeout: 120_000 }, async () => {
    await run("node", ["scripts/build.mjs"]);
    const built = statSync("dist/cli.mjs").mtimeMs;

    const help = await run("node", ["bin/quire.mjs", "--help"]);
    expect(help.stdout).toMatch(/^quire — answer vendor security questionnaires/);
    expect(statSync("dist/cli.mjs").mtimeMs).toBe(built); // fresh: run as built, not rebuilt

    const dir = mkdtempSync(join(tmpdir(), "quire-bundle-"));
    const args = (name: string) => answerArgs("fixtures/caiq-like.xlsx", dir, name);
    await run("node", ["bin/quire.mjs", ...args("bundle")]); // a fresh database: the migrations are found from dist/
    expect(await runCli(args("sources"), { stdout: () => {}, stderr: () => {} })).toBe(0);
    expect(readFileSync(join(dir, "bundle.json"), "utf8")).toBe(readFileSync(join(dir, "sources.json"), "utf8"));
    expect(readFileSync(join(dir, "bundle.xlsx")).equals(readFileSync(join(dir, "sources.xlsx")))).toBe(true);
  });
});
