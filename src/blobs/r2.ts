import type { BlobStore } from "../ports/blob-store.js";

/** The part of Cloudflare's R2Bucket binding Quire uses (declared here to avoid a types dependency). */
export interface R2BucketLike {
  put(key: string, value: Uint8Array): Promise<unknown>;
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> } | null>;
  delete(key: string): Promise<void>;
}

export function r2BlobStore(bucket: R2BucketLike): BlobStore {
  return {
    put: async (key, bytes) => void (await bucket.put(key, bytes)),
    get: async (key) => {
      const object = await bucket.get(key);
      return object ? new Uint8Array(await object.arrayBuffer()) : null;
    },
    delete: (key) => bucket.delete(key),
  };
}
