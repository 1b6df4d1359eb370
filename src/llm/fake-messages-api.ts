import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { conformsToSchema, type JsonSchema } from "./fake-json-schema.js";

/**
 * A local stand-in for the Claude API, for tests and the eval: the SDK's baseURL points at it. It
 * serves POST /v1/messages and the Message Batches API (create, retrieve, results as JSONL), counts
 * tokens (about 4 characters a token), emulates the prompt cache (the prefix up to the last
 * cache_control block is written on first sight and read afterwards, for 5 minutes, above a
 * minimum size) and enforces structured outputs (a reply that breaks output_config.format's JSON
 * schema is a test bug: the real API cannot produce one, so the fake answers 500 saying so).
 * A responder decides each reply. No network beyond 127.0.0.1.
 */
export interface FakeRequest {
  /** 1-based count of requests answered so far (Messages calls and batch items alike). */
  readonly n: number;
  readonly body: {
    readonly model?: string;
    readonly system?: unknown;
    readonly messages?: readonly { role: string; content: unknown }[];
    readonly tools?: unknown;
    readonly output_config?: { readonly format?: { readonly type?: string; readonly schema?: JsonSchema } };
    readonly [key: string]: unknown;
  };
  /** The system prompt and the first user message as plain text. */
  readonly system: string;
  readonly user: string;
  /** The Message Batch it came in, if any. */
  readonly batchId?: string;
}

export type FakeReply =
  | { readonly text: string; readonly stopReason?: "end_turn" | "refusal" | "max_tokens" }
  | {
      readonly status: number;
      readonly error: { type: string; message: string };
      readonly headers?: Record<string, string>;
    }
  | { readonly raw: string; readonly status?: number };

export type FakeResponder = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

export interface FakeMessagesApiOptions {
  /** Retrieves of a Message Batch that still say "in_progress" before it ends (default 1). */
  readonly batchPollsBeforeEnd?: number;
  /** Smallest prefix the cache keeps, in tokens (the API's minimum for Sonnet is 1,024). */
  readonly minCacheTokens?: number;
}

export interface FakeMessagesApi {
  readonly baseURL: string;
  /** Every request answered: Messages calls and the items of Message Batches. */
  readonly requests: FakeRequest[];
  /** Usage returned per request, in the same order. */
  readonly usages: FakeUsage[];
  readonly batches: { readonly id: string; readonly requests: number }[];
  close(): Promise<void>;
}

export interface FakeUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

const CACHE_TTL_MS = 5 * 60_000;
const tokens = (chars: number) => Math.ceil(chars / 4);

const textOf = (content: unknown): string =>
  typeof content === "string"
    ? content
    : Array.isArray(content)
      ? content.map((b) => (b && typeof b === "object" && "text" in b ? String(b.text) : "")).join("")
      : "";

interface Block {
  readonly text: string;
  readonly cached: boolean;
}

const blocksOf = (content: unknown): Block[] =>
  typeof content === "string"
    ? [{ text: content, cached: false }]
    : Array.isArray(content)
      ? content.map((b) => ({
          text: b && typeof b === "object" && "text" in b ? String(b.text) : JSON.stringify(b),
          cached: Boolean(b && typeof b === "object" && "cache_control" in b && b.cache_control),
        }))
      : [];

