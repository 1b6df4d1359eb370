import { searchableText } from "../freshness/placeholders.js";
import type { Library } from "../library/types.js";
import { buildMatchIndex, type MatchIndex } from "../matching/index.js";
import type { PreparedLibrary } from "./answer-questions.js";

/** The library's match index: the costly part of preparing it, a pure function of the library. */
export function buildLibraryIndex(library: Library): MatchIndex {
  // The index reads placeholders as facts ("{{soc2.period}}" as the period), never as the words "soc2 period".
  const searchable = library.entries.map((e) => ({ ...e, answer: searchableText(e.answer, library.artifacts) }));
  return buildMatchIndex(searchable, library.controls);
}

/** `index`, when given, must be buildLibraryIndex(library) (e.g. kept from an earlier process). */
export function prepareLibrary(library: Library, index: MatchIndex = buildLibraryIndex(library)): PreparedLibrary {
  return {
    library,
    index,
    entriesById: new Map(library.entries.map((e) => [e.id, e])),
    controlsById: new Map(library.controls.map((c) => [c.id, c])),
  };
}
