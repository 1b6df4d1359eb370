import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { todayOf } from "../../../services/context.js";
import { sweepFreshness } from "../../../services/freshness/sweep.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, json, problems } from "../../route-kit.js";
import { SweepResultSchema } from "../../schemas.js";

const route = createRoute({
  method: "post",
  path: "/v1/attention/sweep",
  operationId: "runFreshnessSweep",
  tags: ["freshness"],
  summary: "Run the freshness sweep for your tenant now (it also runs daily)",
  description:
    "Records what needs attention as of today and sends `artifact.expiring`, `entry.review_due` and `answer.stale` webhooks for findings not announced before. Running it again the same day announces nothing twice.",
  security: bearer("admin"),
  middleware: guard("admin", { method: "post" }),
  responses: { 200: json(SweepResultSchema, "What the sweep found"), ...problems() },
});

export function registerRunSweep(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const ctx = serviceContext(c);
    return c.json(await sweepFreshness(ctx, todayOf(ctx.clock)), 200);
  });
}
