/**
 * Which concepts' patterns need to run on a text at all (issue 13: testing every concept's regex
 * on every question was a third of building a query).
 *
 * Nearly every concept pattern starts at a word: `\bmulti[\s-]?factor`, `\b(otp|totp|fido2?)\b`.
 * Such a pattern can only match where a word of the text begins with one of a few known letters
 * ("mul"; "otp", "tot", "fid"). Those word beginnings are read from the pattern's own source once;
 * a text then runs only the patterns of concepts one of whose beginnings starts one of its words.
 * A lookbehind before or after the leading `\b` matches nothing, and an optional first group
 * ("\b(file )?uploads?") adds its own beginnings to those of what follows it. A pattern whose
 * beginnings cannot be read with certainty (no leading `\b`, a first group that may be empty or
 * repeat, flags that change what a word is) is always run. So the concepts found are exactly those
 * the patterns alone find: this only skips tests that cannot succeed.
 */

/** Word beginnings are looked up by up to this many characters. */
const KEY_LENGTH = 3;
/**
 * And read up to this many: "sec" begins 13 concepts' patterns and a fifth of questions' words, so
 * a word is checked against the longer beginning ("secure config", "security monitoring") before
 * a regex is tried there.
 */
const READ_LENGTH = 16;
/** More alternatives than this at one position: give up on the pattern (always run it). */
const MAX_PREFIXES = 64;

const isWordChar = (c: string | undefined): c is string =>
  c !== undefined && c.length === 1 && isWordCode(c.charCodeAt(0));
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

/**
 * prefixes(), and whether the whole source from `at` was read (each prefix is then a whole match).
 * Runs at module load for each of the ~950 patterns the finders read (most of a CLI run's module
 * loading was this reading, cold): a run of literal characters under one prefix is read in one step,
 * and nothing is allocated per character. What it reads is the same as character by character.
 */
function read(source: string, at: number, max: number): { prefixes: string[]; whole: boolean } {
  let out = [""];
  let open = true; // a prefix is shorter than max: reading on can still tell more
  let i = at;
  while (i < source.length && open) {
    const c = source[i];
    // Literal characters, none of them optional or repeated, after a single prefix: appended as one.
    if (out.length === 1 && isLiteral(c) && !isQuantifier(source[i + 1])) {
      let p = out[0] as string;
      while (i < source.length && p.length < max && isLiteral(source[i]) && !isQuantifier(source[i + 1])) {
        p += source[i];
        i++;
      }
      out = [p];
      open = p.length < max;
      continue;
    }
    let options: string[] | null = null;
    let next = i + 1;
    let group = false;
    if (isLiteral(c)) options = [c as string];
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
    for (const p of out) for (const o of options) grown.push(p.length < max ? (p + o).slice(0, max) : p);
    if (grown.length > MAX_PREFIXES) return { prefixes: out, whole: false };
    out = [...new Set(grown)];
    open = false;
    for (const p of out) if (p.length < max) open = true;
    if (group || oneOrMore) return { prefixes: out, whole: false };
    i = next;
  }
  return { prefixes: out, whole: i >= source.length };
}

/** A character that stands for itself and may begin or join a beginning: a word character or a joiner. */
const isLiteral = (c: string | undefined) => isWordChar(c) || isJoiner(c);

