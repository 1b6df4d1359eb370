import { normalizeText } from "../matching/tokenize.js";

/**
 * Phrases that make "Yes" the weaker practice. A question and the entry that answers it can be
 * phrased in opposite senses ("Do admins share accounts?" vs "Does every admin have a named
 * account?"); counting these markers on both sides tells when the entry's Yes/No must be flipped.
 */
const WEAK_PRACTICE = [
  /\bshar(e|ed|ing) (\w+ )?(accounts?|credentials|passwords?|logins?)\b/,
  /\bgeneric (accounts?|ids?|logins?)\b/,
  /\b(plain ?text|clear ?text|unencrypted|unhashed)\b/,
  /\bwithout (encryption|mfa|approval|review|authentication|testing|a? ?background)/,
  /\b(disabled?|turn(ed)? off|bypass(ed)?)\b/,
  /\bdefault (passwords?|credentials)\b/,
  /\bever (been|had|suffered|experienced)\b/,
  /\b(any|been) (breach|breaches|incidents?|fines?|lawsuits?|litigation|penalt)/,
  /\bexceptions?\b/,
  /\b(hard[\s-]?coded|embedded) (credentials|secrets|passwords?|keys?)\b/,
  /\bend[\s-]of[\s-]life\b|\bunsupported (software|systems|versions?)\b/,
  /\b(outsourc\w*|offshor\w*) (development|support)\b/,
  /\bremovable media\b|\busb (drives?|storage|sticks?)\b/,
  /\bpersonal (devices|email|laptops?)\b|\bbyod\b/,
];

/** Explicit negation words: "Is data NOT encrypted…", "Do you never…". */
const NEGATION = /\b(not|never|no longer|cannot|can't|don't|doesn't|isn't|aren't|won't|lack|lacks|fail(s|ed)? to)\b/g;

export function weakPracticeScore(text: string): number {
  const t = normalizeText(text);
  const markers = WEAK_PRACTICE.filter((p) => p.test(t)).length;
  const negations = t.match(NEGATION)?.length ?? 0;
  return markers + negations;
}

/**
 * True when question and entry are phrased in opposite senses, so the entry's Yes means No here.
 * Parity of the marker counts, not their size, decides: two negations cancel out.
 */
export function isInverted(question: string, entryText: string): boolean {
  return weakPracticeScore(question) % 2 !== weakPracticeScore(entryText) % 2;
}
