/**
 * The words questionnaires use, in one place: header names by column role, and the question
 * starts that decide a question's kind. Header patterns are tried in order; the first match wins,
 * so the more specific roles ("Question ID", "Reviewer Notes") come before the general ones.
 */

export type ColumnRole = "question" | "answer" | "comment" | "id" | "section" | "ignore";

/** Header cells longer than this are prose (instructions, questions), never a column name. */
export const MAX_HEADER_CELL = 48;

const ROLE_PATTERNS: readonly [ColumnRole, RegExp][] = [
  // Buyer-side columns that look like answer/comment columns but are not the vendor's to fill.
  [
    "ignore",
    /\b(guidance|reviewer|assessor|auditor|internal use|scor(e|ing)|weight(ing)?|options?|instructions?|examples?|hints?|buyer|risk rating|expected|reference documents?)\b/,
  ],
  [
    "id",
    /^(#|no\.?|nr\.?|n°|num\.?|number|id|ref\.?|reference|item ?(#|no\.?|id)|s\.? ?no\.?|seq\.?|q ?#|q ?no\.?|q ?id)$|\b(question|ques|control|requirement|item|req|criteria|ref)\.? ?(id|num|no\.?|number|#|ref)\b/,
  ],
  [
    "section",
    /^(section|domain|category|area|topic|chapter|group|family|theme|subject)\b|\b(control )?(domain|family|category)$/,
  ],
  ["answer", /\byes\s*\/\s*no\b|\(\s*y\s*\/\s*n\s*\)|\by\s*\/\s*n\b/],
  [
    "comment",
    /\b(comments?|evidence|notes?|additional (info|information|details|context)|explanation|justification|remarks?|details|bemerkung(en)?|kommentar|implementation( description| details)?|supporting|elaborat(e|ion)|clarification)\b/,
  ],
  [
    "answer",
    /\b(answers?|responses?|reply|antwort|compliant|compliance|status|selection|vendor input|supplier input|response value|rating|conformity)\b/,
  ],
  [
    "question",
    /\b(questions?|requirements?|request|control( description| statement| text| objective)?|description|criteri(a|on)|frage|query|statement|prompt|ask|inquiry)\b/,
  ],
];

export function headerRole(text: string): ColumnRole | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (t === "" || t.length > MAX_HEADER_CELL) return null;
  for (const [role, re] of ROLE_PATTERNS) if (re.test(t)) return role;
  return null;
}

/** "Answer (Yes/No/N/A)", "Compliant (Y/N)", "Yes/No". */
export function isYesNoHeader(header: string): boolean {
  return /\byes\s*\/\s*no\b|\(\s*y\s*\/\s*n\s*\)|\by\s*\/\s*n\b/i.test(header);
}

/** The values a yes/no header names: "(Yes/No/N/A)" → Yes, No, N/A; "Compliant (Y/N)" → Y, N. */
export function valuesNamedInHeader(header: string): string[] | null {
  const paren = /\(([^()]*\/[^()]*)\)/.exec(header)?.[1];
  const source = paren ?? /([\w.]+(?:\s*\/\s*[\w.]+)+)/.exec(header)?.[1];
  if (!source) return null;
  const values = source
    .split("/")
    .map((v) => v.trim())
    .filter((v) => v !== "");
  // "N/A" is itself written with a slash: glue "N" + "A" back together.
  const out: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string;
    const next = values[i + 1];
    if (/^n$/i.test(v) && next !== undefined && /^a$/i.test(next)) {
      out.push(`${v}/${next}`);
      i++;
    } else out.push(v);
  }
  return out.length >= 2 ? out : null;
}

/** Starts of a closed question: answerable with yes or no. */
export const CLOSED_START = /^(do|does|did|is|are|was|were|has|have|had|can|could|will|would|should|shall|may|must)\b/i;

/** Starts of an open prompt that never takes a yes/no answer. */
export const OPEN_START =
  /^(describe|explain|list|provide|outline|detail|summari[sz]e|specify|identify|state|give|share|indicate|attach|upload|enter|name|what|how|which|who|whom|whose|where|when|why|please (describe|provide|list|explain|specify|state|give|share|indicate|identify|outline|detail|attach|upload|enter|name))\b/i;

/** Customer question ids: 1.1, A.5.1, IAM-14.1, Q12, HFIH-01, SEC-001, 3a. */
export const ID_PATTERN = /^(?:[A-Za-z]{1,8}[-_. ]?)?\d{1,4}(?:[.\-_]\d{1,4})*[a-z]?\.?$|^[A-Z]{1,3}(?:\.\d{1,4})+$/;

/** Text that reads like a question or an instruction to answer (not a title or a label). */
export function isQuestionLike(text: string): boolean {
  return /\?\s*$/.test(text) || CLOSED_START.test(text) || OPEN_START.test(text);
}

/** Short label-like text: a section title rather than a question or a requirement. */
export function isTitleLike(text: string): boolean {
  if (text === "" || /[?:]\s*$/.test(text) || /[.!]\s*$/.test(text)) return false;
  if (CLOSED_START.test(text) || OPEN_START.test(text)) return false;
  if (/\b(must|shall|should|will|is|are|has|have|do|does|can)\b/i.test(text)) return false;
  return text.split(/\s+/).length <= 12;
}

/** A dropdown that is a plain yes/no set: every value a bare yes/no/n-a token. */
export function isPlainYesNoToken(value: string): boolean {
  return /^(y|yes|n|no|na|n\/a|n\.a\.?|not applicable|true|false)$/i.test(value.trim());
}
