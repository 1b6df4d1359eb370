import { SOC2_CATEGORY_LABEL } from "../citation/framework-refs.js";
import { PLACEHOLDER_FIELDS, PLACEHOLDER_KINDS } from "../freshness/placeholders.js";
import type { Artifact, LibraryEntry, Soc2Category } from "./types.js";

/**
 * Facts of an artifact that an entry states in so many words although a placeholder could name them:
 * "Our SOC 2 covers Security, Availability and Confidentiality only", "certified by Nordhaven
 * Certification Ltd". Each is right on the day it is written and wrong the day artifacts.yaml changes
 * (a report that adds Privacy, a new certification body), with nothing to say so. The library check
 * warns on each, so this class of stale answer cannot creep back.
 */
export interface LiteralFact {
  /** The words as the entry has them. */
  readonly fact: string;
  /** The placeholder that names the same fact. */
  readonly placeholder: string;
  readonly artifactId: string;
}

/** Fields whose value is a fact specific enough to find in a text; titles and review dates are not. */
const FIELDS = [
  "auditor",
  "body",
  "accreditation",
  "certificateNumber",
  "period",
  "periodStart",
  "periodEnd",
  "issued",
  "expires",
] as const;

/** A firm's name without its legal form: "Nordhaven Certification Ltd" is also written "Nordhaven Certification". */
function variants(value: string): string[] {
  const bare = value.replace(/,?\s+(?:LLP|LLC|Ltd\.?|Limited|Inc\.?|GmbH|plc|PLC)$/, "");
  return bare !== value && bare.split(/\s+/).length >= 2 ? [value, bare] : [value];
}

const squash = (s: string) => s.replace(/\s+/g, " ").toLowerCase();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The ref a placeholder uses for this artifact: its kind ("soc2") when it has one, else its id. */
function refOf(artifact: Artifact): string {
  return Object.entries(PLACEHOLDER_KINDS).find(([, type]) => type === artifact.type)?.[0] ?? artifact.id;
}

function statedFields(text: string, artifacts: readonly Artifact[]): LiteralFact[] {
  const haystack = squash(text);
  const found = new Map<string, LiteralFact>();
  for (const artifact of artifacts) {
    for (const field of FIELDS) {
      const value = PLACEHOLDER_FIELDS[field]?.(artifact);
      if (!value || value.length < 4) continue;
      const stated = variants(value).find((v) =>
        new RegExp(`(?<![\\w-])${escapeRegExp(squash(v))}(?![\\w-])`).test(haystack),
      );
      if (stated && !found.has(squash(stated)))
        found.set(squash(stated), {
          fact: stated,
          placeholder: `{{${refOf(artifact)}.${field}}}`,
          artifactId: artifact.id,
        });
    }
  }
  return [...found.values()];
}

const CATEGORY_NAMES: readonly [Soc2Category, RegExp][] = (
  Object.entries(SOC2_CATEGORY_LABEL) as [Soc2Category, string][]
).map(([category, name]) => [category, new RegExp(`\\b${name}\\b`)]);
/** A sentence about the SOC 2 report or the Trust Services categories. */
const SOC2_SENTENCE = /\bSOC ?2\b|\bTrust Services?\b|\bcategor(?:y|ies)\b|\bcriteria\b/i;
/** One category said to be the only one, or out of scope, is a statement of the scope too. */
const SCOPE_CLAIM = /\bonly\b|\bnot (?:in|within) (?:the )?scope\b|\bnot (?:covered|included)\b|\bexcluded\b/i;

/**
 * A SOC 2 category list in the vendor's words: two or more category names (as the report's labels
 * write them, capitalised) in one sentence about SOC 2 or its categories, or one said to be the only
 * one or out of scope. "Confidentiality clauses in employment contracts" is not a scope statement.
 */
function statedCategories(text: string, artifacts: readonly Artifact[], aboutSoc2 = false): LiteralFact[] {
  const report = artifacts.find((a) => a.type === "soc2-type2" || a.type === "soc2-type1");
  if (!report) return [];
  const facts: LiteralFact[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    if (!aboutSoc2 && !SOC2_SENTENCE.test(sentence)) continue;
    const named = CATEGORY_NAMES.filter(([, name]) => name.test(sentence));
    if (named.length >= 2 || (named.length === 1 && SCOPE_CLAIM.test(sentence))) {
      facts.push({
        fact: named.map(([c]) => SOC2_CATEGORY_LABEL[c]).join(", "),
        placeholder: `{{${refOf(report)}.categories}}`,
        artifactId: report.id,
      });
    }
  }
  return facts.slice(0, 1);
}

/** Every artifact fact the entry's answer (or its short answer) states literally. */
export function literalArtifactFacts(entry: LibraryEntry, artifacts: readonly Artifact[]): LiteralFact[] {
  // A short answer that lists categories ("Security, Availability") is a scope statement by itself.
  const short = entry.short ? statedCategories(entry.short, artifacts, /\bSOC ?2\b/i.test(entry.question)) : [];
  const categories = short.length > 0 ? short : statedCategories(entry.answer, artifacts);
  const text = entry.short ? `${entry.short}. ${entry.answer}` : entry.answer;
  return [...categories, ...statedFields(text, artifacts)];
}
