import type { LibraryEntry } from "../library/types.js";
import type { PreparedLibrary } from "./answer-questions.js";

/**
 * Results kept per prepared library under a string key, for work that reads only the library and
 * what the key names (citation decisions, stale reasons). A questionnaire asks the same few things
 * on every row. Cleared when full, since a server keeps one prepared library for many customers and
 * days; dropped with the library.
 */
export interface LibraryMemo<T> {
  get(prepared: PreparedLibrary, key: string): T | undefined;
  set(prepared: PreparedLibrary, key: string, value: T): void;
}

export function libraryMemo<T>(max: number): LibraryMemo<T> {
  const byLibrary = new WeakMap<PreparedLibrary, Map<string, T>>();
  return {
    get: (prepared, key) => byLibrary.get(prepared)?.get(key),
    set(prepared, key, value) {
      let memo = byLibrary.get(prepared);
      if (!memo) {
        memo = new Map();
        byLibrary.set(prepared, memo);
      }
      if (memo.size >= max) memo.clear();
      memo.set(key, value);
    },
  };
}

/** The entries are the prepared library's own objects: an edited copy must be worked out afresh. */
export const ownEntries = (prepared: PreparedLibrary, entries: readonly LibraryEntry[]): boolean =>
  entries.every((e) => prepared.entriesById.get(e.id) === e);
