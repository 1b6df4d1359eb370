import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript module (bin/quire.mjs imports it before anything is built)
import { codeCachePath, loadWithCodeCache, routeDynamicImports } from "../../scripts/code-cache.mjs";
import { runCli } from "../../src/cli/main.js";
import { answerArgs } from "./answer-args.js";

const run = promisify(execFile);

/** A CommonJS "bundle" as scripts/build.mjs writes dist/cli.cjs: import.meta.url and import() come from the wrapper. */
function writeBundle(dir: string, body: string): string {
  const path = join(dir, "cli.cjs");
  writeFileSync(
    path,
    `"use strict";${body}
exports.url = __quireImportMetaUrl;
exports.work = (n) => { let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s; };
exports.load = (name) => __quireImport(name);`,
  );
  return path;
}

/** Loads the bundle in a new process (V8 keeps compiled scripts per process, so a cache is only read by another). */
async function loadInChild(bundle: string): Promise<Record<string, unknown>> {
  const script = `
    import { loadWithCodeCache } from ${JSON.stringify(pathToFileURL(join(process.cwd(), "scripts", "code-cache.mjs")).href)};
    const loaded = loadWithCodeCache(${JSON.stringify(bundle)});
    const { exports } = loaded;
    const joined = (await exports.load("node:path")).posix.join("a", "b");
    console.log(JSON.stringify({ status: loaded.status, version: exports.version, url: exports.url, work: exports.work(1000), joined, saved: loaded.saveCache() }));`;
  const { stdout } = await run("node", ["--input-type=module", "-e", script]);
  return JSON.parse(stdout);
}

function caches(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith(".v8cache"));
}

describe("the V8 code cache behind `quire answer` (scripts/code-cache.mjs)", () => {
  it("writes a cache after a run, is accepted by the next, and falls back when it is corrupt or stale", async () => {
    const dir = mkdtempSync(join(tmpdir(), "quire-code-cache-"));
    const bundle = writeBundle(dir, "exports.version = 1;");

    const first = await loadInChild(bundle);
    expect(first).toEqual({
      status: "none",
      version: 1,
      url: pathToFileURL(bundle).href,
      work: 2997,
      joined: "a/b",
      saved: true,
    });
    const cachePath = codeCachePath(bundle, readFileSync(bundle, "utf8"));
    expect(existsSync(cachePath)).toBe(true);

    // import() still works from code V8 read from the cache (vm's own callback did not, on Node 20).
    const second = await loadInChild(bundle);
    expect(second).toMatchObject({ status: "accepted", work: 2997, joined: "a/b", saved: false });

    // Garbage where the cache was: V8 refuses it, the code runs as without one, the cache is rewritten.
    writeFileSync(cachePath, Buffer.from("not a code cache at all, just bytes".repeat(20)));
    expect(await loadInChild(bundle)).toMatchObject({ status: "rejected", work: 2997, joined: "a/b", saved: true });
    expect(await loadInChild(bundle)).toMatchObject({ status: "accepted" });

    // A rebuilt bundle has its own cache file; the old build's is removed when the new one is written.
    writeBundle(dir, "exports.version = 2;");
    expect(await loadInChild(bundle)).toMatchObject({ status: "none", version: 2, saved: true });
    expect(caches(dir)).toEqual([basename(codeCachePath(bundle, readFileSync(bundle, "utf8")))]);
    expect(await loadInChild(bundle)).toMatchObject({ status: "accepted", version: 2 });
  });

  it("an unwritable cache folder is a run without a cache, not a failure", () => {
    const dir = mkdtempSync(join(tmpdir(), "quire-code-cache-"));
    const bundle = writeBundle(dir, "");
    const loaded = loadWithCodeCache(bundle);
    // The cache's place is a folder: writing a file there fails.
    mkdirSync(codeCachePath(bundle, readFileSync(bundle, "utf8")));
    expect(loaded.saveCache()).toBe(false);
    expect(loadWithCodeCache(bundle).exports.work(10)).toBe(24);
  });

  it("routes the bundle's import() of external packages through the wrapper, and refuses any other", () => {
    expect(routeDynamicImports('let w=await import("pdfjs-dist/legacy/build/pdf.mjs")', ["pdfjs-dist"])).toBe(
      'let w=await __quireImport("pdfjs-dist/legacy/build/pdf.mjs")',
    );
    expect(routeDynamicImports("x.import(1); my_import(2)", ["pdfjs-dist"])).toBe("x.import(1); my_import(2)");
    expect(() => routeDynamicImports('await import("./chunk.js")', ["pdfjs-dist"])).toThrow(/cannot serve/);
  });

  it("bin/quire.mjs answers identically with no cache, an accepted one and a corrupt one (xlsx and PDF)", {
    timeout: 180_000,
  }, async () => {
    await run("node", ["scripts/build.mjs"]);
    const dir = mkdtempSync(join(tmpdir(), "quire-code-cache-cli-"));
    const args = (file: string, name: string) => answerArgs(file, dir, name);
    const silent = { stdout: () => {}, stderr: () => {} };
    expect(await runCli(args("fixtures/caiq-like.xlsx", "sources"), silent)).toBe(0);
    expect(await runCli(args("fixtures/numbered.pdf", "sources-pdf"), silent)).toBe(0);

    const bundle = join(process.cwd(), "dist", "cli.cjs");
    const cachePath = codeCachePath(bundle, readFileSync(bundle, "utf8"));
    const runs = ["none", "accepted", "corrupt"];
    for (const name of runs) {
      if (name === "none") writeFileSync(cachePath, ""); // an empty file: V8 rejects it, as if none
      if (name === "corrupt") writeFileSync(cachePath, Buffer.alloc(4096, 7));
      await run("node", ["bin/quire.mjs", ...args("fixtures/caiq-like.xlsx", name)]);
      await run("node", ["bin/quire.mjs", ...args("fixtures/numbered.pdf", `${name}-pdf`)]);
      expect(readFileSync(join(dir, `${name}.json`), "utf8")).toBe(readFileSync(join(dir, "sources.json"), "utf8"));
      expect(readFileSync(join(dir, `${name}.xlsx`)).equals(readFileSync(join(dir, "sources.xlsx")))).toBe(true);
      expect(readFileSync(join(dir, `${name}-pdf.json`), "utf8")).toBe(
        readFileSync(join(dir, "sources-pdf.json"), "utf8"),
      );
      expect(readFileSync(cachePath).length).toBeGreaterThan(100_000); // written (again) by a run that succeeded
    }
  });
});
