import type { Library } from "../library/types.js";
import { buildMatchIndex } from "../matching/index.js";
import type { PreparedLibrary } from "./answer-questions.js";

export function prepareLibrary(library: Library): PreparedLibrary {
  return {
    library,
    index: buildMatchIndex(library.entries, library.controls),
    entriesById: new Map(library.entries.map((e) => [e.id, e])),
    controlsById: new Map(library.controls.map((c) => [c.id, c])),
  };
}
