import type { Context } from "hono";
import type { UserRole } from "../domain/people.js";
import type { ServiceDeps } from "../services/context.js";
import type { FailureLimiter } from "./failure-limiter.js";

/**
 * What a runtime hands the app: storage, time, the job queue, the host resolver. The app builds
 * each request's ServiceContext from it.
 */
export interface AppDeps extends ServiceDeps {
  /** Upload limit in bytes, enforced before the body is parsed. */
  readonly maxUploadBytes?: number;
  /** This process or isolate (lease and claim owner id); a claim whose owner died is taken over. */
  readonly instanceId?: string;
  /** The client's address (for the failed-key limit); the runtime knows where it comes from. */
  readonly clientAddress?: (c: Context<AppEnv>) => string | undefined;
  /** Failed API keys one client address may present before it must wait (429 with Retry-After). */
  readonly authFailures?: Partial<FailureLimit>;
  /**
   * Where people reach this server (https://quire.vendor.example), for the links it hands out:
   * invitation links and the SSO redirect URI. Default: the request's own origin, which is wrong
   * behind a proxy that terminates TLS (Node: QUIRE_PUBLIC_URL).
   */
  readonly publicUrl?: string;
  /** The synchronous POST /v1/answer: larger files are refused with a pointer to the async route. */
  readonly syncAnswer?: Partial<SyncAnswerSettings>;
  /** The questionnaire events stream (GET /v1/questionnaires/{id}/events). */
  readonly events?: Partial<EventStreamSettings>;
}

export interface EventStreamSettings {
  /** How often the stream looks for a change (one grouped count query per look). */
  readonly intervalMs: number;
  /** A comment line this often when nothing changed, so proxies keep the connection open. */
  readonly heartbeatMs: number;
  /** The stream ends after this long; EventSource (and the page) reconnect on their own. */
  readonly maxMs: number;
}

export const DEFAULT_EVENT_STREAM: EventStreamSettings = { intervalMs: 1_000, heartbeatMs: 15_000, maxMs: 300_000 };

export interface FailureLimit {
  /** Failures allowed in a burst. */
  readonly burst: number;
  /** Failures forgiven per second after that. */
  readonly perSecond: number;
}

export interface SyncAnswerSettings {
  /** Files larger than this are answered only in the background (POST /v1/questionnaires). */
  readonly maxBytes: number;
  /** How long the request waits for its job before answering 202 with the questionnaire to poll. */
  readonly waitMs: number;
}

export const DEFAULT_SYNC_ANSWER: SyncAnswerSettings = { maxBytes: 1024 * 1024, waitMs: 30_000 };
export const DEFAULT_FAILURE_LIMIT: FailureLimit = { burst: 20, perSecond: 1 };

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    /**
     * Set by the authenticate middleware on every /v1 route: an API key (keyId) or a signed-in
     * person's session (user, sessionId; scopes from the role).
     */
    auth: {
      keyId: string | null;
      tenantId: string;
      scopes: readonly string[];
      user?: { id: string; email: string; name: string; role: UserRole };
      sessionId?: string;
    };
    /** The request's Idempotency-Key once claimed (POST only). */
    idempotencyKey?: string;
    /** Failed-key counts per client address (one per app). */
    failures: FailureLimiter;
  };
}
