/**
 * `npm run worker:tenant -- "Vendor name"`: a tenant with the shipped answer library and an admin
 * key, created in the local D1 that `npm run dev:worker` serves (.wrangler/state; run
 * `npm run db:migrate:local` first). Workers have no filesystem to seed from and no sign-up route.
 *
 * `npm run worker:tenant -- "Vendor name" --sql tenant.sql` writes the same tenant as SQL instead,
 * for a deployed database: `npx wrangler d1 execute quire --remote --file tenant.sql`. It is made in
 * a fresh, migrated, in-memory D1 (workerd through Miniflare) by the same services, then dumped.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { drizzle } from "drizzle-orm/d1";
import { Miniflare } from "miniflare";
import * as schema from "../src/db/schema/index.js";
import type { Db } from "../src/db/types.js";
import { loadLibraryDir } from "../src/library-files/load.js";
import { systemClock } from "../src/services/context.js";
import { replaceLibrary } from "../src/services/library/replace.js";
import { createTenant } from "../src/services/tenants/create.js";
import { migrateD1 } from "./d1-migrate.js";
import { OFFLINE_ENV } from "./wrangler-offline.js";

type D1 = Parameters<typeof drizzle>[0] & {
  prepare(sql: string): { all<T>(): Promise<{ results: T[] }> };
};

const noBlobs = { put: async () => {}, get: async () => null, delete: async () => {} };

async function seed(d1: D1, name: string): Promise<{ tenantId: string; key: string }> {
  const db = drizzle(d1, { schema }) as unknown as Db;
  const deps = { db, clock: systemClock, blobs: noBlobs };
  const { tenantId, adminKey } = await createTenant(deps, { name });
  await replaceLibrary({ ...deps, tenantId, actor: "system:worker-tenant" }, await loadLibraryDir("answer-library"));
  return { tenantId, key: adminKey.key };
}

const literal = (value: unknown): string => {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer);
    return `X'${Buffer.from(bytes).toString("hex")}'`;
  }
  if (Array.isArray(value)) return literal(Uint8Array.from(value as number[]));
  return `'${String(value).replaceAll("'", "''")}'`;
};

/** Every row of the application's tables as INSERT statements (D1's own tables left out). */
async function dump(d1: D1): Promise<string> {
  const tables = await d1
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name not like 'd1_%' order by rowid",
    )
    .all<{ name: string }>();
  const lines = ["PRAGMA defer_foreign_keys = on;"];
  for (const { name } of tables.results) {
    const rows = await d1.prepare(`select * from "${name}"`).all<Record<string, unknown>>();
    for (const row of rows.results) {
      const columns = Object.keys(row);
      lines.push(
        `INSERT INTO "${name}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((c) => literal(row[c])).join(", ")});`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

const { values, positionals } = parseArgs({ options: { sql: { type: "string" } }, allowPositionals: true });
const name = positionals[0] ?? "Demo vendor (Halcyon Metrics)";

if (values.sql) {
  const mf = new Miniflare({
    modules: true,
    script: "export default { fetch() { return new Response(null, { status: 404 }) } }",
    d1Databases: ["DB"],
  });
  try {
    const d1 = (await mf.getD1Database("DB")) as unknown as D1;
    await migrateD1(d1 as never);
    const { tenantId, key } = await seed(d1, name);
    writeFileSync(values.sql, await dump(d1));
    console.log(`tenant ${tenantId} (${name}) with the shipped answer library, as SQL in ${values.sql}`);
    console.log(`apply it: npx wrangler d1 execute quire --remote --file ${values.sql}`);
    console.log(`admin key (shown once): ${key}`);
  } finally {
    await mf.dispose();
  }
} else {
  Object.assign(process.env, OFFLINE_ENV);
  const { getPlatformProxy } = await import("wrangler");
  const proxy = await getPlatformProxy<{ DB: D1 }>({ remoteBindings: false });
  try {
    const { tenantId, key } = await seed(proxy.env.DB, name);
    console.log(`tenant ${tenantId} (${name}) with the shipped answer library`);
    console.log(`admin key (shown once): ${key}`);
  } finally {
    await proxy.dispose();
  }
}
