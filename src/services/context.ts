import type { Db } from "../db/types.js";

/** Where uploaded files live: the filesystem on Node, R2 on Workers. */
export interface BlobStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Everything a service verb needs, and nothing about how the request arrived. */
export interface ServiceContext {
  readonly tenantId: string;
  /** Who acts: "key:<id>" for API keys, "cli:<user>" for the CLI. */
  readonly actor: string;
  readonly db: Db;
  readonly blobs: BlobStore;
  readonly clock: Clock;
}

export const todayOf = (clock: Clock): string => clock.now().toISOString().slice(0, 10);
export const newId = (prefix: string): string => `${prefix}_${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
