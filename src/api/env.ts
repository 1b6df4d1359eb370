import type { ServiceDeps } from "../services/context.js";

/**
 * What a runtime hands the app: storage, time, the job queue, the host resolver. The app builds
 * each request's ServiceContext from it.
 */
export interface AppDeps extends ServiceDeps {
  /** Upload limit in bytes, enforced before the body is parsed. */
  readonly maxUploadBytes?: number;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    /** Set by the authenticate middleware on every /v1 route. */
    auth: { keyId: string; tenantId: string; scopes: readonly string[] };
  };
}
