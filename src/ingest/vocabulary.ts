import { STANDARD_NAMES } from "../domain/matching/standard-names.js";
/**
 * The words questionnaires use, in one place: header names by column role, and the question
 * starts that decide a question's kind. Header patterns are tried in order; the first match wins,
 * so the more specific roles ("Question ID", "Reviewer Notes") come before the general ones.
 */

export type ColumnRole = "question" | "answer" | "comment" | "id" | "section" | "choices" | "ignore";

/** Header cells longer than this are prose (instructions, questions), never a column name. */
export const MAX_HEADER_CELL = 48;

const ROLE_PATTERNS: readonly [ColumnRole, RegExp][] = [
  // The values a row's answer may take, written out where a file has no drop-down (a CRM export's
  // "Answer Choices": "Yes;No;N/A"). Read as that row's allowed values.
  [
    "choices",
    /^((answer|response) (choices|options|values|list)|(allowed|possible|valid) (answers|responses|values)|picklist( values)?|choices)$/,
  ],
  // Buyer-side columns that look like answer/comment columns but are not the vendor's to fill.
  [
    "ignore",
    /\b(guidance|reviewer|assessor|auditor|internal use|scor(e|ing)|weight(ing)?|options?|instructions?|examples?|hints?|buyer|risk rating|expected|reference documents?)\b/,
  ],
  // Metadata about a field, not the field: a CRM's "Answer Type" (Picklist / Text Area), "Question
  // Owner", "Response Date"; last year's answers kept beside this year's ("Prior Year Response").
  [
    "ignore",
    /\b(answer|response|question) (type|format|owner|date|by|created|modified)\b|\b(prior|previous|last) (year|years|period|cycle)('s)?\b/,
  ],
  [
    "id",
    /^(#|no\.?|nr\.?|n°|num\.?|number|id|ref\.?|reference|item( ?(#|no\.?|id))?|s\.? ?no\.?|seq\.?|q ?#|q ?no\.?|q ?id)$|\b(question|ques|control|requirement|item|req|criteria|ref)\.? ?(id|num|no\.?|number|#|ref)\b|\bid$/,
  ],
  [
    "section",
    /^(section|domain|category|area|topic|chapter|group|family|theme|subject)\b|\b(control )?(domain|family|category)( title| name)?$/,
  ],
  ["answer", /\byes\s*\/\s*no\b|\(\s*y\s*\/\s*n\s*\)|\by\s*\/\s*n\b/],
  // A status is the answer even where its name shares a word with the comment beside it:
  // "Implementation Status" (the answer) next to "Implementation Details" (the comment).
  ["answer", /\b(implementation|compliance|control|conformity|conformance) status\b/],
  // "If no, please explain" / "If yes, describe": the space to explain the answer beside it.
  ["comment", /^if (yes|no|not|partial(ly)?)\b.*\b(explain|describe|specify|details?|comment)\b/],
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
    // A framework's outcome or practice statement is what a profile or self-assessment asks
    // ("Subcategory": "The hardware the organisation manages is listed…").
    /\b(questions?|requirements?|request|control( description| statement| text| objective)?|description|criteri(a|on)|frage|query|statement|prompt|ask|inquiry|subcategory|outcome|practice)\b/,
  ],
];

/**
 * A header as words: a CRM export names its columns by the fields' API names ("Question__c",
 * "Answer_Comments__c", "Section__c"), where "_" joins the words and "__c" marks a custom field.
 */
export function headerWords(text: string): string {
  return text
    .trim()
    .replace(/__[a-z]{1,3}$/i, "")
    .replace(/_+/g, " ")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export function headerRole(text: string): ColumnRole | null {
  let t = headerWords(text);
  // A name with a long note in brackets is still a name: "CSP Implementation Description
  // (Optional/Recommended)". The note is dropped only when the whole is too long to be a name, so
  // "Answer (Yes/No/N/A)" keeps the values it names.
  if (t.length > MAX_HEADER_CELL) t = t.replace(/\s*\([^()]*\)\s*/g, " ").trim();
  if (t === "" || t.length > MAX_HEADER_CELL) return null;
  for (const [role, re] of ROLE_PATTERNS) if (re.test(t)) return role;
  return null;
}

/**
 * How plainly a header names its role, for choosing between several columns of one role: "Question"
 * over "CCM Control Specification" (both read as question columns; a cloud workbook carries the
 * control's own text beside the question it asks), "Response" over "Status" or "Rating".
 */
export function headerStrength(text: string, role: ColumnRole): number {
  const t = headerWords(text);
  if (role === "question") return /\b(questions?|ques|requirements?|request|query|inquiry|frage)\b/.test(t) ? 2 : 1;
  if (role === "answer") return /\b(answers?|responses?|reply|antwort|yes\s*\/\s*no|y\s*\/\s*n)\b/.test(t) ? 2 : 1;
  return 1;
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

/**
 * A scale an answer header names in brackets that is not a yes/no set: "Compliance
 * (Yes/Partial/No)" → Yes, Partial, No. Two to six short values with a Yes or a No among them, so a
 * note such as "(Optional/Recommended)" is not read as values.
 */
export function scaleNamedInHeader(header: string): string[] | null {
  const inner = /\(([^()]*\/[^()]*)\)/.exec(header)?.[1];
  if (!inner) return null;
  const values = valuesNamedInHeader(`(${inner})`);
  if (!values || values.length > 6 || values.some((v) => v.length > 25)) return null;
  if (values.every((v) => isPlainYesNoToken(v))) return null;
  return values.some((v) => /^(yes|no)$/i.test(v)) ? values : null;
}

/** A standard named first like an id ("SOC-2 Type II - current?") is the question's topic, not its id. */
const STANDARD_NAME = new RegExp(`^(${STANDARD_NAMES})[-_.]?\\d`);

/**
 * A question's own number written at the start of its cell, where a sheet has no id column or
 * leaves it empty: "1.2 Do you…", "AC-01 Are…", "Q12. Have…", "7) Will…". A bare number counts
 * only with its stop ("7." or "7)") and dotted or lettered ids only before a capital, so "24x7
 * monitoring" or "2 factors" stay text. A lettered sub-item ("a) contractors?", "(b) …") is
 * returned with `sub`: its id extends the numbered stem above it (1.3(a)), as in PDFs.
 */
export function leadingId(text: string): { id: string; rest: string; sub: boolean } | null {
  const sub = /^\(?([a-z]|[ivx]{1,4})\)\s+(\S.*)$/s.exec(text);
  if (sub?.[1] && sub[2]) return { id: sub[1], rest: sub[2], sub: true };
  const m = /^((?:[A-Z]{1,8}(?:&[A-Z]{1,8})?[-_.]?)?\d{1,3}(?:[.\-_]\d{1,3})*[a-z]?)([.):]?)\s+(\S.*)$/s.exec(text);
  if (!m?.[1] || m[3] === undefined) return null;
  // "SOC-2 Type II - current?", "ISO-27001 certificate?": a standard named first is the question's topic.
  if (STANDARD_NAME.test(m[1])) return null;
  const [, id, stop, rest] = m;
  const bare = /^\d+$/.test(id);
  if (bare ? stop === "" || stop === ":" : !/^[\p{Lu}"“(]/u.test(rest)) return null;
  if (!/\p{L}{2}/u.test(rest)) return null;
  return { id, rest, sub: false };
}

/**
 * A template's prompt standing where the answer goes: the first entry of a drop-down ("Please
 * select", "-- Select --", "Choose an item."), or a fill-in hint ("Enter your response", "Click
 * here to enter text.", "<Enter comments>"). It is neither the customer's answer nor a value to
 * choose, and the write-back replaces it.
 */
export function isPlaceholderAnswer(text: string): boolean {
  const t = text.trim();
  if (t.length > 40) return false;
  return /^[-–—\s[<(]*(please |click (here )?to |tap to )?(select|choose|pick|enter|insert)\b/i.test(t);
}

/** Starts of a closed question: answerable with yes or no. */
export const CLOSED_START = /^(do|does|did|is|are|was|were|has|have|had|can|could|will|would|should|shall|may|must)\b/i;

/** Starts of an open prompt that never takes a yes/no answer. */
export const OPEN_START =
  /^(describe|explain|list|provide|outline|detail|summari[sz]e|specify|identify|state|give|share|indicate|attach|upload|enter|name|what|how|which|who|whom|whose|where|when|why|please (describe|provide|list|explain|specify|state|give|share|indicate|identify|outline|detail|attach|upload|enter|name))\b/i;

/** Customer question ids: 1.1, A.5.1, IAM-14.1, Q12, HFIH-01, SEC-001, 3a, and framework ids such as ID.AM-01. */
export const ID_PATTERN =
  /^(?:[A-Za-z]{1,8}[-_. ]?)?\d{1,4}(?:[.\-_]\d{1,4})*[a-z]?\.?$|^[A-Z]{1,3}(?:\.\d{1,4})+$|^[A-Z]{1,4}\.[A-Z]{1,4}-\d{1,3}(?:\.\d{1,3})*$/;

/**
 * Prose that only looks like a question, for a sheet without a header row: "Do not add rows." (an
 * instruction), "What happens after you submit? Our team reviews…" (a question that answers
 * itself, as an instructions tab's FAQ does).
 */
export function isInstructionProse(text: string): boolean {
  if (/^(do not|don't|never)\b/i.test(text)) return true;
  // A question and then more: "…? Please attach it." or "…? If yes, describe how." still asks;
  // "…? Our team reviews them within ten days." answers itself.
  const tail = /\?\s+(\S.*[.!])\s*$/.exec(text)?.[1];
  return tail !== undefined && !OPEN_START.test(tail) && !CLOSED_START.test(tail) && !FOLLOW_UP_START.test(tail);
}

/** How a questionnaire item goes on after its question: a request for more ("If yes, …", "Please …"). */
const FOLLOW_UP_START = /^(please|if|attach|include|also|otherwise|where|when|in (which|what)|e\.g\.|for example)\b/i;

/**
 * A line telling the vendor how to fill the table ("Please answer every question in this tab…",
 * "Note: …", "Select one response per row"). "Please describe…" and "Please provide…" are
 * questions, so only the verbs of filling in a form count.
 */
export const INSTRUCTION_START =
  /^(notes?|instructions?|guidance|important)\s*[:\-–]|^please (note|answer|complete|respond|read|refer|use|ensure|fill|mark|tick)\b|^(answer|complete|select|choose|tick|mark|fill in|respond to) (all|each|every|one|this|these|the following|from)\b|^(use|refer to) the\b|^for each (question|row|item)\b/i;

/** The vendor's own attestation in a sign-off block ("I confirm that the answers … are accurate"). */
export const ATTESTATION_START = /^(i|we),? (hereby )?(confirm|declare|certify|attest|agree|acknowledge|understand)\b/i;

/**
 * A sign-off field's label with its input beside it ("Name of authorised signatory:", "Date:").
 * Only sign-off words count: "Describe the other checks:" or "The name of the application:" are
 * follow-up prompts to answer, not labels.
 */
export function isSignOffLabel(text: string): boolean {
  if (!/:\s*$/.test(text) || text.split(/\s+/).length > 8) return false;
  return (
    /\b(signat\w*|signed|signing|declar\w*|authori[sz]ed|completed by|submitted by|respondent)\b/i.test(text) ||
    /^(name|title|job title|position|role|signature|date|e-?mail|phone|telephone)\s*:\s*$/i.test(text)
  );
}

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
