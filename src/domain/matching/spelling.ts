/**
 * Typo tolerance: buyers type fast ("employess", "encypted", "responce"). A query word the library
 * never uses, five letters or longer, is replaced by the library word one edit away (insertion,
 * deletion, substitution or transposition), the most frequent one when several are. Runs on raw
 * words before stemming and concept detection, so a corrected word also finds its concept.
 */
import { conceptsOf, isRewrittenWord, isStopword, normalizeText, stem } from "./tokenize.js";
import { VOCABULARY_WORDS } from "./vocabulary.js";

export type Lexicon = ReadonlyMap<string, number>;

const WORD = /[a-z][a-z0-9]*/g;

export function buildLexicon(texts: Iterable<string>): Map<string, number> {
  const lexicon = new Map<string, number>();
  for (const text of texts) {
    for (const w of text.toLowerCase().match(WORD) ?? []) lexicon.set(w, (lexicon.get(w) ?? 0) + 1);
  }
  return lexicon;
}

/** A capitalised word after a lower-case word or a comma: not a sentence's first word. */
const MID_SENTENCE_CAPITAL = /(?<=[a-z0-9,;] )[A-Z][a-z]+\b/g;
/** Capitalised words in a row, as names are written ("Calder & Wright LLP", "Microsoft Entra"). */
const CAPITALISED_RUN = /\b[A-Z][A-Za-z]+(?:(?: &| of| and)? [A-Z][A-Za-z]+)+/g;
const CAPITALISED_WORD = /\b[A-Z][a-z]+\b/g;
const LOWER_CASE_WORD = /\b[a-z][a-z0-9]*\b/g;

/**
 * The library's names, lower-cased: words it writes capitalised in mid-sentence and never in lower
 * case ("Calder & Wright LLP", "Nordhaven", "Entra"). A word only ever capitalised at a sentence's
 * start ("Hallucination …") is an ordinary word.
 */
export function properNames(texts: Iterable<string>): Set<string> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const text of texts) {
    for (const w of text.match(MID_SENTENCE_CAPITAL) ?? []) capitalised.add(w.toLowerCase());
    for (const run of text.match(CAPITALISED_RUN) ?? []) {
      for (const w of run.match(CAPITALISED_WORD) ?? []) capitalised.add(w.toLowerCase());
    }
    for (const w of text.match(LOWER_CASE_WORD) ?? []) lower.add(w);
  }
  return new Set([...capitalised].filter((w) => !lower.has(w)));
}

/** Damerau-Levenshtein distance is at most 1 (optimal string alignment, early exits). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // deletion / insertion
}

/**
 * Shorter words are left alone: among five-letter words one edit apart are too many real pairs
 * ("mixed" / "fixed", "lease" / "least") for a correction to be more often right than wrong.
 */
const MIN_LENGTH = 6;

/** The stems of a lexicon's words, per lexicon. */
const stemsOfLexicon = new WeakMap<Lexicon, ReadonlySet<string>>();
function knownStems(lexicon: Lexicon): ReadonlySet<string> {
  let stems = stemsOfLexicon.get(lexicon);
  if (!stems) {
    stems = new Set([...lexicon.keys()].map(stem));
    stemsOfLexicon.set(lexicon, stems);
  }
  return stems;
}

export function correctWord(word: string, lexicon: Lexicon, byLength: ReadonlyMap<number, readonly string[]>): string {
  // A stopword is no typo either: "Explain the controls…" became "explains", a word the query then
  // had to find in an entry.
  if (word.length < MIN_LENGTH || lexicon.has(word) || /\d/.test(word) || isStopword(word)) return word;
  // Nor is a word the tokenizer reads as a library word ("router" beside a firewall, not "route").
  if (isRewrittenWord(word)) return word;
  // Another form of a word the library uses is no typo: "retaining" (the library says "retain") is
  // one edit from "remaining", which is not what was asked. Only a spelling of the same word is
  // taken then ("awarness" → "awareness": same stem, and the concept "security awareness" reads it).
  const ownStem = stem(word);
  const sameWordOnly = knownStems(lexicon).has(ownStem);
  let best: string | null = null;
  let bestCount = 0;
  for (const len of [word.length - 1, word.length, word.length + 1]) {
    for (const candidate of byLength.get(len) ?? []) {
      if (!withinOneEdit(word, candidate)) continue;
      if (sameWordOnly && stem(candidate) !== ownStem) continue;
      const count = lexicon.get(candidate) ?? 0;
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
  }
  return best ?? word;
}

/**
 * The candidates a word may be corrected to, by length. A name is not one (properNames): "caller"
 * became "Calder" (the auditor's firm) and "weight" "Wright"; it stays in the lexicon, so a buyer who
 * writes the name is not corrected either.
 */
export function lexiconByLength(lexicon: Lexicon, names: ReadonlySet<string> = new Set()): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const w of lexicon.keys()) {
    if (w.length < MIN_LENGTH - 1 || names.has(w)) continue;
    const list = out.get(w.length);
    if (list) list.push(w);
    else out.set(w.length, [w]);
  }
  return out;
}

