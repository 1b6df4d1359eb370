import { OpenAPIHono } from "@hono/zod-openapi";
import { createJobRunner, inlineExecutor } from "../services/jobs/runner.js";
import { registerWeb } from "../web/register.js";
import { type AppDeps, type AppEnv, DEFAULT_FAILURE_LIMIT } from "./env.js";
import { problem, toProblem, validationProblem } from "./errors.js";
import { FailureLimiter } from "./failure-limiter.js";
import { registerWebhookDocs } from "./openapi-webhooks.js";
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
  servers: [
    { url: "http://127.0.0.1:8787", description: "Local server (npm start)" },
    { url: "/", description: "The server this document was fetched from" },
  ],
  tags: [
    { name: "answering", description: "Answer one question or a small file synchronously" },
    { name: "customers", description: "Buyers: region, NDA, CRM link (unique per tenant)" },
    { name: "questionnaires", description: "Upload, status, export" },
    { name: "answers", description: "Review: edit, approve, reject, assign, comment, history" },
    { name: "library", description: "Controls, artifacts and answer entries" },
    { name: "freshness", description: "What needs attention: the daily sweep's findings" },
    { name: "insights", description: "What buyers ask for: frameworks, evidence, gaps" },
    { name: "webhooks", description: "Signed event deliveries (Standard Webhooks)" },
    { name: "people", description: "Users, roles and sign-in sessions" },
    { name: "keys", description: "API keys for machines" },
    { name: "audit", description: "Who did what" },
    { name: "system", description: "Health" },
  ],
};

/** Without a runtime's job queue (a bare createApp in a script), jobs run inline in this process. */
function inlineJobs(deps: AppDeps): AppDeps {
  const runner = createJobRunner(deps, {
    owner: deps.instanceId ?? `inline:${crypto.randomUUID()}`,
    lanes: {
      process: { concurrency: 1, perTenant: 1, executor: inlineExecutor(deps) },
      webhooks: { concurrency: 4, perTenant: 2, executor: inlineExecutor(deps) },
      maintenance: { concurrency: 1, perTenant: 1, executor: inlineExecutor(deps) },
    },
  });
  let starting: Promise<void> | null = null;
  const ready = () => {
    starting ??= runner.start();
    return starting;
  };
  return {
    ...deps,
    jobs: {
      dispatch: async (jobs) => {
        await ready();
        await runner.dispatch(jobs);
      },
      waitFor: async (id, ms) => {
        await ready();
        return runner.waitFor(id, ms);
      },
    },
  };
}

/**
 * Deps made from the runtime's per-request environment (Workers hand bindings to `fetch`, not to
 * the module): the app is built once per isolate and each request's deps come from its `env`.
 * The runtime memoizes per env object, so an isolate reuses one set.
 */
export interface DepsFromEnv {
  readonly fromEnv: (env: unknown) => AppDeps;
  readonly authFailures?: AppDeps["authFailures"];
}

/**
 * The one Hono app both runtimes serve. Runtimes pass storage in; the app knows nothing about
 * better-sqlite3, D1, the filesystem or R2. Build it once per process or isolate: its failed-key
 * limiter lives as long as the app does.
 */
export function createApp(deps: AppDeps | DepsFromEnv): OpenAPIHono<AppEnv> {
  const fixed: AppDeps | null = "fromEnv" in deps ? null : deps.jobs ? deps : inlineJobs(deps);
  const depsOf = (env: unknown): AppDeps => fixed ?? (deps as DepsFromEnv).fromEnv(env);
  const failures = new FailureLimiter({ ...DEFAULT_FAILURE_LIMIT, ...deps.authFailures });
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationProblem(c, result.error, result.target);
    },
  });

  app.use("*", async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    c.set("requestId", requestId);
    c.set("deps", depsOf(c.env));
    c.set("failures", failures);
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
  registerWebhookDocs(app);
  app.doc31("/openapi.json", OPENAPI_CONFIG);
  registerDocs(app, () => app.getOpenAPI31Document(OPENAPI_CONFIG));

  app.notFound((c) => problem(c, 404, "not_found", `no route for ${c.req.method} ${c.req.path}`));
  app.onError(toProblem);
  return app;
}
