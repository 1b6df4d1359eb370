import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isQuireError } from "../../src/domain/errors.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";

/**
 * Ingest fuzzed with fast-check: arbitrary bytes, CSV-shaped text, and real fixtures with bytes
 * flipped, cut or spliced. Whatever comes in, ingest either returns a questionnaire or refuses
 * with a QuireError — never another error, never a hang (each run is timed), never an
 * unhandled rejection. Seeded and bounded so CI is repeatable (FUZZ_RUNS raises the count).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const PER_RUN_MS = 10_000;

async function ingestsCleanly(bytes: Uint8Array, name: string): Promise<void> {
  const started = performance.now();
  try {
    const q = await ingestQuestionnaire(bytes, name);
    expect(q.questions.length).toBeGreaterThan(0);
  } catch (error) {
    if (!isQuireError(error)) throw new Error(`${name}: not a refusal but ${String((error as Error)?.stack ?? error)}`);
  }
  expect(performance.now() - started, `${name} took too long`).toBeLessThan(PER_RUN_MS);
}

const FIXTURES = ["fixtures/simple.csv", "fixtures/caiq-like.xlsx", "fixtures/numbered.pdf"].map((path) => ({
  path,
  bytes: new Uint8Array(readFileSync(path)),
}));

/** A fixture with some bytes changed, a slice cut out, and/or a random tail. */
const mutated = fc
  .record({
    fixture: fc.constantFrom(...FIXTURES),
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
    cut: fc.option(fc.tuple(fc.nat(), fc.nat({ max: 4096 }))),
    tail: fc.uint8Array({ maxLength: 256 }),
  })
  .map(({ fixture, flips, cut, tail }) => {
    let bytes = fixture.bytes.slice();
    for (const [at, value] of flips) bytes[at % bytes.length] = value;
    if (cut) {
      const [at, length] = cut;
      const start = at % bytes.length;
      bytes = new Uint8Array([...bytes.subarray(0, start), ...bytes.subarray(start + length)]);
    }
    return { name: fixture.path.split("/").pop() as string, bytes: new Uint8Array([...bytes, ...tail]) };
  });

const CELL = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '"',
    '""',
    '"a,b"',
    "Do you encrypt data at rest?",
    "Question",
    "Answer",
    "=cmd|' /C calc'!A0",
    "\u0000",
    "\r",
  ),
);
const csvText = fc
  .array(fc.array(CELL, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 30 })
  .chain((rows) => fc.constantFrom(",", ";", "\t").map((d) => rows.map((r) => r.join(d)).join("\n")));

describe("ingest under fuzzing (fast-check)", () => {
  it("refuses or reads arbitrary bytes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom("x.csv", "x.xlsx", "x.pdf", "x"),
        (bytes, name) => ingestsCleanly(bytes, name),
      ),
      { numRuns: RUNS, seed: 12 },
    );
  });

  it("refuses or reads CSV-shaped text with quotes, delimiters, control characters and formulas", async () => {
    await fc.assert(
      fc.asyncProperty(csvText, (text) => ingestsCleanly(new TextEncoder().encode(text), "fuzz.csv")),
      { numRuns: RUNS * 3, seed: 34 },
    );
  });

  it("refuses or reads damaged real files (xlsx, csv, pdf)", async () => {
    await fc.assert(
      fc.asyncProperty(mutated, ({ name, bytes }) => ingestsCleanly(bytes, name)),
      { numRuns: RUNS, seed: 56 },
    );
  }, 300_000);
});
