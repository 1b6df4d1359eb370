import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wordBeginnings } from "../../src/domain/matching/concept-finder.js";
import { COMPOUNDS } from "../../src/domain/matching/tokenize.js";
import { SECURITY_CONCEPTS } from "../../src/domain/matching/vocabulary.js";

/*
 * The pattern reader as it was before it read a run of literal characters in one step and
 * tested word characters by code (concept-finder.ts, issue 13: reading the ~950 patterns was most of
 * a CLI run's module loading). Kept verbatim as the reference the reader must agree with.
 */
/** More alternatives than this at one position: give up on the pattern (always run it). */
const MAX_PREFIXES = 64;

const isWordChar = (c: string | undefined): c is string => c !== undefined && /^[A-Za-z0-9_]$/.test(c);
/**
 * Characters that stand for themselves in a pattern's source and join its words ("data subjects",
 * "a different", "should we"): read on from a word into the next, a beginning names a phrase, and
 * a common word ("data", "a", "do") no longer tries every pattern that starts with it.
 */
const isJoiner = (c: string | undefined) => c === " " || c === "-" || c === "'" || c === ",";
const DIGITS = [..."0123456789"];
const isQuantifier = (c: string | undefined) => c === "?" || c === "*" || c === "{" || c === "+";

/** Index just past the group or class opening at `start`, or -1 when the source is not understood. */
function closing(source: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The top-level alternatives of a source (split at `|` outside groups and classes). */
function alternatives(source: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  if (depth !== 0 || inClass) return null;
  out.push(source.slice(from));
  return out;
}

/**
 * The possible first characters (up to `max`) of any match of `source` from its position `at`,
 * read only where certain: literal word characters and joiners, classes of plain word characters,
 * and groups whose every alternative begins so. Returns the prefixes read so far when the source
 * goes on in a way not read (the prefixes are still what every match begins with); [""] when
 * nothing was read.
 */
function prefixes(source: string, at: number, max: number): string[] {
  return read(source, at, max).prefixes;
}

/** prefixes(), and whether the whole source from `at` was read (each prefix is then a whole match). */
function read(source: string, at: number, max: number): { prefixes: string[]; whole: boolean } {
  let out = [""];
  let i = at;
  while (i < source.length && out.some((p) => p.length < max)) {
    const c = source[i];
    let options: string[] | null = null;
    let next = i + 1;
    let group = false;
    if (isWordChar(c) || isJoiner(c)) options = [c];
    else if (c === "\\" && source[i + 1] === "d") {
      // A digit ("\b(\d+) ?d\b"): without the u or i flag, one of the ten.
      options = DIGITS;
      next = i + 2;
    } else if (c === "[") {
      const end = source.indexOf("]", i);
      const members = end > i ? source.slice(i + 1, end) : "";
      // Only plain members ("[cx]"): ranges, negation and escapes are not read.
      if (members.length > 0 && [...members].every(isWordChar)) {
        options = [...new Set(members)];
        next = end + 1;
      }
    } else if (c === "(") {
      const end = closing(source, i);
      const inner = end > 0 ? source.slice(i + 1, end - 1) : "";
      const body = inner.startsWith("?:") ? inner.slice(2) : inner.startsWith("?") ? null : inner;
      const alts = body === null || end < 0 ? null : alternatives(body);
      if (alts) {
        const each = alts.map((alt) => read(alt, 0, max));
        // Every alternative must begin with something, or the group may match a word's start with nothing.
        if (each.every((r) => r.prefixes.every((s) => s.length > 0))) {
          options = each.flatMap((r) => r.prefixes);
          next = end;
          // An alternative read only in part ("fido2?" as "fido") is not aligned with what follows
          // the group, so reading stops after it; when all were read whole ("(another|other)
          // (tenant|customer)"), what follows goes on from each of them.
          group = !each.every((r) => r.whole);
        }
      }
    }
    // Not read, or optional / repeated: every match still begins with what was read before it. One
    // or more ("\d+") begins with one at least, and what follows is not aligned with it.
    const oneOrMore = source[next] === "+";
    if (!options || (isQuantifier(source[next]) && !oneOrMore)) return { prefixes: out, whole: false };
    const grown: string[] = [];
    for (const p of out) for (const o of options) grown.push((p + o).slice(0, max));
    if (grown.length > MAX_PREFIXES) return { prefixes: out, whole: false };
    out = [...new Set(grown)];
    if (group || oneOrMore) return { prefixes: out, whole: false };
    i = next;
  }
  return { prefixes: out, whole: i >= source.length };
}

/** The word beginnings any match of the pattern starts with, or null when that cannot be read. */
function referenceWordBeginnings(pattern: RegExp, max = 3): string[] | null {
  // Case-insensitive or Unicode patterns see other characters as word characters: always run them.
  if (/[iuvy]/.test(pattern.flags)) return null;
  const alts = alternatives(pattern.source);
  if (!alts) return null;
  const keys: string[] = [];
  for (const alt of alts) {
    const from = afterLookbehinds(alt, 0);
    if (from < 0 || !alt.startsWith("\\b", from)) return null;
    const found = beginningsAt(alt, from + 2, max);
    // A match that begins with a joiner (`\b ` after a word) does not begin at a word start.
    if (!found || found.some((p) => !isWordChar(p[0]))) return null;
    keys.push(...found);
  }
  return [...new Set(keys)];
}

/**
 * Where the source goes on after the lookbehinds at `at` (`(?<!…)`, `(?<=…)`), or -1 when one is
 * not understood. A lookbehind matches nothing: the match still begins where it stands, and the
 * sticky test at a word start still looks behind it ("(?<!operations )\\bassets").
 */
function afterLookbehinds(source: string, at: number): number {
  let i = at;
  while (source.startsWith("(?<!", i) || source.startsWith("(?<=", i)) {
    i = closing(source, i);
    if (i < 0) return -1;
  }
  return i;
}

/**
 * The beginnings of a match of the source from `at`, a word start (just after its `\\b`), or null
 * when they cannot be read. An optional first group ("\\b(file )?uploads?") gives the beginnings of
 * its alternatives and those of what follows it, since a match begins with one or the other.
 */
function beginningsAt(source: string, at: number, max: number): string[] | null {
  const from = afterLookbehinds(source, at);
  if (from < 0) return null;
  // A capturing or non-capturing group: a lookaround opens with "(?" and another character.
  const bodyFrom = source.startsWith("(?:", from)
    ? from + 3
    : source[from] === "(" && source[from + 1] !== "?"
      ? from + 1
      : -1;
  const end = bodyFrom > 0 ? closing(source, from) : -1;
  if (end > 0 && source[end] === "?") {
    const alts = alternatives(source.slice(bodyFrom, end - 1));
    if (!alts) return null;
    const present = alts.map((alt) => prefixes(alt, 0, max));
    // An alternative that may be empty (or a group that may repeat) leaves the match's start unknown.
    if (present.some((p) => p.some((s) => s.length === 0)) || isQuantifier(source[end + 1])) return null;
    const absent = beginningsAt(source, end + 1, max);
    return absent ? [...present.flat(), ...absent] : null;
  }
  const found = prefixes(source, from, max);
  return found.some((p) => p.length === 0) ? null : found;
}

describe("wordBeginnings against the character-by-character reader", () => {
  const live = [...SECURITY_CONCEPTS.flatMap((c) => c.patterns), ...COMPOUNDS.map(([p]) => p)];

  it("reads every concept and compound pattern as the reference does, at both lengths the finders use", () => {
    expect(live.length).toBeGreaterThan(500);
    for (const pattern of live)
      for (const max of [3, 16]) expect(wordBeginnings(pattern, max)).toEqual(referenceWordBeginnings(pattern, max));
  });

  it("reads any pattern made of the pieces it understands, and of some it does not, as the reference does", () => {
    const piece = fc.constantFrom(
      ..."abcxyzAZ09_ -',.".split(""),
      "\\b",
      "\\d",
      "\\s",
      "[cx]",
      "[a-z]",
      "[^a]",
      "?",
      "*",
      "+",
      "{2}",
      "(",
      ")",
      "(?:",
      "(?<!no )",
      "(?<=x)",
      "|",
      "é",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.integer({ min: 1, max: 16 }), (pieces, max) => {
        let pattern: RegExp;
        try {
          pattern = new RegExp(`\\b${pieces.join("")}`);
        } catch {
          return; // not a pattern at all
        }
        expect(wordBeginnings(pattern, max)).toEqual(referenceWordBeginnings(pattern, max));
      }),
      { numRuns: 5_000 },
    );
  });
});