/** The request as the cache sees it: tools, system, then messages, with the last breakpoint's position. */
function cacheablePrefix(body: FakeRequest["body"]): { prefix: string; total: number } {
  const blocks: Block[] = [
    ...(body.tools ? [{ text: JSON.stringify(body.tools), cached: false }] : []),
    ...blocksOf(body.system),
    ...(body.messages ?? []).flatMap((m) => blocksOf(m.content)),
  ];
  const last = blocks.map((b) => b.cached).lastIndexOf(true);
  const total = blocks.reduce((n, b) => n + b.text.length, 0);
  return {
    prefix:
      last < 0
        ? ""
        : blocks
            .slice(0, last + 1)
            .map((b) => b.text)
            .join("\u0000"),
    total,
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(body);
}

const apiError = (type: string, message: string) => JSON.stringify({ type: "error", error: { type, message } });

type Answered =
  | { readonly kind: "message"; readonly message: Record<string, unknown> }
  | {
      readonly kind: "error";
      readonly status: number;
      readonly body: string;
      readonly headers?: Record<string, string>;
    }
  | { readonly kind: "raw"; readonly status: number; readonly body: string };

interface StoredBatch {
  readonly id: string;
  readonly createdAt: string;
  readonly requests: { custom_id: string; params: FakeRequest["body"] }[];
  polls: number;
  results: string[] | null;
}

export async function startFakeMessagesApi(
  respond: FakeResponder,
  options: FakeMessagesApiOptions = {},
): Promise<FakeMessagesApi> {
  const requests: FakeRequest[] = [];
  const usages: FakeUsage[] = [];
  const cache = new Map<string, number>();
  const batches = new Map<string, StoredBatch>();
  const minCacheTokens = options.minCacheTokens ?? 1024;
  const pollsBeforeEnd = options.batchPollsBeforeEnd ?? 1;
  let baseURL = "";

  /** One Messages request, answered as the API would (usage with cache accounting, schema enforced). */
  async function answer(body: FakeRequest["body"], batchId?: string): Promise<Answered> {
    const request: FakeRequest = {
      n: requests.length + 1,
      body,
      system: textOf(body.system),
      user: textOf(body.messages?.[0]?.content),
      ...(batchId && { batchId }),
    };
    requests.push(request);
    const reply = await respond(request);
    if ("raw" in reply) return { kind: "raw", status: reply.status ?? 200, body: reply.raw };
    if ("error" in reply) {
      return {
        kind: "error",
        status: reply.status,
        body: apiError(reply.error.type, reply.error.message),
        headers: reply.headers,
      };
    }
    const schema = body.output_config?.format?.type === "json_schema" ? body.output_config.format.schema : undefined;
    if (schema && (reply.stopReason ?? "end_turn") === "end_turn") {
      let parsed: unknown;
      try {
        parsed = JSON.parse(reply.text);
      } catch {
        parsed = Symbol("not json");
      }
      const problem = conformsToSchema(parsed, schema);
      if (problem) {
        return {
          kind: "error",
          status: 500,
          body: apiError("api_error", `fake: the responder's reply breaks output_config.format (${problem})`),
        };
      }
    }
    const { prefix, total } = cacheablePrefix(body);
    const prefixTokens = tokens(prefix.length);
    const key = `${body.model}\u0000${prefix}`;
    const now = Date.now();
    const cacheable = prefix.length > 0 && prefixTokens >= minCacheTokens;
    const hit = cacheable && (cache.get(key) ?? 0) > now;
    if (cacheable) cache.set(key, now + CACHE_TTL_MS);
    const usage: FakeUsage = {
      input_tokens: tokens(total) - (cacheable ? prefixTokens : 0),
      output_tokens: tokens(reply.text.length),
      cache_creation_input_tokens: cacheable && !hit ? prefixTokens : 0,
      cache_read_input_tokens: hit ? prefixTokens : 0,
    };
    usages.push(usage);
    return {
      kind: "message",
      message: {
        id: `msg_fake_${request.n}`,
        type: "message",
        role: "assistant",
        model: body.model ?? "fake",
        content: [{ type: "text", text: reply.text }],
        stop_reason: reply.stopReason ?? "end_turn",
        stop_sequence: null,
        usage: { ...usage, service_tier: batchId ? "batch" : "standard" },
      },
    };
  }

  function batchObject(batch: StoredBatch) {
    const ended = batch.results !== null;
    return {
      id: batch.id,
      type: "message_batch",
      processing_status: ended ? "ended" : "in_progress",
      request_counts: {
        processing: ended ? 0 : batch.requests.length,
        succeeded: ended ? batch.results?.filter((l) => l.includes('"succeeded"')).length : 0,
        errored: ended ? batch.results?.filter((l) => l.includes('"errored"')).length : 0,
        canceled: 0,
        expired: 0,
      },
      created_at: batch.createdAt,
      ended_at: ended ? new Date().toISOString() : null,
      expires_at: new Date(Date.parse(batch.createdAt) + 86_400_000).toISOString(),
      archived_at: null,
      cancel_initiated_at: null,
      results_url: ended ? `${baseURL}/v1/messages/batches/${batch.id}/results` : null,
    };
  }

  /** Runs a batch's requests in order (so the first writes the cache the others read). */
  async function finish(batch: StoredBatch): Promise<void> {
    const lines: string[] = [];
    for (const r of batch.requests) {
      const answered = await answer(r.params, batch.id);
      const result =
        answered.kind === "message"
          ? { type: "succeeded", message: answered.message }
          : { type: "errored", error: { type: "error", error: { type: "api_error", message: answered.body } } };
      lines.push(JSON.stringify({ custom_id: r.custom_id, result }));
    }
    batch.results = lines;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const path = url.pathname;
    if (req.method === "POST" && path === "/v1/messages") {
      const answered = await answer(JSON.parse(await readBody(req)) as FakeRequest["body"]);
      if (answered.kind === "message") return send(res, 200, JSON.stringify(answered.message));
      return send(res, answered.status, answered.body, answered.kind === "error" ? answered.headers : {});
    }
    if (req.method === "POST" && path === "/v1/messages/batches") {
      const body = JSON.parse(await readBody(req)) as { requests?: StoredBatch["requests"] };
      if (!Array.isArray(body.requests) || body.requests.length === 0) {
        return send(res, 400, apiError("invalid_request_error", "requests: at least one is required"));
      }
      const batch: StoredBatch = {
        id: `msgbatch_fake_${batches.size + 1}`,
        createdAt: new Date().toISOString(),
        requests: body.requests,
        polls: 0,
        results: null,
      };
      batches.set(batch.id, batch);
      return send(res, 200, JSON.stringify(batchObject(batch)));
    }
    const m = /^\/v1\/messages\/batches\/([\w-]+)(\/results)?$/.exec(path);
    const batch = m?.[1] ? batches.get(m[1]) : undefined;
    if (req.method === "GET" && m && !batch) return send(res, 404, apiError("not_found_error", "no such batch"));
    if (req.method === "GET" && batch && !m?.[2]) {
      batch.polls++;
      if (batch.results === null && batch.polls > pollsBeforeEnd) await finish(batch);
      return send(res, 200, JSON.stringify(batchObject(batch)));
    }
    if (req.method === "GET" && batch && m?.[2]) {
      if (!batch.results) return send(res, 400, apiError("invalid_request_error", "batch has not ended"));
      res.writeHead(200, { "content-type": "application/binary" });
      res.end(`${batch.results.join("\n")}\n`);
      return;
    }
    send(res, 404, apiError("not_found_error", "not found"));
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: Error) => send(res, 500, apiError("api_error", error.message)));
  });
  // Idle keep-alive connections stay open (Node closes them after 5 s by default): a client reusing
  // one just as the fake closed it would see a reset that the real API does not cause.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  baseURL = `http://127.0.0.1:${port}`;
  return {
    baseURL,
    requests,
    usages,
    get batches() {
      return [...batches.values()].map((b) => ({ id: b.id, requests: b.requests.length }));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Reads a tagged JSON block (<library>…</library>) back out of a prompt: what a fake model "sees". */
export function taggedJson<T>(text: string, tag: string): T | null {
  // The last one: the instructions may name the tag before the block itself.
  const blocks = [...text.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))].reverse();
  for (const m of blocks) {
    try {
      return JSON.parse(m[1] ?? "") as T;
    } catch {}
  }
  return null;
}

