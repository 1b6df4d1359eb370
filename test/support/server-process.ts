import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");

export interface RunningServer {
  readonly child: ChildProcess;
  readonly base: string;
  /** The demo tenant's admin key (printed on a fresh database only). */
  readonly key: string | null;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts the real Node server (`src/runtime/node.ts` through tsx) as a child process, so a load
 * generator or a crash test does not share its event loop, and reads its port (and the demo key)
 * from its output. `root` lets the freeze probe start another checkout (the code before a change).
 */
export async function startServer(
  env: Record<string, string>,
  options: { root?: string; timeoutMs?: number; args?: readonly string[] } = {},
): Promise<RunningServer> {
  const root = options.root ?? ROOT;
  // `args`: another way to start it, e.g. ["scripts/start.mjs"] (what `npm start` runs: the built bundle).
  const child = spawn(process.execPath, [...(options.args ?? ["--import", "tsx", "src/runtime/node.ts"])], {
    cwd: root,
    env: { ...process.env, PORT: "0", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${out}`)), options.timeoutMs ?? 60_000);
    child.once("exit", (code) => fail(new Error(`server exited with ${code}:\n${out}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const base = /listening on (http:\/\/[\d.]+:\d+)/.exec(out)?.[1];
      if (base) {
        clearTimeout(timer);
        ready({
          child,
          base,
          key: /^QUIRE_DEMO_KEY=(\S+)$/m.exec(out)?.[1] ?? null,
          async stop(signal = "SIGTERM") {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            // A server that does not stop within 10 s is killed: nothing is left running.
            const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
            await exited;
            clearTimeout(force);
          },
        });
      }
    });
  });
}

/** A JSON API call with the key. */
export async function api<T = Record<string, unknown>>(
  base: string,
  key: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body !== undefined && { "content-type": "application/json" }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Uploads a questionnaire file (POST /v1/questionnaires). */
export async function upload(
  base: string,
  key: string,
  bytes: Uint8Array,
  name: string,
  customerId: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { id: string; status: string } & Record<string, unknown> }> {
  const form = new FormData();
  form.append("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  form.append("customerId", customerId);
  const res = await fetch(`${base}/v1/questionnaires`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, ...headers },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as never };
}
