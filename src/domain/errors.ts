/**
 * One error type for every refusal Quire makes on purpose. `code` is stable (clients and tests
 * match on it); `message` is one human-readable line; `status` is the HTTP status an interface
 * should answer with. Interfaces turn it into problem+json (API) or a one-line message (CLI).
 */
export class QuireError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, status = 400, details?: Record<string, unknown>) {
    super(message);
    this.name = "QuireError";
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export const isQuireError = (error: unknown): error is QuireError => error instanceof QuireError;
