import type { Db } from "../db/types.js";
import type { BlobStore, Clock } from "../services/context.js";

/** What a runtime hands the app: storage and time. The app builds each request's ServiceContext from it. */
export interface AppDeps {
  readonly db: Db;
  readonly blobs: BlobStore;
  readonly clock: Clock;
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
