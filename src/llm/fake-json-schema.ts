/**
 * The subset of JSON Schema that structured outputs enforce (type, enum, const, properties,
 * required, additionalProperties, items, anyOf, $ref to $defs), checked by the fake Messages API
 * the way the real API's constrained decoding guarantees it.
 */
export type JsonSchema = { readonly [key: string]: unknown };

const typeOf = (v: unknown): string =>
  v === null
    ? "null"
    : Array.isArray(v)
      ? "array"
      : typeof v === "number" && Number.isInteger(v)
        ? "integer"
        : typeof v;

const matchesType = (v: unknown, type: string) =>
  type === "number" ? typeof v === "number" : type === typeOf(v) || (type === "number" && typeOf(v) === "integer");

/** The first way the value breaks the schema ("answers.0.text: expected string"), or null. */
export function conformsToSchema(
  value: unknown,
  schema: JsonSchema,
  root: JsonSchema = schema,
  at = "",
): string | null {
  const here = at || "(root)";
  const ref = schema.$ref;
  if (typeof ref === "string") {
    const name = ref.replace(/^#\/\$defs\//, "");
    const target = (root.$defs as Record<string, JsonSchema> | undefined)?.[name];
    return target ? conformsToSchema(value, target, root, at) : `${here}: unresolved ${ref}`;
  }
  if (Array.isArray(schema.anyOf)) {
    const ok = (schema.anyOf as JsonSchema[]).some((s) => conformsToSchema(value, s, root, at) === null);
    return ok ? null : `${here}: matches no alternative`;
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return `${here}: not one of the enum values`;
  if ("const" in schema && schema.const !== value) return `${here}: not the constant`;
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length > 0 && !types.some((t) => matchesType(value, String(t)))) {
    return `${here}: expected ${types.join("|")}, got ${typeOf(value)}`;
  }
  if (typeOf(value) === "object") {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (schema.required ?? []) as string[]) {
      if (!(key in obj)) return `${at ? `${at}.` : ""}${key}: required`;
    }
    for (const [key, v] of Object.entries(obj)) {
      const sub = props[key];
      if (!sub) {
        if (schema.additionalProperties === false) return `${at ? `${at}.` : ""}${key}: not allowed`;
        continue;
      }
      const problem = conformsToSchema(v, sub, root, at ? `${at}.${key}` : key);
      if (problem) return problem;
    }
  }
  if (Array.isArray(value) && schema.items && typeof schema.items === "object") {
    for (const [i, v] of value.entries()) {
      const problem = conformsToSchema(v, schema.items as JsonSchema, root, at ? `${at}.${i}` : String(i));
      if (problem) return problem;
    }
  }
  return null;
}
