import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../src/api/app.js";
import type { AppDeps } from "../../src/api/env.js";
import { fsBlobStore } from "../../src/blobs/fs.js";
import { openSqlite } from "../../src/db/sqlite.js";
import type { Library } from "../../src/domain/library/types.js";
import { loadLibraryDir } from "../../src/library-files/load.js";
import { pinnedPoster } from "../../src/runtime/node/pinned-post.js";
import { nodeResolveHost } from "../../src/runtime/node.js";
import { type ServiceContext, systemClock } from "../../src/services/context.js";
import { createJobRunner, inlineExecutor } from "../../src/services/jobs/runner.js";
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
 * The real app on a real SQLite file in a temp folder, with the durable job runner running every
 * lane inline (drain() waits for background work), fast webhook retries, loopback receivers
 * allowed, and limits high enough that a suite's own traffic never trips them.
 */
export async function harness(
  options: {
    maxUploadBytes?: number;
    deps?: Partial<AppDeps>;
    /** An existing folder (quire.db and blobs/) to serve instead of a new one; close() removes it. */
    dir?: string;
  } = {},
) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "quire-api-"));
  const handle = openSqlite(join(dir, "quire.db"));
  const base: AppDeps = {
    db: handle.db,
    blobs: fsBlobStore(join(dir, "blobs")),
    clock: systemClock,
    resolveHost: nodeResolveHost,
    webhookPost: pinnedPoster,
    instanceId: "test:harness",
    webhooks: { retryDelaysMs: [50, 100, 150], timeoutMs: 2_000, allowLoopback: true },
    limits: { uploadsPerMinute: 1_000, uploadsInFlight: 1_000 },
    authFailures: { burst: 10_000, perSecond: 1_000 },
    ...(options.maxUploadBytes && { maxUploadBytes: options.maxUploadBytes }),
    ...options.deps,
  };
  const jobs = createJobRunner(base, {
    owner: "test:harness",
    pollMs: 50,
    lanes: {
      process: { concurrency: 1, perTenant: 1, executor: inlineExecutor(base) },
      webhooks: { concurrency: 4, perTenant: 2, executor: inlineExecutor(base) },
      maintenance: { concurrency: 1, perTenant: 1, executor: inlineExecutor(base) },
    },
  });
  const deps: AppDeps = { ...base, jobs };
  await jobs.start();
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
    async close() {
      await jobs.stop(1_000);
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
