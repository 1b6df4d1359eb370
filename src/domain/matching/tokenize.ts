import { stemmer } from "stemmer";
import { SECURITY_CONCEPTS } from "./vocabulary.js";

/**
 * Words that carry no meaning in a questionnaire: function words, and the filler buyers wrap
 * every question in ("Does your organization…", "Please describe…").
 */
const STOPWORDS = new Set(
  (
    "a an the and or nor but of to in on at by for from with without as into onto over under about " +
    "is are was were be been being am do does did done doing have has had having will would shall should " +
    "can could may might must it its this that these those there here their they them we our us you your " +
    "yours i me my he she his her who whom whose which what when where why how whether if then than " +
    "so such any all each every some other own same also only just very please describe explain provide " +
    "detail details list outline indicate state confirm specify give share briefly e g eg ie etc yes no " +
    "organization organisation company vendor supplier provider firm business entity applicable " +
    "currently current ensure ensures ensured place process processes procedure procedures"
  ).split(/\s+/),
);

/** The subject buyers put before the verb ("does the vendor encrypt") is always us: drop it. */
const SUBJECT =
  /\b(the|your) (vendor|supplier|service provider|provider|company|organi[sz]ation|firm|contractor|bidder)('s)?\b/g;

export function normalizeText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[’‘]/g, "'")
    .replace(SUBJECT, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Concept tokens (§mfa, §transit…) found in already-normalized text. */
export function conceptsOf(normalized: string): string[] {
  const found: string[] = [];
  for (const { token, pattern } of COMBINED) if (pattern.test(normalized)) found.push(token);
  return found;
}

/** One alternation per concept: a quarter of the regex runs of testing each pattern apart. */
const COMBINED = SECURITY_CONCEPTS.map((c) => ({
  token: c.token,
  pattern: new RegExp(c.patterns.map((p) => `(?:${p.source})`).join("|")),
}));

const stemCache = new Map<string, string>();
function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    // British -ise/-isation spellings share a stem with the American ones.
    s = stemmer(word.replace(/is(e|ed|es|ing|ation|ations)$/, "iz$1"));
    if (stemCache.size < 50_000) stemCache.set(word, s);
  }
  return s;
}

/** Stemmed content words of normalized text, in order, duplicates kept (BM25 counts them). */
export function wordsOf(normalized: string): string[] {
  const out: string[] = [];
  for (const raw of normalized.split(/[^a-z0-9]+/)) {
    if (raw.length < 2 && !/\d/.test(raw)) continue;
    if (STOPWORDS.has(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

/** The tokens a text is indexed and queried by: its stemmed words plus the concepts it names. */
export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return [...wordsOf(normalized), ...conceptsOf(normalized)];
}
