/**
 * Shared helpers for the golden tests: load every `<fixture>.expected.json`, run ingest on the
 * fixture, and compare the fields the golden files fix (questions matched by sheet + row for
 * spreadsheets, by position and text for PDFs).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Question, Questionnaire } from "../../src/domain/questionnaire/types.js";

export interface ExpectedQuestion {
  sheet: string | null;
  row: number | null;
  sourceId: string | null;
  section: string | null;
  text: string;
  kind: string;
  allowedValues: string[] | null;
  answerCell: string | null;
  commentCell: string | null;
  existingAnswer: string | null;
}

export interface ExpectedFile {
  file: string;
  format: "xlsx" | "csv" | "pdf";
  notes?: string[];
  expectError?: string;
  questions: ExpectedQuestion[];
}

export interface GoldenCase {
  /** Path relative to the fixtures dir, e.g. "caiq-like.xlsx" or "bad/empty.xlsx". */
  name: string;
  bytes: Uint8Array;
  expected: ExpectedFile;
}

export const FIXTURES_DIR = process.env.QUIRE_FIXTURES_DIR ?? join(import.meta.dirname, "..", "..", "fixtures");

/** Every golden case under the fixtures dir (recursively, except eval/). */
export function loadGoldenCases(dir = FIXTURES_DIR): GoldenCase[] {
  if (!existsSync(dir)) return [];
  const out: GoldenCase[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (rel !== "eval") walk(rel);
      } else if (entry.name.endsWith(".expected.json")) {
        const fixture = rel.slice(0, -".expected.json".length);
        if (!existsSync(join(dir, fixture))) continue;
        out.push({
          name: fixture,
          bytes: new Uint8Array(readFileSync(join(dir, fixture))),
          expected: JSON.parse(readFileSync(join(dir, rel), "utf8")) as ExpectedFile,
        });
      }
    }
  };
  walk("");
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The comparable projection of a detected question (same shape as the golden file). */
export function project(q: Question): ExpectedQuestion {
  return {
    sheet: q.location.sheet,
    row: q.location.row,
    sourceId: q.sourceId,
    section: q.section,
    text: q.text,
    kind: q.kind,
    allowedValues: q.allowedValues,
    answerCell: q.location.answerCell,
    commentCell: q.location.commentCell,
    existingAnswer: q.existingAnswer,
  };
}

const norm = (t: string) => t.replace(/\s+/g, " ").trim().toLowerCase();

/** Key that identifies "the same question" in golden and detected output. */
export function questionKey(q: ExpectedQuestion): string {
  return q.row !== null ? `${q.sheet ?? ""}!${q.row}` : `${q.sourceId ?? ""}|${norm(q.text)}`;
}

export interface Match {
  truePositives: number;
  falsePositives: ExpectedQuestion[];
  falseNegatives: ExpectedQuestion[];
  /** Field mismatches on matched questions: "key field: expected → actual". */
  mismatches: string[];
}

export function compare(expected: ExpectedQuestion[], actual: Questionnaire): Match {
  const got = new Map(actual.questions.map((q) => [questionKey(project(q)), project(q)]));
  const want = new Map(expected.map((q) => [questionKey(q), q]));
  const mismatches: string[] = [];
  const falseNegatives: ExpectedQuestion[] = [];
  let truePositives = 0;
  for (const [key, e] of want) {
    const a = got.get(key);
    if (!a) {
      falseNegatives.push(e);
      continue;
    }
    truePositives++;
    for (const field of Object.keys(e) as (keyof ExpectedQuestion)[]) {
      const ev = JSON.stringify(e[field]);
      const av = JSON.stringify(a[field]);
      if (ev !== av) mismatches.push(`${key} ${field}: ${ev} → ${av}`);
    }
  }
  const falsePositives = [...got].filter(([k]) => !want.has(k)).map(([, q]) => q);
  return { truePositives, falsePositives, falseNegatives, mismatches };
}
