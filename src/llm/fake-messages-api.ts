import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for the Claude Messages API (POST /v1/messages), for tests and the eval: the SDK's
 * baseURL points at it. A responder decides each reply: a text message, a refusal, an HTTP error
 * (529 overloaded…) or a raw body. No network beyond 127.0.0.1.
 */
export interface FakeRequest {
  /** 1-based count of requests received so far. */
  readonly n: number;
  readonly body: {
    readonly model?: string;
    readonly system?: unknown;
    readonly messages?: readonly { role: string; content: unknown }[];
    readonly tools?: unknown;
    readonly [key: string]: unknown;
  };
  /** The system prompt and the first user message as plain text. */
  readonly system: string;
  readonly user: string;
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

export interface FakeMessagesApi {
  readonly baseURL: string;
  readonly requests: FakeRequest[];
  close(): Promise<void>;
}

const textOf = (content: unknown): string =>
  typeof content === "string"
    ? content
    : Array.isArray(content)
      ? content.map((b) => (b && typeof b === "object" && "text" in b ? String(b.text) : "")).join("")
      : "";

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(body);
}

export async function startFakeMessagesApi(respond: FakeResponder): Promise<FakeMessagesApi> {
  const requests: FakeRequest[] = [];
  const server = createServer(async (req, res) => {
    if (req.method !== "POST" || !req.url?.startsWith("/v1/messages")) {
      send(res, 404, JSON.stringify({ type: "error", error: { type: "not_found_error", message: "not found" } }));
      return;
    }
    try {
      const body = JSON.parse(await readBody(req)) as FakeRequest["body"];
      const request: FakeRequest = {
        n: requests.length + 1,
        body,
        system: textOf(body.system),
        user: textOf(body.messages?.[0]?.content),
      };
      requests.push(request);
      const reply = await respond(request);
      if ("raw" in reply) return send(res, reply.status ?? 200, reply.raw);
      if ("error" in reply) {
        return send(res, reply.status, JSON.stringify({ type: "error", error: reply.error }), reply.headers);
      }
      send(
        res,
        200,
        JSON.stringify({
          id: `msg_fake_${request.n}`,
          type: "message",
          role: "assistant",
          model: body.model ?? "fake",
          content: [{ type: "text", text: reply.text }],
          stop_reason: reply.stopReason ?? "end_turn",
          stop_sequence: null,
          usage: {
            input_tokens: Math.ceil((request.system.length + request.user.length) / 4),
            output_tokens: Math.ceil(reply.text.length / 4),
          },
        }),
      );
    } catch (error) {
      send(
        res,
        500,
        JSON.stringify({ type: "error", error: { type: "api_error", message: (error as Error).message } }),
      );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Reads a tagged JSON block (<candidates>…</candidates>) back out of the prompt: what a fake model "sees". */
export function taggedJson<T>(user: string, tag: string): T | null {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(user);
  if (!m?.[1]) return null;
  try {
    return JSON.parse(m[1]) as T;
  } catch {
    return null;
  }
}
