import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conceptFinder, wordBeginnings } from "../../src/domain/matching/concept-finder.js";
import { conceptsOf, normalizeText } from "../../src/domain/matching/tokenize.js";
import { SECURITY_CONCEPTS } from "../../src/domain/matching/vocabulary.js";
import { libraryAndBenchTexts, shippedLibrary } from "./helpers.js";

/**
 * conceptsOf runs only the concepts whose patterns could match one of the text's words (issue 13).
 * It must find exactly what running every concept's pattern finds, on any text.
 */

const everyPattern = SECURITY_CONCEPTS.map((c) => ({
  token: c.token,
  test: new RegExp(c.patterns.map((p) => `(?:${p.source})`).join("|")),
}));
const slow = (text: string) => everyPattern.filter((c) => c.test.test(text)).map((c) => c.token);

describe("word beginnings of a pattern", () => {
  it("reads literal words, plain classes and groups whose every alternative begins with letters", () => {
    expect(wordBeginnings(/\bmulti[\s-]?factor/)).toEqual(["mul"]);
    expect(wordBeginnings(/\b[cx]srf\b/)).toEqual(["csr", "xsr"]);
    expect(wordBeginnings(/\b(otp|fido2?)\b/)).toEqual(["otp", "fid"]);
    expect(wordBeginnings(/\b(?:sql|os) injection/)).toEqual(["sql", "os "]);
    expect(wordBeginnings(/\ba(b?|c)d/)).toEqual(["a"]); // an alternative that may be empty ends the reading
    expect(wordBeginnings(/\b(ab?|c)e/)).toEqual(["a", "c"]); // nothing is read past a group
    expect(wordBeginnings(/\bx{2}y/)).toBeNull(); // a repeated first letter: nothing certain
    expect(wordBeginnings(/\b2[\s-]?step/)).toEqual(["2"]);
    expect(wordBeginnings(/\b(\d+) ?d\b/)).toEqual([..."0123456789"]); // one or more: one, then nothing more
    expect(wordBeginnings(/\bab+c/, 16)).toEqual(["ab"]);
    expect(wordBeginnings(/\b\d\w/)).toEqual([..."0123456789"]);
  });

  it("reads on past a word into the next (a phrase), and past a group whose every alternative was read whole", () => {
    expect(wordBeginnings(/\bdata subjects?\b/, 16)).toEqual(["data subject"]);
    expect(wordBeginnings(/\bthird-party's data/, 16)).toEqual(["third-party's da"]);
    expect(wordBeginnings(/\b(another|a different) (tenant|client)'?s/, 16)).toEqual([
      "another tenant",
      "another client",
      "a different tena",
      "a different clie",
    ]);
    expect(wordBeginnings(/\b(should|do) we (have to )?(add|open)/, 16)).toEqual(["should we ", "do we "]);
    expect(wordBeginnings(/\b(fido2?|otp) keys/, 16)).toEqual(["fido", "otp"]); // read in part: stops after
    expect(wordBeginnings(/\bin[\s-]transit/, 16)).toEqual(["in"]); // \s is not read
    expect(wordBeginnings(/\b ab/)).toBeNull(); // a match that begins with a space begins no word
  });

  it("reads past a lookbehind and through an optional first group, which match nothing or begin the match", () => {
    expect(wordBeginnings(/\b(file )?uploads?/)).toEqual(["fil", "upl"]);
    expect(wordBeginnings(/\b(?:anti[\s-]?)?spam\b/, 16)).toEqual(["anti", "spam"]);
    expect(wordBeginnings(/\b((that|which) )?(been )?approved/)).toEqual(["tha", "whi", "bee", "app"]);
    expect(wordBeginnings(/\b(?<!api )endpoints?/)).toEqual(["end"]);
    expect(wordBeginnings(/(?<!\b(patch|fix)\w*\b[^.?;]{0,50})\b72 hours\b/)).toEqual(["72 "]);
    expect(wordBeginnings(/(?<!x )(?<=y )\bterm/)).toEqual(["ter"]);
    // An optional group that may be empty, repeat or be skipped lazily, or what follows it unread: no beginnings.
    expect(wordBeginnings(/\b(a|)?b/)).toBeNull();
    expect(wordBeginnings(/\b(a)*b/)).toBeNull();
    expect(wordBeginnings(/\b(a)??b/)).toBeNull();
    expect(wordBeginnings(/\b(a )?\w+/)).toBeNull();
    expect(wordBeginnings(/\b(a )?\d+/)).toEqual(["a ", ..."0123456789"]);
    expect(wordBeginnings(/(?<=x)b/)).toBeNull();
  });

  it("gives up (the pattern always runs) where a match need not begin a word with known letters", () => {
    expect(wordBeginnings(/sanitiz/)).toBeNull();
    expect(wordBeginnings(/\bsanitiz|sanitis/)).toBeNull();
    expect(wordBeginnings(/\bmfa\b/i)).toBeNull();
    expect(wordBeginnings(/\b.pdf/)).toBeNull();
    expect(wordBeginnings(/\b[a-z]+ing/)).toBeNull();
  });
});

describe("conceptsOf", () => {
  it("finds exactly what every concept's pattern finds, on the library's texts and the bench's questions", async () => {
    const texts = await libraryAndBenchTexts();
    for (const text of texts) expect(conceptsOf(text)).toEqual(slow(text));
  });

  it("finds exactly what every concept's pattern finds, on any mix of pattern words, library words and noise", async () => {
    const prepared = await shippedLibrary();
    // Words the patterns themselves spell, cut anywhere, so texts hit and nearly hit every pattern.
    const fragments = SECURITY_CONCEPTS.flatMap((c) => c.patterns.flatMap((p) => p.source.split(/[^A-Za-z0-9 -]+/)))
      .flatMap((s) => s.split(" "))
      .filter((s) => s.length > 0);
    const words = [...prepared.index.lexicon.keys()];
    const token = fc.oneof(
      fc.constantFrom(...fragments),
      fc.constantFrom(...fragments).map((w) => w.toUpperCase()),
      fc.constantFrom(...words),
      fc.stringMatching(/^[a-z0-9_]{1,6}$/),
    );
    const separator = fc.constantFrom(" ", " ", " ", "-", "_", "", ". ", ", ", "/", "(", ") ", "'s ");
    const text = fc
      .array(fc.tuple(token, separator), { minLength: 1, maxLength: 25 })
      .map((parts) => parts.map(([t, s]) => t + s).join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(conceptsOf(t)).toEqual(slow(t));
        expect(conceptsOf(normalizeText(t))).toEqual(slow(normalizeText(t)));
      }),
      { numRuns: 3_000 },
    );
  });

  it("can prefilter all but a known few of the shipped concept patterns (one that need not begin a word is run everywhere)", () => {
    const unreadable = SECURITY_CONCEPTS.flatMap((c) =>
      c.patterns.filter((p) => wordBeginnings(p, 16) === null).map(() => c.token),
    );
    // Each of these may match inside a word ("desanitized"): a new one costs every question a scan.
    expect(unreadable.sort()).toEqual(["§deletion"]);
  });

  it("runs a concept whose beginnings cannot be read on every text", () => {
    const find = conceptFinder([
      { token: "§a", patterns: [/sanitiz/], test: /sanitiz/ },
      { token: "§b", patterns: [/\bmfa\b/], test: /\bmfa\b/ },
    ]);
    expect(find("data is desanitized")).toEqual(["§a"]);
    expect(find("we use mfa and desanitize")).toEqual(["§a", "§b"]);
    expect(find("no factors")).toEqual([]);
  });

  it("tries a regex only at word starts, yet as the whole-text scan would there (\\b, lookbehind, later words)", () => {
    const find = conceptFinder([
      { token: "§key", patterns: [/\bkey (?<!api key )rotation/], test: /\bkey (?<!api key )rotation/ },
      { token: "§mfa", patterns: [/\bmfa\b/], test: /\bmfa\b/ },
      { token: "§ip", patterns: [/\b(ip|ipv6?) allow/], test: /\b(ip|ipv6?) allow/ },
    ]);
    expect(find("key rotation")).toEqual(["§key"]);
    expect(find("api key rotation")).toEqual([]); // the lookbehind sees the words before the start
    expect(find("api key rotation, and key rotation")).toEqual(["§key"]); // a later start matches
    expect(find("mfas, mfa_x, 2mfa and x-mfa")).toEqual(["§mfa"]); // "-" ends a word: x-mfa has one
    expect(find("smfa mfas")).toEqual([]);
    expect(find("ipv6 allow ip allow")).toEqual(["§ip"]); // one word, two beginnings: tried once
  });

  it("tries a phrase's pattern only where the text's words spell the phrase", () => {
    const find = conceptFinder([
      { token: "§ds", patterns: [/\bdata subjects?\b/], test: /\bdata subjects?\b/ },
      { token: "§ad", patterns: [/\ba different (tenant|client)\b/], test: /\ba different (tenant|client)\b/ },
    ]);
    expect(find("data subject rights")).toEqual(["§ds"]);
    expect(find("data subjects, a different client")).toEqual(["§ds", "§ad"]);
    expect(find("database subject, datas subject, data-subject, a differently client")).toEqual([]);
    expect(find("metadata subject and a different tenant")).toEqual(["§ad"]); // a word start, not inside one
  });
});
