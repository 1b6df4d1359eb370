import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeModel } from "../../eval/fake-model.js";
import { AnswerReportSchema } from "../../src/domain/answering/report.js";
import { type FakeMessagesApi, startFakeMessagesApi } from "../../src/llm/fake-messages-api.js";

const run = promisify(execFile);

/** The real CLI binary with Claude switched on, talking to a local fake of the Messages API. */
describe("quire answer --llm", () => {
  let fake: FakeMessagesApi;
  beforeAll(async () => {
    fake = await startFakeMessagesApi(fakeModel);
  });
  afterAll(async () => fake.close());

  const cli = (args: string[], env: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), "quire-llm-"));
    const report = join(dir, "report.json");
    const { ANTHROPIC_API_KEY: _, ...base } = process.env;
    return run(
      "node",
      ["bin/quire.mjs", "answer", ...args, "--db", join(dir, "q.db"), "--report", report, "--out", join(dir, "f.csv")],
      {
        env: { ...base, ...env },
      },
    ).then(
      (r) => ({
        code: 0,
        stdout: r.stdout,
        stderr: r.stderr,
        report: AnswerReportSchema.parse(JSON.parse(readFileSync(report, "utf8"))),
      }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
        report: null,
      }),
    );
  };

  it("refines drafts through the Messages API when ANTHROPIC_API_KEY is set", async () => {
    const before = fake.requests.length;
    const result = await cli(["fixtures/simple.csv", "--llm", "--region", "eu"], {
      ANTHROPIC_API_KEY: "sk-test",
      ANTHROPIC_BASE_URL: fake.baseURL,
    });
    expect(result.stderr).toBe("");
    // One call drafts a batch of up to 25 questions; the report accounts for it.
    const questions = result.report?.questions.length ?? 0;
    const calls = fake.requests.length - before;
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(Math.ceil(questions / 25));
    expect(result.report?.llm).toMatchObject({ mode: "messages", calls, model: "claude-sonnet-4-6" });
    const byLlm = result.report?.questions.filter((q) => q.draftedBy === "llm") ?? [];
    expect(byLlm.length).toBeGreaterThan(5);
    // The summary says what it cost.
    expect(result.stdout).toMatch(new RegExp(`llm: +claude-sonnet-4-6, ${calls} calls? for \\d+ questions`));
    expect(result.stdout).toMatch(/tokens: .* cache read, .* cache write/);
    expect(result.stdout).toMatch(/cost: +~\$\d+\.\d{4} estimated \(ceiling \$5\.00\)/);
    // Citations stay the policy's: an EU buyer without NDA never gets the SOC 2 report.
    expect(result.report?.questions.flatMap((q) => q.citations.map((c) => c.type))).not.toContain("soc2-type2");
  });

  it("stays offline with --offline even when a key is set", async () => {
    const before = fake.requests.length;
    const result = await cli(["fixtures/simple.csv", "--offline"], {
      ANTHROPIC_API_KEY: "sk-test",
      ANTHROPIC_BASE_URL: fake.baseURL,
    });
    expect(result.code).toBe(0);
    expect(fake.requests.length).toBe(before);
  });

  it("refuses --llm without a key as a usage error", async () => {
    const result = await cli(["fixtures/simple.csv", "--llm"], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--llm needs ANTHROPIC_API_KEY/);
  });
});
