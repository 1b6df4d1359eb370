import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { QuireError } from "../../domain/errors.js";
import { ArtifactSchema, ControlSchema, LibraryEntrySchema } from "../../domain/library/types.js";
import { deleteLibraryItem } from "../../services/library/delete.js";
import { getLibraryItem } from "../../services/library/get.js";
import type { LibraryKind } from "../../services/library/kinds.js";
import { listLibraryItems } from "../../services/library/list.js";
import { putLibraryItem } from "../../services/library/put.js";
import type { AppEnv } from "../env.js";
import { serviceContext } from "../middleware/auth.js";
import { bearer, guard, IdParam, json, jsonBody, PageQuery, problems } from "../route-kit.js";

/*
 * The library's three kinds (controls, artifacts, entries) share one shape of API: list, get,
 * create, replace, delete. One factory keeps the five routes of each kind identical; each is
 * still its own createRoute, so the OpenAPI document and the security suite see every one.
 */
const KINDS = {
  controls: { schema: ControlSchema, name: "Control", example: "CTL-ENC-01" },
  artifacts: { schema: ArtifactSchema, name: "Artifact", example: "soc2-type2-2025" },
  entries: { schema: LibraryEntrySchema, name: "LibraryEntry", example: "encryption-at-rest" },
} as const;

function registerKind(app: OpenAPIHono<AppEnv>, kind: LibraryKind): void {
  const { schema, name, example } = KINDS[kind];
  // operationIds: listControls, getControl, createArtifact, replaceLibraryEntry, …
  const plural = name === "LibraryEntry" ? "LibraryEntries" : `${name}s`;
  // Request bodies refuse unknown fields (a misspelt field is a 400, not silently dropped);
  // the library files keep their own, tolerant, reading.
  const Item = (schema instanceof z.ZodObject ? schema.strict() : (schema as z.ZodType)).openapi(name);
  const base = `/v1/library/${kind}`;
  const tags = ["library"];
  const params = IdParam(`${name} id`, example);

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      operationId: `list${plural}`,
      tags,
      summary: `List ${kind} (id order)`,
      security: bearer("library:read"),
      middleware: guard("library:read"),
      request: { query: z.object(PageQuery) },
      responses: {
        200: json(z.object({ data: z.array(Item), nextCursor: z.string().nullable() }), "One page"),
        ...problems(400),
      },
    }),
    async (c) => c.json(await listLibraryItems(serviceContext(c), kind, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{id}`,
      operationId: `get${name}`,
      tags,
      summary: `Get one of the ${kind}`,
      security: bearer("library:read"),
      middleware: guard("library:read"),
      request: { params },
      responses: { 200: json(Item, "The item"), ...problems(404) },
    }),
    async (c) => c.json(await getLibraryItem(serviceContext(c), kind, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      operationId: `create${name}`,
      tags,
      summary: `Create one of the ${kind} (409 if the id exists)`,
      security: bearer("library:write"),
      middleware: guard("library:write", { method: "post" }),
      request: { body: jsonBody(Item) },
      responses: { 201: json(Item, "Created"), ...problems(400, 409, 422) },
    }),
    async (c) => c.json(await putLibraryItem(serviceContext(c), kind, c.req.valid("json"), "create"), 201),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: `${base}/{id}`,
      operationId: `replace${name}`,
      tags,
      summary: `Replace one of the ${kind}`,
      security: bearer("library:write"),
      middleware: guard("library:write", { method: "put" }),
      request: { params, body: jsonBody(Item) },
      responses: { 200: json(Item, "Replaced"), ...problems(400, 404, 422) },
    }),
    async (c) => {
      const body = c.req.valid("json") as { id?: unknown };
      const id = c.req.valid("param").id;
      if (body.id !== id) throw new QuireError("id_mismatch", `id: the body's id must be ${id}`, 400);
      return c.json(await putLibraryItem(serviceContext(c), kind, body, "replace"), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: `${base}/{id}`,
      operationId: `delete${name}`,
      tags,
      summary: `Delete one of the ${kind} (409 while entries refer to it)`,
      security: bearer("library:write"),
      middleware: guard("library:write"),
      request: { params },
      responses: { 204: { description: "Deleted" }, ...problems(404, 409) },
    }),
    async (c) => {
      await deleteLibraryItem(serviceContext(c), kind, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}

export function registerLibrary(app: OpenAPIHono<AppEnv>): void {
  for (const kind of Object.keys(KINDS) as LibraryKind[]) registerKind(app, kind);
}