/** Corrections already found, per lexicon: a questionnaire repeats its words, the scan is the cost. */
const corrections = new WeakMap<Lexicon, Map<string, string>>();

/** The text with each unknown word replaced by its one-edit library neighbour, if it has one. */
export function correctSpelling(
  text: string,
  lexicon: Lexicon,
  byLength: ReadonlyMap<number, readonly string[]>,
): string {
  if (text.includes("- ")) text = joinBrokenWords(text, lexicon);
  let cache = corrections.get(lexicon);
  if (!cache) {
    cache = new Map();
    corrections.set(lexicon, cache);
  }
  // The words of /[A-Za-z][A-Za-z0-9]*/g, read by hand: a replace with a callback entered JS once
  // per word of every question (issue 13), and most texts need no correction at all.
  const fixes: Fix[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const from = i;
    i++;
    while (i < length && isLetterOrDigit(text.charCodeAt(i))) i++;
    // A word too short to correct stays as written (correctWord's first test): most words of a
    // question, each of which cost a substring, a lower-casing and a lookup.
    if (i - from < MIN_LENGTH) continue;
    const lower = text.slice(from, i).toLowerCase();
    let fixed = cache.get(lower);
    if (fixed === undefined) {
      fixed = correctWord(lower, lexicon, byLength);
      if (cache.size < 100_000) cache.set(lower, fixed);
    }
    if (fixed !== lower) fixes.push({ from, to: i, original: lower, word: fixed });
  }
  if (fixes.length === 0) return text;
  const out = withFixes(text, fixes);
  // Only a word the vocabulary's patterns spell can name a concept the correction would lose.
  if (!fixes.some((fix) => VOCABULARY_WORDS.has(fix.original))) return out;
  // A word the vocabulary reads is no typo, though the library's texts never use it: "Are you
  // insured…?" became "insurer" and "…if you get hacked?" became "backed", and the concept the
  // buyer's words named (insurance, a breach) was lost. A correction that loses one is undone.
  const named = conceptsOf(normalizeText(text));
  if (named.length === 0) return out;
  // Each correction alone, against the buyer's words: another correction may name the same concept
  // elsewhere ("…been hacked? Are staff notifed?" gains the breach concept from "notified").
  const keptFixes = fixes.filter((fix) => {
    if (!VOCABULARY_WORDS.has(fix.original)) return true;
    const alone = new Set(conceptsOf(normalizeText(withFixes(text, [fix]))));
    return named.every((c) => alone.has(c));
  });
  return keptFixes.length === fixes.length ? out : withFixes(text, keptFixes);
}

/** One corrected word: its span in the text, the word as written (lower case) and its correction. */
interface Fix {
  readonly from: number;
  readonly to: number;
  readonly original: string;
  readonly word: string;
}

/** The text with each span replaced by its corrected word. */
function withFixes(text: string, fixes: readonly Fix[]): string {
  let out = "";
  let copied = 0;
  for (const f of fixes) {
    out += text.slice(copied, f.from) + f.word;
    copied = f.to;
  }
  return out + text.slice(copied);
}

/** A word broken across lines in a PDF, its halves now apart: "encryp- tion", "IT re- sources". */
const BROKEN_WORD = /\b([A-Za-z]{2,})- ([a-z]{2,})\b/g;

/**
 * Joins a broken word when the library knows the whole word. "pre- and post-deployment" and
 * "short- and long-term" are not broken: neither "preand" nor "shortand" is a word it knows.
 */
function joinBrokenWords(text: string, lexicon: Lexicon): string {
  return text.replace(BROKEN_WORD, (whole, head: string, tail: string) =>
    lexicon.has(`${head}${tail}`.toLowerCase()) ? `${head}${tail}` : whole,
  );
}

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isLetterOrDigit = (c: number) => isLetter(c) || (c >= 48 && c <= 57);
