import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { exportQuestionnaire, recordExport } from "../../../services/questionnaires/export.js";
import { contentDisposition } from "../../content-disposition.js";
import type { AppEnv } from "../../env.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, IdParam, problems } from "../../route-kit.js";

const route = createRoute({
  method: "get",
  path: "/v1/questionnaires/{id}/export",
  operationId: "exportQuestionnaire",
  tags: ["questionnaires"],
  summary: "Download the filled original (approved answers only by default), or the answers as CSV or JSON",
  description:
    "Answers that need review or have no match are never written. Citations are decided again for the customer as it is now (NDA, region) and the artifacts as they are today; `x-quire-citation-changes` counts the answers whose citations differ from drafting (details: the JSON export's `citationChanges`, or `GET /v1/questionnaires/{id}/citations`). Downloading the filled original of an approved questionnaire moves it to `exported`. Every export is audited, with the artifacts really sent.",
  security: bearer("questionnaires:read"),
  middleware: guard("questionnaires:read"),
  request: {
    params: IdParam("Questionnaire id", "qn_3f2a9c0d1e4b5a6c7d8e"),
    query: z.object({
      format: z.enum(["original", "csv", "json"]).default("original"),
      include: z.enum(["approved", "drafts"]).default("approved").openapi({
        description:
          "`drafts`: also drafted (unreviewed) answers, each marked as a draft in its comment; never needs-review, no-match or rejected ones",
      }),
    }),
  },
  responses: {
    200: {
      description:
        "The file; `x-quire-warnings` counts answers that could not be written (or are no longer current); `x-quire-citation-changes` counts answers cited differently than when drafted",
      content: {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
          schema: z.string().openapi({ format: "binary" }),
        },
        "text/csv": { schema: z.string() },
        "application/json": { schema: z.record(z.string(), z.unknown()) },
      },
    },
    ...problems(400, 404, 409, 410, 422),
  },
});

export function registerExportQuestionnaire(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { format, include } = c.req.valid("query");
    const ctx = serviceContext(c);
    const result = await exportQuestionnaire(ctx, c.req.valid("param").id, {
      format,
      includeDrafts: include === "drafts",
    });
    // The response first: only a download that was produced is audited (and marks "exported").
    const response = c.body(result.body as Uint8Array<ArrayBuffer> | string, 200, {
      "content-type": result.contentType,
      "content-disposition": contentDisposition(result.fileName),
      "x-quire-warnings": String(result.warnings.length),
      "x-quire-citation-changes": String(result.citationChanges.length),
    });
    await recordExport(ctx, result.record);
    return response as never;
  });
}
