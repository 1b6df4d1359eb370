/**
 * Answer-engine benchmark: 1,000 generated buyer questions through match + draft + cite
 * (answerQuestionnaire), after the library is loaded and indexed. Target: the 1,000 in under 1 s.
 * File I/O (reading answer-library/) is excluded; index build time is reported separately.
 *
 *   npx tsx bench/match.ts
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { answerQuestionnaire } from "../src/domain/answering/answer-questions.js";
import type { CustomerContext } from "../src/domain/answering/customer.js";
import { prepareLibrary } from "../src/domain/answering/prepare.js";
import type { Library } from "../src/domain/library/types.js";
import type { Question, Questionnaire } from "../src/domain/questionnaire/types.js";
import { loadLibraryDir } from "../src/library-files/load.js";

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

const QUESTIONS = 1_000;
const CUSTOMER: CustomerContext = { region: "eu", ndaOnFile: false, asOf: "2026-11-24" };

/** Deterministic PRNG (mulberry32) so every run answers the same questionnaire. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPENERS = [
  "",
  "Please describe: ",
  "Does the vendor confirm: ",
  "Q: ",
  "Provide evidence — ",
  "Security requirement: ",
];
const TAILS = [
  "",
  " Please provide details.",
  " (Yes/No)",
  " If so, how often?",
  " Describe the process and owner.",
  "",
];
const NOISE = [
  "Do you offer a discount for a three-year commitment?",
  "Which dashboard colours can be customised?",
  "How many people work in your marketing team?",
  "What is the serial number of the core switch?",
  "Is there a mobile app for Android tablets?",
];
const SWAPS: [RegExp, string][] = [
  [/multi-factor authentication/gi, "2FA"],
  [/\bMFA\b/g, "two-factor authentication"],
  [/encrypted/gi, "encrypted (AES-256)"],
  [/penetration test/gi, "pen test"],
  [/\byour\b/gi, "the supplier's"],
  [/organization/gi, "organisation"],
];

/** 1,000 questions in varied wording: library phrasings reworded, wrapped, and some out-of-scope noise. */
export function generateQuestionnaire(library: Library, n = QUESTIONS): Questionnaire {
  const next = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const kinds = ["yes_no", "yes_no", "free_text", "choice"] as const;
  const questions: Question[] = [];
  for (let i = 0; i < n; i++) {
    let text: string;
    if (next() < 0.1) text = pick(NOISE);
    else {
      const entry = pick(library.entries);
      text = pick([entry.question, ...entry.phrasings]);
      for (const [from, to] of SWAPS) if (next() < 0.3) text = text.replace(from, to);
      text = `${pick(OPENERS)}${text}${pick(TAILS)}`;
    }
    const kind = pick(kinds);
    questions.push({
      id: `q${i + 1}`,
      sourceId: String(i + 1),
      section: null,
      text,
      kind,
      allowedValues:
        kind === "yes_no"
          ? pick([
              ["Yes", "No", "N/A"],
              ["Y", "N", "NA"],
              ["Yes - Fully", "Yes - Partially", "No", "Not applicable"],
            ])
          : kind === "choice"
            ? ["Monthly", "Quarterly", "Annually", "Never"]
            : null,
      location: { sheet: "Bench", row: i + 2, answerCell: `C${i + 2}`, commentCell: `D${i + 2}` },
      existingAnswer: null,
    });
  }
  return { source: { file: "bench.xlsx", format: "xlsx" }, questions, warnings: [] };
}

export async function benchMatch(): Promise<BenchResult[]> {
  const library = await loadLibraryDir("answer-library"); // file I/O: not timed
  let t = performance.now();
  const prepared = prepareLibrary(library);
  const buildMs = performance.now() - t;

  const questionnaire = generateQuestionnaire(library);
  answerQuestionnaire(prepared, generateQuestionnaire(library, 100), CUSTOMER); // warm-up (JIT)

  t = performance.now();
  const report = answerQuestionnaire(prepared, questionnaire, CUSTOMER);
  const totalMs = performance.now() - t;

  // A cold run too: a fresh index and no warm-up, as the CLI sees it on a first questionnaire.
  const coldLibrary = prepareLibrary(library);
  t = performance.now();
  answerQuestionnaire(coldLibrary, generateQuestionnaire(library, QUESTIONS), CUSTOMER);
  const coldMs = performance.now() - t;

  const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
  return [
    { name: `library entries indexed`, value: library.entries.length, unit: "entries" },
    { name: "index build (prepareLibrary)", value: round(buildMs), unit: "ms" },
    { name: `match+draft+cite ${QUESTIONS} questions (warm)`, value: round(totalMs), unit: "ms" },
    { name: "throughput (warm)", value: Math.round((QUESTIONS / totalMs) * 1000), unit: "questions/s" },
    { name: `match+draft+cite ${QUESTIONS} questions (second index, no warm-up)`, value: round(coldMs), unit: "ms" },
    {
      name: "drafted / needs_review / no_match",
      value: report.summary.drafted,
      unit: `/ ${report.summary.needsReview} / ${report.summary.noMatch}`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const m of await benchMatch()) console.log(`${m.name.padEnd(64)} ${String(m.value).padStart(10)} ${m.unit}`);
}
