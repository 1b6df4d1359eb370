import { searchableText } from "../freshness/placeholders.js";
import type { Library } from "../library/types.js";
import { buildMatchIndex } from "../matching/index.js";
import type { PreparedLibrary } from "./answer-questions.js";

export function prepareLibrary(library: Library): PreparedLibrary {
  // The index reads placeholders as facts ("{{soc2.period}}" as the period), never as the words "soc2 period".
  const searchable = library.entries.map((e) => ({ ...e, answer: searchableText(e.answer, library.artifacts) }));
  return {
    library,
    index: buildMatchIndex(searchable, library.controls),
    entriesById: new Map(library.entries.map((e) => [e.id, e])),
    controlsById: new Map(library.controls.map((c) => [c.id, c])),
  };
}
