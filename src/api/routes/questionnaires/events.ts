import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import { questionnaireProgress } from "../../../services/questionnaires/progress.js";
import { type AppEnv, DEFAULT_EVENT_STREAM } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, problems } from "../../route-kit.js";

const route = createRoute({
  method: "get",
  path: "/v1/questionnaires/{id}/events",
  operationId: "streamQuestionnaireEvents",
  tags: ["questionnaires"],
  summary: "Live progress and answer counts by status (server-sent events)",
  description:
    "A `text/event-stream`: an `event: progress` with `{questionnaireId, status, questions, saved, counts}` at once " +
    "and again whenever it changes (processing, saving, every review action by anyone), a `: keep-alive` comment " +
    "while nothing does, and `event: end` when the stream closes after a few minutes (reconnect; EventSource does " +
    "so by itself). Authenticated like every route (bearer API key or session, or the session cookie); another " +
    "tenant's questionnaire answers 404 before any event.",
  security: bearer("questionnaires:read"),
  middleware: guard("questionnaires:read"),
  request: { params: IdParam("Questionnaire id", "qn_3f2a9c0d1e4b5a6c7d8e") },
  responses: {
    200: {
      description: "The event stream",
      content: {
        "text/event-stream": {
          schema: z.string().openapi({ example: 'event: progress\nid: 1\ndata: {"status":"processing",…}\n\n' }),
        },
      },
    },
    ...problems(404),
  },
});

export function registerQuestionnaireEvents(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.valid("param").id;
    const settings = { ...DEFAULT_EVENT_STREAM, ...c.var.deps.events };
    // Read before streaming: an unknown or another tenant's questionnaire is a 404 problem, not a stream.
    let progress = await questionnaireProgress(ctx, id);
    // Buffering proxies (nginx) would hold the events back.
    c.header("x-accel-buffering", "no");
    c.header("cache-control", "no-cache");
    return streamSSE(c, async (stream) => {
      let closed = false;
      stream.onAbort(() => {
        closed = true;
      });
      const started = Date.now();
      let sent = "";
      let lastWrite = Date.now();
      let eventId = 0;
      // Polling the database from the stream (not a message bus) works the same on both runtimes:
      // drafting runs on another thread or isolate, and review actions come from any instance.
      while (!closed) {
        const data = JSON.stringify(progress);
        if (data !== sent) {
          await stream.writeSSE({ event: "progress", id: String(++eventId), data, retry: 2_000 });
          sent = data;
          lastWrite = Date.now();
        } else if (Date.now() - lastWrite >= settings.heartbeatMs) {
          await stream.write(": keep-alive\n\n");
          lastWrite = Date.now();
        }
        if (Date.now() - started >= settings.maxMs) break;
        await stream.sleep(settings.intervalMs);
        if (closed) break;
        try {
          progress = await questionnaireProgress(ctx, id);
        } catch {
          break; // deleted meanwhile: end the stream
        }
      }
      if (!closed) await stream.writeSSE({ event: "end", data: "{}" });
    }) as never;
  });
}
