import { OpenAPIHono } from "@hono/zod-openapi";
import { inProcessQueue } from "../services/jobs/in-process-queue.js";
import { runJob } from "../services/jobs/run.js";
import { registerWeb } from "../web/register.js";
import type { AppDeps, AppEnv } from "./env.js";
import { problem, toProblem, validationProblem } from "./errors.js";
import { registerDocs } from "./routes/docs.js";
import { registerRoutes } from "./routes/index.js";

export const OPENAPI_CONFIG = {
  openapi: "3.1.0",
  info: {
    title: "Quire API",
    version: "1.0.0",
    description:
      "Vendor security questionnaire automation: upload a questionnaire, review the drafted answers, download the filled file.",
  },
} as const;

/**
 * The one Hono app both runtimes serve. Runtimes pass storage in; the app knows nothing about
 * better-sqlite3, D1, the filesystem or R2. Without a job queue, jobs run in this process.
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const full: AppDeps = deps.jobs ? deps : { ...deps, jobs: inProcessQueue((job) => runJob(full, job)) };
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationProblem(c, result.error, result.target);
    },
  });

  app.use("*", async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    c.set("requestId", requestId);
    c.set("deps", full);
    c.header("x-request-id", requestId);
    await next();
  });

  registerWeb(app);
  registerRoutes(app);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An API key: `Authorization: Bearer qk_…`. Each operation lists the scope it needs.",
  });
  app.doc31("/openapi.json", OPENAPI_CONFIG);
  registerDocs(app, () => app.getOpenAPI31Document(OPENAPI_CONFIG));

  app.notFound((c) => problem(c, 404, "not_found", `no route for ${c.req.method} ${c.req.path}`));
  app.onError(toProblem);
  return app;
}
