import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { api, startServer, upload } from "../support/server-process.js";

const run = promisify(execFile);

/*
 * `npm start` runs the built server (dist/server.mjs) and its job threads run the built
 * dist/node-worker-entry.mjs: no tsx at start. One upload goes through a job thread to "drafted".
 */
it("npm start runs the built server bundle, job threads included", { timeout: 180_000 }, async () => {
  await run(process.execPath, ["scripts/build.mjs"]);
  const built = statSync("dist/server.mjs").mtimeMs;
  const worker = statSync("dist/node-worker-entry.mjs").mtimeMs;
  const dir = mkdtempSync(join(tmpdir(), "quire-server-bundle-"));
  const server = await startServer(
    { QUIRE_DB: join(dir, "quire.db"), QUIRE_SWEEP: "off", QUIRE_JOB_THREADS: "2" },
    { args: ["scripts/start.mjs"] },
  );
  try {
    // Fresh bundles: run as built, not rebuilt.
    expect(statSync("dist/server.mjs").mtimeMs).toBe(built);
    expect(statSync("dist/node-worker-entry.mjs").mtimeMs).toBe(worker);
    const key = server.key ?? "";
    expect(key).not.toBe("");
    expect((await fetch(`${server.base}/health`)).status).toBe(200);
    const customer = await api<{ id: string }>(server.base, key, "POST", "/v1/customers", {
      name: "Bundle buyer",
      region: "eu",
    });
    expect(customer.status).toBe(201);
    const bytes = new Uint8Array(readFileSync("fixtures/caiq-like.xlsx"));
    const uploaded = await upload(server.base, key, bytes, "caiq-like.xlsx", customer.body.id);
    expect(uploaded.status).toBe(202);
    let status = uploaded.body.status;
    for (let i = 0; i < 240 && (status === "queued" || status === "processing"); i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await api<{ status: string }>(server.base, key, "GET", `/v1/questionnaires/${uploaded.body.id}`)).body
        .status;
    }
    expect(status).toBe("drafted");
    const filled = await fetch(
      `${server.base}/v1/questionnaires/${uploaded.body.id}/export?format=original&include=drafts`,
      {
        headers: { authorization: `Bearer ${key}` },
      },
    );
    expect(filled.status).toBe(200);
    expect(
      Buffer.from(await filled.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
  } finally {
    await server.stop();
  }
});
