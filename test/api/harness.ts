import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../src/api/app.js";
import type { AppDeps } from "../../src/api/env.js";
import { fsBlobStore } from "../../src/blobs/fs.js";
import { openSqlite } from "../../src/db/sqlite.js";
import type { Library } from "../../src/domain/library/types.js";
import { loadLibraryDir } from "../../src/library-files/load.js";
import { nodeResolveHost } from "../../src/runtime/node.js";
import { type ServiceContext, systemClock } from "../../src/services/context.js";
import { inProcessQueue } from "../../src/services/jobs/in-process-queue.js";
import { runJob } from "../../src/services/jobs/run.js";
import { createApiKey } from "../../src/services/keys/create.js";
import type { Scope } from "../../src/services/keys/scopes.js";
import { replaceLibrary } from "../../src/services/library/replace.js";
import { createTenant } from "../../src/services/tenants/create.js";

let library: Library | null = null;
const shippedLibrary = async () => {
  library ??= await loadLibraryDir("answer-library");
  return library;
};

export interface Tenant {
  id: string;
  adminKey: string;
  /** A key with the given scopes in this tenant. */
  key(scopes: Scope[]): Promise<{ id: string; key: string }>;
}

/**
 * The real app on a real SQLite file in a temp folder, with the in-process job queue (drain()
 * waits for background work), fast webhook retries and loopback receivers allowed.
 */
export async function harness(options: { maxUploadBytes?: number; deps?: Partial<AppDeps> } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "quire-api-"));
  const handle = openSqlite(join(dir, "quire.db"));
  const jobs = inProcessQueue((job) => runJob(deps, job));
  const deps: AppDeps = {
    db: handle.db,
    blobs: fsBlobStore(join(dir, "blobs")),
    clock: systemClock,
    jobs,
    resolveHost: nodeResolveHost,
    webhooks: { retryDelaysMs: [50, 100, 150], timeoutMs: 2_000, allowLoopback: true },
    ...(options.maxUploadBytes && { maxUploadBytes: options.maxUploadBytes }),
    ...options.deps,
  };
  const app = createApp(deps);

  async function tenant(name: string): Promise<Tenant> {
    const { tenantId, adminKey } = await createTenant(deps, { name });
    const ctx: ServiceContext = { ...deps, tenantId, actor: "test:seed" };
    await replaceLibrary(ctx, await shippedLibrary());
    return {
      id: tenantId,
      adminKey: adminKey.key,
      key: async (scopes) => {
        const k = await createApiKey(deps.db, { tenantId, name: "test", scopes, at: new Date().toISOString() });
        return { id: k.id, key: k.key };
      },
    };
  }

  /** One HTTP request through app.request; `json` and `form` set the body. */
  async function call(
    method: string,
    path: string,
    opts: {
      key?: string | null;
      json?: unknown;
      form?: FormData;
      body?: string;
      headers?: Record<string, string>;
    } = {},
  ) {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.key) headers.authorization = `Bearer ${opts.key}`;
    let body: RequestInit["body"] | undefined;
    if (opts.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(opts.json);
    } else if (opts.form) body = opts.form;
    else if (opts.body !== undefined) {
      headers["content-type"] ??= "application/json";
      body = opts.body;
    }
    const res = await app.request(path, { method, headers, ...(body !== undefined && { body }) });
    const type = res.headers.get("content-type") ?? "";
    const data = type.includes("json")
      ? await res.json()
      : type.startsWith("text/")
        ? await res.text()
        : new Uint8Array(await res.arrayBuffer());
    // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely
    return { status: res.status, headers: res.headers, body: data as any };
  }

  return {
    app,
    deps,
    jobs,
    db: handle.db,
    dir,
    tenant,
    call,
    close() {
      jobs.stop();
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Harness = Awaited<ReturnType<typeof harness>>;

export function fileForm(bytes: Uint8Array, name: string, fields: Record<string, string>): FormData {
  const form = new FormData();
  form.append("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}
