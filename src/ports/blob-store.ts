/** Where uploaded files live: the filesystem on Node (blobs/fs.ts), R2 on Workers (blobs/r2.ts). */
export interface BlobStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}
