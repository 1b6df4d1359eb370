// The API's zod extension must load before the domain's schemas are built (zod 4 adds .openapi per instance).
import "@hono/zod-openapi";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badCorpus } from "../../scripts/fixtures/bad-corpus.js";
import { runCli } from "../../src/cli/main.js";
import { isQuireError } from "../../src/domain/errors.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";
import { fileForm, type Harness, harness, type Tenant } from "../api/harness.js";

/**
 * fixtures/bad/: every file is refused with its expected stable code — by ingest itself, by the
 * CLI (one line on stderr ending in [code], exit 1) and by the API (the questionnaire fails with
 * that code; the synchronous route answers problem+json with it). Never a crash, never a 500.
 * Files over 1 MB are not committed; they are generated here from the same script.
 */
interface Case {
  file: string;
  code: string;
  why: string;
}
const manifest = JSON.parse(readFileSync("fixtures/bad/manifest.json", "utf8")) as Case[];
const generated = new Map(badCorpus().map((c) => [c.file, c.bytes]));
const bytesOf = (file: string): Uint8Array => {
  const path = join("fixtures/bad", file);
  if (existsSync(path)) return new Uint8Array(readFileSync(path));
  const bytes = generated.get(file);
  if (!bytes) throw new Error(`${file} is neither in fixtures/bad nor generated`);
  return bytes;
};

it("has at least 40 bad inputs, each with an expected code, all from the generator", () => {
  expect(manifest.length).toBeGreaterThanOrEqual(40);
  expect(manifest.map((c) => c.file).sort()).toEqual([...generated.keys()].sort());
  for (const c of manifest) expect(c.code, c.file).toMatch(/^[a-z_]+$/);
});

describe.each(manifest)("$file → $code", ({ file, code }) => {
  it("is refused by ingest with its code", async () => {
    const error = await ingestQuestionnaire(bytesOf(file), file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isQuireError(error), String(error)).toBe(true);
    expect((error as { code: string }).code).toBe(code);
  });
});

describe("through the CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "quire-bad-cli-"));
  it.each(manifest)("$file: one line ending in [$code], exit 1", async ({ file, code }) => {
    const path = join(dir, file);
    writeFileSync(path, bytesOf(file));
    const err: string[] = [];
    const exit = await runCli(
      ["answer", path, "--db", join(dir, "quire.db"), "--report", join(dir, "r.json"), "--out", join(dir, "o")],
      {
        stdout: () => {},
        stderr: (s) => err.push(s),
      },
    );
    expect(exit).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^quire: .+ \\[${code}\\]$`));
  });
});

describe("through the API", () => {
  let h: Harness;
  let a: Tenant;
  let customerId: string;
  beforeAll(async () => {
    h = await harness({ maxUploadBytes: 25 * 1024 * 1024 });
    a = await h.tenant("A");
    customerId = (await h.call("POST", "/v1/customers", { key: a.adminKey, json: { name: "Buyer", region: "eu" } }))
      .body.id;
  });
  afterAll(() => h.close());

  it.each(manifest)("$file: the questionnaire fails with $code", async ({ file, code }) => {
    const up = await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(bytesOf(file), file, { customerId }),
    });
    expect(up.status).toBe(202);
    await h.jobs.drain();
    const q = await h.call("GET", `/v1/questionnaires/${up.body.id}`, { key: a.adminKey });
    expect(q.body.status).toBe("failed");
    expect(q.body.failure.code).toBe(code);
  });

  it.each(manifest.filter((c) => bytesOf(c.file).length <= 1024 * 1024))(
    "$file: POST /v1/answer answers problem+json $code",
    async ({ file, code }) => {
      const res = await h.call("POST", "/v1/answer", { key: a.adminKey, form: fileForm(bytesOf(file), file, {}) });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.code).toBe(code);
    },
  );
});
