import { normalizeText } from "../matching/tokenize.js";

/**
 * Whether a question carries two asks ("Do you encrypt data at rest and how are keys rotated?"),
 * so that two library entries may answer it together. A bare "and" joins nouns far more often than
 * asks, so only "and" followed by a question word or an ask verb counts, or two question marks.
 */
const SECOND_ASK =
  /\b(and|also|as well as|plus)\s+(please\s+)?(describe|explain|provide|outline|list|share|detail|how|what|when|who|which|whether|where|do|does|is|are|can|have|has|will)\b/;

export function hasTwoAsks(text: string): boolean {
  const t = normalizeText(text);
  if ((t.match(/\?/g)?.length ?? 0) >= 2) return true;
  return SECOND_ASK.test(t);
}
