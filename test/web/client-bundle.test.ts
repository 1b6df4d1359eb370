import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildWebModule, bundleClient, ROOT, WEB_MODULE } from "../../scripts/build-web.js";

// The served client is a committed, generated module (the Worker has no filesystem and a fresh
// clone needs no build step); these keep it honest.
describe("the generated client bundle", () => {
  it("is what src/web/client/ builds to today (else run `npm run build:web`)", async () => {
    const committed = readFileSync(join(ROOT, WEB_MODULE), "utf8");
    const fresh = await buildWebModule();
    expect(committed === fresh, `${WEB_MODULE} is stale: run \`npm run build:web\` and commit it`).toBe(true);
  });

  it("carries no server code and no zod", async () => {
    const bundle = await bundleClient();
    const script = bundle.files.get(bundle.script) ?? "";
    expect(script).toContain("Sign in to Quire");
    expect(script).not.toMatch(/zod|drizzle|node:|openapi/i);
  });
});

describe("the client import rule", () => {
  // A throwaway client under .tmp/ (ignored by git), built the same way as the real one.
  const dir = `.tmp/client-bundle-${process.pid}`;
  const plant = (main: string) => {
    mkdirSync(join(ROOT, dir), { recursive: true });
    writeFileSync(join(ROOT, dir, "main.ts"), main);
    writeFileSync(join(ROOT, dir, "app.css"), "body { margin: 0; }\n");
  };
  afterAll(() => rmSync(join(ROOT, dir), { recursive: true, force: true }));

  it("refuses a value import of server code, naming the file", async () => {
    plant('import { ProblemSchema } from "../../src/api/schemas.js";\nconsole.log(ProblemSchema.shape);\n');
    await expect(bundleClient(dir)).rejects.toThrow(/would include .*src\/api\/schemas\.ts.*import type/);
  });

  it("accepts the API's shapes as type-only imports, which ship nothing", async () => {
    plant(
      'import type { Region } from "../../src/web/client/api-types.js";\nconst r: Region = "eu";\nconsole.log(r);\n',
    );
    const bundle = await bundleClient(dir);
    const script = bundle.files.get(bundle.script) ?? "";
    expect(script).toContain('"eu"');
    expect(script).not.toMatch(/zod|schemas/);
  });
});
