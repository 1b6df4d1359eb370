import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWranglerQuiet } from "../../scripts/wrangler-offline.js";

/** A free loopback port (wrangler dev's default, 8787, may be taken by another checkout). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

/**
 * What a new developer runs: `npm run db:migrate:local`, then `npm run dev:worker`, then calls the
 * local Worker over HTTP. The scripts are run as package.json names them, with state in a temp dir.
 */
describe("npm run dev:worker (wrangler dev, local D1/R2/Queues)", () => {
  let dev: ChildProcess;
  let base = "";
  let output = "";
  let key = "";
  const state = mkdtempSync(join(tmpdir(), "quire-wrangler-state-"));
  const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
  const argsOf = (script: string) => (scripts[script] ?? "").split(" ").slice(2);

  beforeAll(async () => {
    expect(scripts["db:migrate:local"]).toMatch(
      /^tsx scripts\/wrangler-offline\.ts d1 migrations apply quire --local$/,
    );
    await runWranglerQuiet([...argsOf("db:migrate:local"), "--persist-to", state]);
    // The first tenant as DEPLOY.md makes it for a deployed database: SQL from worker:tenant --sql,
    // applied with wrangler d1 execute (--local here, --remote there).
    const sql = join(state, "tenant.sql");
    const made = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          "node_modules/tsx/dist/cli.mjs",
          ...(scripts["worker:tenant"] ?? "").split(" ").slice(1),
          "Dev vendor",
          "--sql",
          sql,
        ],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
      });
      child.on("error", reject);
      child.on("exit", (code) =>
        code === 0 ? resolve(out) : reject(new Error(`worker:tenant --sql failed:\n${out}`)),
      );
    });
    key = /admin key \(shown once\): (\S+)/.exec(made)?.[1] ?? "";
    await runWranglerQuiet(["d1", "execute", "quire", "--local", "--persist-to", state, "--file", sql]);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // Its own process group, so the test stops exactly the processes it started (tsx, wrangler, workerd).
    dev = spawn(
      process.execPath,
      [
        "node_modules/tsx/dist/cli.mjs",
        "scripts/wrangler-offline.ts",
        ...argsOf("dev:worker"),
        "--port",
        String(port),
        "--ip",
        "127.0.0.1",
        "--persist-to",
        state,
      ],
      { detached: true, stdio: ["ignore", "pipe", "pipe"] },
    );
    dev.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    dev.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    for (let i = 0; i < 240; i++) {
      if (/Ready on/.test(output)) return;
      if (dev.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`wrangler dev did not start:\n${output}`);
  }, 120_000);

  afterAll(async () => {
    if (dev?.pid && dev.exitCode === null) {
      const exited = new Promise((r) => dev.once("exit", r));
      process.kill(-dev.pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (dev.exitCode === null) process.kill(-dev.pid, "SIGKILL");
    }
  });

  it("runs the project's pinned wrangler, never a download", () => {
    expect(scripts["dev:worker"]).toBe("tsx scripts/wrangler-offline.ts dev --local");
    expect(JSON.parse(readFileSync("package.json", "utf8")).devDependencies.wrangler).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("serves /health from the local D1", async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("refuses an unknown key with problem+json", async () => {
    const res = await fetch(`${base}/v1/customers`, { headers: { authorization: "Bearer qk_nope" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
  });

  it("answers a PDF for the tenant that worker:tenant --sql made", async () => {
    const form = new FormData();
    form.set("file", new Blob([readFileSync("fixtures/numbered.pdf")]), "numbered.pdf");
    form.set("region", "eu");
    const res = await fetch(`${base}/v1/answer`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}` },
      body: form,
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { summary: { questions: number; drafted: number } };
    expect(report.summary.questions).toBe(31);
    expect(report.summary.drafted).toBeGreaterThan(10);
  }, 60_000);
});
