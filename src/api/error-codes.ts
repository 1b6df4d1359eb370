/**
 * The stable `code`s the API answers with (problem+json), for the /docs page and docs/API.md.
 * A processing failure is not an HTTP error: it is the questionnaire's `failure.code` (the
 * ingest refusal's own code, e.g. `no_questions_found`, `legacy_xls`, `encrypted_file`; or the
 * job's: `job_memory_exceeded`, `processing_timeout`, `processing_interrupted`, `processing_error`).
 */
export const ERROR_CODES: readonly { code: string; status: number; meaning: string }[] = [
  { code: "validation_failed", status: 400, meaning: "A field is missing or invalid; `errors[].field` names it" },
  { code: "malformed_body", status: 400, meaning: "The body is not the JSON or form its content-type says" },
  { code: "invalid_cursor", status: 400, meaning: "`cursor` is not one this API returned" },
  {
    code: "invalid_idempotency_key",
    status: 400,
    meaning: "Idempotency-Key is empty, too long or not printable ASCII",
  },
  { code: "id_mismatch", status: 400, meaning: "PUT body id differs from the id in the path" },
  { code: "invalid_period", status: 400, meaning: "An insight period whose `from` is after its `to`" },
  { code: "invalid_webhook_url", status: 400, meaning: "Webhook URL is not http(s) or carries credentials" },
  {
    code: "webhook_url_forbidden",
    status: 400,
    meaning:
      "Webhook URL resolves to a loopback, private, link-local, metadata, reserved or IPv4-translating (NAT64, 6to4, Teredo) address",
  },
  { code: "webhook_url_unresolvable", status: 400, meaning: "Webhook host does not resolve" },
  { code: "unauthenticated", status: 401, meaning: "No `Authorization: Bearer <key>` header" },
  { code: "invalid_api_key", status: 401, meaning: "The key is unknown or revoked" },
  { code: "invalid_session", status: 401, meaning: "The session token is unknown, expired or signed out" },
  { code: "invalid_credentials", status: 401, meaning: "Sign-in: the email or password is wrong" },
  {
    code: "cross_site_request",
    status: 403,
    meaning: "A cookie-authenticated change came from another origin",
  },
  { code: "email_taken", status: 409, meaning: "A user with this email exists" },
  { code: "unknown_user", status: 422, meaning: "The assignee is not an active user of the tenant" },
  { code: "insufficient_scope", status: 403, meaning: "The key lacks the scope the route needs" },
  { code: "not_found", status: 404, meaning: "No such resource in your tenant (another tenant's ids answer this too)" },
  { code: "already_exists", status: 409, meaning: "A library item with this id exists" },
  { code: "in_use", status: 409, meaning: "A control or artifact is still referenced by entries" },
  {
    code: "crm_id_taken",
    status: 409,
    meaning: "Another customer has this CRM system and id; PUT /v1/customers/by-crm/{system}/{crmId} updates it",
  },
  { code: "customer_in_use", status: 409, meaning: "The customer still has questionnaires" },
  { code: "nothing_to_approve", status: 409, meaning: "The answer has no text; edit it first" },
  { code: "not_approved", status: 409, meaning: "Only approved answers can be saved to the library" },
  {
    code: "not_ready",
    status: 409,
    meaning: "The questionnaire has no drafted answers yet (queued, processing or failed)",
  },
  { code: "idempotency_in_progress", status: 409, meaning: "A request with this Idempotency-Key is still running" },
  { code: "blob_missing", status: 410, meaning: "The uploaded file is no longer stored" },
  { code: "file_too_large", status: 413, meaning: "The upload exceeds the size limit (bytes, checked before parsing)" },
  { code: "body_too_large", status: 413, meaning: "A JSON body exceeds 1 MiB" },
  {
    code: "sync_too_large",
    status: 413,
    meaning: "The file is over the synchronous POST /v1/answer ceiling (1 MiB); upload it to POST /v1/questionnaires",
  },
  {
    code: "too_many_questions",
    status: 413,
    meaning: "The file has more questions than this deployment answers per file (Workers: MAX_QUESTIONS); split it",
  },
  { code: "unsupported_media_type", status: 415, meaning: "The body's content-type is not the one the route takes" },
  { code: "idempotency_key_reused", status: 422, meaning: "The Idempotency-Key was used with another request" },
  { code: "unknown_entry", status: 422, meaning: "The library entry named does not exist" },
  { code: "unknown_artifact", status: 422, meaning: "A cited artifact is not in the library" },
  {
    code: "unknown_reference",
    status: 422,
    meaning: "A library item refers to a control or artifact that does not exist",
  },
  {
    code: "citation_not_allowed",
    status: 422,
    meaning: "The citation policy withholds that artifact from this customer (reason in `detail`)",
  },
  { code: "too_many_citations", status: 422, meaning: "A reviewer may cite at most two artifacts per answer" },
  { code: "value_not_allowed", status: 422, meaning: "The value is not one of the question's allowed values" },
  {
    code: "value_required",
    status: 422,
    meaning: "A Yes/No or choice answer is approved only with a value its question allows",
  },
  {
    code: "phrasing_contradicts_entry",
    status: 409,
    meaning: "Remember as phrasing: the approved answer says the opposite of that entry; remember it as a new entry",
  },
  {
    code: "invalid_entry",
    status: 422,
    meaning: "The approved answer cannot become a library entry (e.g. text too short)",
  },
  { code: "export_unsupported", status: 422, meaning: "A PDF questionnaire has no cells to fill; export csv or json" },
  {
    code: "too_many_failed_keys",
    status: 429,
    meaning: "This address presented too many invalid API keys; wait `Retry-After` seconds",
  },
  {
    code: "too_many_uploads",
    status: 429,
    meaning: "The tenant started its uploads per minute (60); wait `Retry-After` seconds",
  },
  {
    code: "too_many_in_flight",
    status: 429,
    meaning: "The tenant has its limit of questionnaires waiting or processing (20); retry when one finishes",
  },
  { code: "internal_error", status: 500, meaning: "Unexpected; the request id finds it in the server log" },
];
