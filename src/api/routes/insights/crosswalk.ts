import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { FRAMEWORK_FLAGS } from "../../../domain/library/crosswalk.js";
import { libraryCrosswalk } from "../../../services/library/crosswalk.js";
import { contentDisposition } from "../../content-disposition.js";
import type { AppEnv } from "../../env.js";
import { CrosswalkSchema } from "../../insight-schemas.js";
import { serviceContext } from "../../middleware/auth.js";
import { bearer, guard, problems } from "../../route-kit.js";

const route = createRoute({
  method: "get",
  path: "/v1/crosswalk",
  operationId: "getCrosswalk",
  tags: ["library"],
  summary: "The framework crosswalk: each control's ISO 27001 / SOC 2 / NIS2 / GDPR references, entries and artifacts",
  description:
    "For every control of the library, every framework reference it satisfies (ISO/IEC 27001:2022 Annex A, SOC 2 TSC, NIS2 Art. 21(2), GDPR Art. 32(1)), the entries that answer with it and the artifacts that prove it; for each framework, its requirements with the controls that cover them (`covered`, `partial`: only partial or planned controls, `gap`, `not_in_scope`). `format=csv` gives one table (the controls, or the framework's requirements with `framework`), `format=xlsx` a workbook with one sheet per table; cells that look like formulas are defused.",
  security: bearer("library:read"),
  middleware: guard("library:read"),
  request: {
    query: z.object({
      framework: z.enum(FRAMEWORK_FLAGS).optional().openapi({ description: "Only this framework's requirements" }),
      format: z.enum(["json", "csv", "xlsx"]).default("json"),
    }),
  },
  responses: {
    200: {
      description: "The crosswalk",
      content: {
        "application/json": { schema: CrosswalkSchema },
        "text/csv": { schema: z.string() },
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
          schema: z.string().openapi({ format: "binary" }),
        },
      },
    },
    ...problems(400),
  },
});

export function registerCrosswalk(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const result = await libraryCrosswalk(serviceContext(c), c.req.valid("query"));
    if (result.format === "json") return c.json(result.body, 200);
    return c.body(result.body as Uint8Array<ArrayBuffer> | string, 200, {
      "content-type": result.contentType,
      "content-disposition": contentDisposition(result.fileName),
    }) as never;
  });
}