/** One question of a batch prompt, as a fake model reads it. */
export interface FakeItem {
  readonly id: string;
  readonly kind: string;
  /** The question as sent (tags neutralised). */
  readonly question: string;
  readonly details: {
    readonly section: string | null;
    readonly allowedValues: string[] | null;
    readonly asksForWords?: boolean;
    readonly shortlist: { entryId: string; offlineConfidence: number }[];
    readonly offlineDraft: {
      status: string;
      entryIds: string[];
      value: string | null;
      text: string | null;
      confidence: number;
    };
    readonly citableArtifacts: string[];
  };
}

/** The questions of a batch prompt (the user message). */
export function batchItems(user: string): FakeItem[] {
  const items: FakeItem[] = [];
  const re =
    /<item id="([^"]*)">\n<question kind="(\w+)">([\s\S]*?)<\/question>\n<details>([\s\S]*?)<\/details>\n<\/item>/g;
  for (const m of user.matchAll(re)) {
    items.push({
      id: m[1] ?? "",
      kind: m[2] ?? "free_text",
      question: m[3] ?? "",
      details: JSON.parse(m[4] ?? "{}") as FakeItem["details"],
    });
  }
  return items;
}

/** A structured-output reply: one item per question, with every field the schema requires. */
export function replyJson(
  answers: readonly {
    questionId: string;
    decline?: string | null;
    entryIds?: string[];
    value?: string | null;
    text?: string;
    confidence?: number;
    artifacts?: string[];
  }[],
): string {
  return JSON.stringify({
    answers: answers.map((a) => ({
      questionId: a.questionId,
      decline: a.decline ?? null,
      entryIds: a.entryIds ?? [],
      value: a.value ?? null,
      text: a.text ?? "",
      confidence: a.confidence ?? 0,
      artifacts: a.artifacts ?? [],
    })),
  });
}
