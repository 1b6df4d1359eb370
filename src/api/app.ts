import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "./env.js";
import { problem, toProblem, validationProblem } from "./errors.js";
import { registerAnswer } from "./routes/answer.js";
import { registerHealth } from "./routes/health.js";

/**
 * The one Hono app both runtimes serve. Runtimes pass storage in; the app knows nothing about
 * better-sqlite3, D1, the filesystem or R2.
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationProblem(c, result.error, result.target);
    },
  });

  app.use("*", async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    c.set("requestId", requestId);
    c.set("deps", deps);
    c.header("x-request-id", requestId);
    await next();
  });

  registerHealth(app);
  registerAnswer(app);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Quire API", version: "1.0.0", description: "Vendor security questionnaire automation" },
  });

  app.notFound((c) => problem(c, 404, "not_found", `no route for ${c.req.method} ${c.req.path}`));
  app.onError(toProblem);
  return app;
}
