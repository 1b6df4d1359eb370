/**
 * A PDF form's tick boxes: "Yes ☐ No ☐ N/A ☐" printed beside a question, or "☐ Yes ☐ No ☐ Not
 * applicable" on a line of its own. The boxes are drawn (no text) or glyphs (☐); either way the
 * words are the answer form, not part of the question, and a line of them is no section heading.
 */

/** One answer option as a form prints it beside a box. */
const OPTION = String.raw`(?:yes|no|n\/a|n\.a\.|na|not applicable|partial(?:ly)?|unknown)`;
/** A box: a glyph, or brackets typed as one. */
const BOX = String.raw`(?:[☐□❏❑❒▢◻☑☒✓✔✗✘]|\[\s?\]|\(\s?\))`;
const BOXED_OPTION = String.raw`(?:${BOX}\s*)?${OPTION}(?:\s*${BOX})?`;
/** Two or more options (with or without boxes) ending the line, or making it up. */
const TRAILING_OPTIONS = new RegExp(String.raw`(?:^|\s)\s*${BOXED_OPTION}(?:\s+${BOXED_OPTION})+\s*$`, "i");

/**
 * The line without the tick-box options at its end. pdf.js joins runs on one line with spaces, so
 * "…senior management has Yes No N/A" is one string: the options are cut when they offer both a
 * yes and a no (or carry box glyphs), which a sentence never ends with. A line of nothing but
 * options becomes empty.
 */
export function withoutAnswerBoxes(line: string): string {
  const m = TRAILING_OPTIONS.exec(line);
  if (!m) return line;
  const tail = m[0];
  const boxed = new RegExp(BOX).test(tail);
  const offersBoth = /\byes\b/i.test(tail) && /\bno\b/i.test(tail);
  return boxed || offersBoth ? line.slice(0, m.index) : line;
}
