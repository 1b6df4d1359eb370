import type { Library } from "../domain/library/types.js";
import type { MatchIndex } from "../domain/matching/index.js";

/**
 * Keeps built match indexes between processes. Building one costs ~200–300 ms (tokenising and
 * stemming every phrasing), which a CLI run paid every time although the library rarely changes.
 * An index is a pure function of the library and of the code that builds it, so a store answers
 * `load` only with an index built from an identical library by identical code, and null otherwise
 * (never an error: a store that cannot read or write only costs a rebuild).
 */
export interface MatchIndexStore {
  load(library: Library): Promise<MatchIndex | null>;
  save(library: Library, index: MatchIndex): Promise<void>;
}
