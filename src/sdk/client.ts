import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.generated.js";

/**
 * A typed Quire client: openapi-fetch over the types generated from the OpenAPI document
 * (`npm run gen:client`). Every path, parameter, body and response is checked by the compiler.
 *
 *   const quire = quireClient({ baseUrl: "https://quire.example", token: process.env.QUIRE_KEY });
 *   const { data, error } = await quire.GET("/v1/customers", { params: { query: { limit: 10 } } });
 */
export type QuireClient = Client<paths>;
export type Schemas = components["schemas"];

export interface QuireClientOptions {
  readonly baseUrl: string;
  /** An API key (qk_…) or a session token (qs_…). */
  readonly token: string;
  /** Another fetch (tests, proxies). */
  readonly fetch?: typeof fetch;
}

export function quireClient(options: QuireClientOptions): QuireClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch && { fetch: options.fetch }),
  });
  const auth: Middleware = {
    onRequest({ request }) {
      request.headers.set("authorization", `Bearer ${options.token}`);
      return request;
    },
  };
  client.use(auth);
  return client;
}