/** The word beginnings any match of the pattern starts with, or null when that cannot be read. */
export function wordBeginnings(pattern: RegExp, max = KEY_LENGTH): string[] | null {
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

/** A word character as `\b` sees it in a pattern without the i/u/v flags: [A-Za-z0-9_]. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * A word character's place among the 63 (`_`, digits and letters of both cases 1..63), 0 for any
 * other character below 128.
 */
const SYMBOL = Uint8Array.from({ length: 128 }, (_, c) =>
  c >= 97 && c <= 122 ? c - 96 : c >= 65 && c <= 90 ? c - 38 : c >= 48 && c <= 57 ? c + 5 : c === 95 ? 63 : 0,
);
/** Places per character of a key: 63 word characters and 0 for none. */
const SYMBOLS = 64;

/**
 * A word beginning of 1..KEY_LENGTH characters as one number under SYMBOLS ** KEY_LENGTH (6 bits a
 * character): a text's words are looked up in a typed array, by a key grown one character at a
 * time, not in a Map by a key rebuilt per prefix length (the lookups were a third of finding
 * concepts' own time). Every place is at least 1, so beginnings of different lengths never share a
 * number, and beginnings are word characters, all ASCII.
 */
function keyOf(text: string, from: number, length: number): number {
  let key = 0;
  for (let i = 0; i < length; i++) key = key * SYMBOLS + (SYMBOL[text.charCodeAt(from + i)] as number);
  return key;
}

/**
 * The concepts' beginnings by key, flattened: key → its list's number + 1 in `lists` (0 for none);
 * list l holds items listStart[l] .. listStart[l + 1], each a concept, its whole beginning and the
 * length of the beginning's first word.
 */
interface BeginningTable {
  readonly lists: Uint16Array;
  readonly listStart: Int32Array;
  readonly itemConcept: Int32Array;
  readonly itemBeginning: readonly string[];
  readonly itemWordLength: Int32Array;
}

/** How many of the beginning's leading characters are word characters: its first word. */
function firstWordLength(beginning: string): number {
  let n = 0;
  while (n < beginning.length && isWordCode(beginning.charCodeAt(n))) n++;
  return n;
}

function beginningTable(byKey: ReadonlyMap<number, readonly { concept: number; beginning: string }[]>): BeginningTable {
  const lists = new Uint16Array(SYMBOLS ** KEY_LENGTH);
  const listStart = new Int32Array(byKey.size + 1);
  const itemConcept: number[] = [];
  const itemBeginning: string[] = [];
  let l = 0;
  for (const [key, items] of byKey) {
    lists[key] = l + 1;
    listStart[l] = itemConcept.length;
    for (const { concept, beginning } of items) {
      itemConcept.push(concept);
      itemBeginning.push(beginning);
    }
    l++;
  }
  listStart[l] = itemConcept.length;
  return {
    lists,
    listStart,
    itemConcept: Int32Array.from(itemConcept),
    itemBeginning,
    itemWordLength: Int32Array.from(itemBeginning, firstWordLength),
  };
}

/**
 * A finder over concepts, each with its patterns and the regex actually tested: returns the
 * tokens of the concepts whose regex matches, in the concepts' order, running only the candidates.
 *
 * A candidate's regex is tried only where it can match (issue 13: scanning whole texts was most of
 * finding concepts): every match of a readable pattern begins with `\b` and one of its beginnings,
 * so it starts at the start of a word that begins so; a sticky copy of the regex is tested at those
 * word starts alone. `\b` and lookbehinds still see the character before, so each test answers as
 * the whole-text scan would at that position, and the concepts found are the same.
 */
export function conceptFinder(
  concepts: readonly { token: string; patterns: readonly RegExp[]; test: RegExp }[],
): (text: string) => string[] {
  const always: boolean[] = [];
  // By a beginning's first KEY_LENGTH characters: the concepts it begins and the whole beginning.
  const byKey = new Map<number, { concept: number; beginning: string }[]>();
  concepts.forEach((concept, k) => {
    const beginnings: string[] = [];
    let readable = true;
    for (const p of concept.patterns) {
      const found = wordBeginnings(p, READ_LENGTH);
      if (!found) {
        readable = false;
        break;
      }
      beginnings.push(...found);
    }
    always[k] = !readable;
    if (!readable) return;
    for (const beginning of new Set(beginnings)) {
      const code = keyOf(beginning, 0, Math.min(KEY_LENGTH, firstWordLength(beginning)));
      const list = byKey.get(code);
      if (list) list.push({ concept: k, beginning });
      else byKey.set(code, [{ concept: k, beginning }]);
    }
  });
  const { lists, listStart, itemConcept, itemBeginning, itemWordLength } = beginningTable(byKey);
  // The tested regex, anchored where it is tried (`y`); a `g` would only move lastIndex on.
  const sticky = concepts.map((c) => new RegExp(c.test.source, `${c.test.flags.replace(/[gy]/g, "")}y`));
  const alwaysRun = concepts.flatMap((_, k) => (always[k] ? [k] : []));
  // Scratch, per concept: 1 once its regex matched the current text; the text (a call's number) and
  // the word start it was last tried at. A regex is tried as its word starts come, not gathered per
  // concept first (the pushes to per-concept lists were a tenth of finding concepts).
  const matched = new Uint8Array(concepts.length);
  const triedCall = new Int32Array(concepts.length);
  const triedFrom = new Int32Array(concepts.length);
  let call = 0;
  return function findConcepts(text) {
    if (++call === 0x7fffffff) {
      call = 1;
      triedCall.fill(0);
    }
    const hits: number[] = [];
    const length = text.length;
    let i = 0;
    while (i < length) {
      if (!isWordCode(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const from = i;
      while (i < length && isWordCode(text.charCodeAt(i))) i++;
      const wordLength = i - from;
      const keyLength = Math.min(wordLength, KEY_LENGTH);
      let key = 0;
      for (let n = 1; n <= keyLength; n++) {
        key = key * SYMBOLS + (SYMBOL[text.charCodeAt(from + n - 1)] as number);
        const list = lists[key] as number;
        if (list === 0) continue;
        const last = listStart[list] as number;
        for (let item = listStart[list - 1] as number; item < last; item++) {
          const k = itemConcept[item] as number;
          if (matched[k] === 1) continue;
          const beginning = itemBeginning[item] as string;
          const beginningWord = itemWordLength[item] as number;
          // A beginning that goes on past its first word ("data subject") needs this word to end
          // where that one does; one that is a word's start needs this word to be as long at least.
          if (beginningWord < beginning.length ? beginningWord !== wordLength : beginningWord > wordLength) continue;
          if (beginning.length > n && !text.startsWith(beginning, from)) continue;
          // One word can begin with two of a concept's beginnings ("ip", "ipv"): try it once.
          if (triedCall[k] === call && triedFrom[k] === from) continue;
          triedCall[k] = call;
          triedFrom[k] = from;
          const regex = sticky[k] as RegExp;
          regex.lastIndex = from;
          if (regex.test(text)) {
            matched[k] = 1;
            hits.push(k);
          }
        }
      }
    }
    for (const k of alwaysRun) if ((concepts[k] as (typeof concepts)[number]).test.test(text)) hits.push(k);
    // In the concepts' order, as a scan of every concept would list them.
    hits.sort((a, b) => a - b);
    const found: string[] = [];
    for (const k of hits) {
      matched[k] = 0;
      found.push((concepts[k] as (typeof concepts)[number]).token);
    }
    return found;
  };
}
