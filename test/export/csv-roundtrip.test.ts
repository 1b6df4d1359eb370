import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QuireError } from "../../src/domain/errors.js";
import { writeBackCsv } from "../../src/export/csv-writeback.js";
import { encodeCsv } from "../../src/ingest/csv-codec.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";
import { roundTrip } from "./csv-roundtrip.js";
import { answer } from "./helpers.js";

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(b);

/** Every CSV under fixtures/ that has questions (the bad ones are refused at ingest). */
function csvFixtures(dir = "fixtures"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? csvFixtures(join(dir, e.name)) : e.name.endsWith(".csv") ? [join(dir, e.name)] : [],
  );
}

describe("CSV round trip: ingest → write-back → ingest", () => {
  const files = csvFixtures();
  it("finds the CSV fixtures", () => expect(files.length).toBeGreaterThanOrEqual(4));

  for (const file of files) {
    it(`${file}: same questions, answers in place, every other byte unchanged`, async () => {
      const bytes = new Uint8Array(readFileSync(file));
      const refused = await ingestQuestionnaire(bytes, file).then(
        () => null,
        (e: unknown) => e,
      );
      if (refused) {
        // A fixture without questions is refused the same way before and after (nothing to write).
        expect(refused).toBeInstanceOf(QuireError);
        return;
      }
      const { result } = await roundTrip(bytes, (q) => `Reviewed, "${q.sourceId ?? q.id}"; see policy\nsecond line`);
      expect(result.cellsWritten.length).toBeGreaterThan(0);
    });
  }

  it("a space after the comma: the quoted question is one field, and its answer lands in C2", async () => {
    const csv = 'ID, Question, Answer\r\nQ1, "Do you encrypt data, at rest?", \r\n';
    const { before, after, result } = await roundTrip(utf8(csv));
    expect(before.questions.map((q) => [q.text, q.location.answerCell])).toEqual([
      ["Do you encrypt data, at rest?", "C2"],
    ]);
    expect(result.cellsWritten).toEqual(["C2"]);
    expect(after.questions[0]?.existingAnswer).toBe("Yes");
    expect(text(result.bytes)).toBe('ID, Question, Answer\r\nQ1, "Do you encrypt data, at rest?",Yes\r\n');
  });

  it("a semicolon file whose header holds commas is written back with semicolons", async () => {
    const csv =
      "ID;Question;Answer (Yes, No, N/A, or comment)\nQ1;Do you encrypt data at rest?;\nQ2;Is MFA enforced?\n";
    const { before, result } = await roundTrip(utf8(csv));
    expect(before.questions.map((q) => q.location.answerCell)).toEqual(["C2", "C3"]);
    expect(text(result.bytes)).toBe(
      "ID;Question;Answer (Yes, No, N/A, or comment)\nQ1;Do you encrypt data at rest?;Yes\nQ2;Is MFA enforced?;Yes\n",
    );
  });

  it("a Windows-1252 file stays Windows-1252: the euro sign and umlauts are single bytes", async () => {
    const csv = encodeCsv("Nr;Frage;Antwort;Kommentar\n1;Verschlüsseln Sie Daten (€)?;;\n", "windows-1252").bytes;
    const { result, original } = await roundTrip(csv, () => "Ja — geprüft, 5 €");
    expect(original.encoding).toBe("windows-1252");
    expect(result.warnings).toEqual([]);
    expect([...result.bytes]).toEqual([
      ...encodeCsv("Nr;Frage;Antwort;Kommentar\n1;Verschlüsseln Sie Daten (€)?;Ja — geprüft, 5 €;\n", "windows-1252")
        .bytes,
    ]);
    expect(result.bytes.length).toBe(csv.length + "Ja — geprüft, 5 €".length);
  });

  it("says so when an answer has characters Windows-1252 cannot hold", () => {
    const csv = encodeCsv("Frage;Antwort\nSicherheitsmaßnahmen?;\n", "windows-1252").bytes;
    const r = writeBackCsv(csv, [answer({ sheet: null, answerCell: "B2", kind: "free_text", text: "Ja ✓ 😀" })]);
    expect(r.warnings?.join()).toMatch(/Windows-1252/);
    expect([...r.bytes.slice(-8)]).toEqual([...utf8("Ja ? ??\n")]);
  });
});

/*
 * The property: any grid of strings with commas, quotes, newlines, BOMs and the three delimiters,
 * written as a spreadsheet app would write it, round-trips. 1,000 generated files per run.
 */
const PALETTE = ["a", "b", "Z", "1", " ", ",", ";", "\t", '"', "'", "\n", "\r\n", "=", "-", "@", "é", "€", "—", "ü"];
const WIDE = ["😀", "✓", "中"];

interface Encoding {
  readonly name: "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";
  readonly wide: boolean;
}
const ENCODINGS: Encoding[] = [
  { name: "utf-8", wide: true },
  { name: "utf-8-bom", wide: true },
  { name: "utf-16le", wide: true },
  { name: "utf-16be", wide: true },
  { name: "windows-1252", wide: false },
];

function encodeFile(textOfFile: string, encoding: Encoding["name"]): Uint8Array {
  switch (encoding) {
    case "utf-8":
      return utf8(textOfFile);
    case "utf-8-bom":
      return utf8(`\uFEFF${textOfFile}`);
    case "utf-16le":
    case "utf-16be":
      return encodeCsv(`\uFEFF${textOfFile}`, encoding).bytes;
    case "windows-1252":
      return encodeCsv(textOfFile, "windows-1252").bytes;
  }
}

const cellText = (wide: boolean) =>
  fc.array(fc.constantFrom(...PALETTE, ...(wide ? WIDE : [])), { maxLength: 12 }).map((cs) => cs.join(""));

/** How a field is written: quoted only when needed, always, or after a space (`, "a"` as people type it). */
type Quoting = "minimal" | "always" | "spaced";

function writeField(value: string, delimiter: string, quoting: Quoting): string {
  const needs = /["\r\n]/.test(value) || value.includes(delimiter) || value !== value.trim();
  if (quoting === "minimal" && !needs) return value;
  const quoted = `"${value.replaceAll('"', '""')}"`;
  return quoting === "spaced" ? ` ${quoted}` : quoted;
}

const questionnaire = fc
  .record({
    encoding: fc.constantFrom(...ENCODINGS),
    delimiter: fc.constantFrom(",", ";", "\t"),
    eol: fc.constantFrom("\r\n", "\n", "\r"),
    finalEol: fc.boolean(),
    answerHeader: fc.constantFrom("Answer", "Answer (Yes, No, N/A, or comment)", "Response"),
    withComment: fc.boolean(),
  })
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      rows: fc.array(
        fc.record({
          id: fc.oneof(fc.constant(""), cellText(shape.encoding.wide)),
          question: fc.tuple(
            fc.constantFrom("Do you encrypt data at rest", "Describe your backup process", "Is MFA enforced"),
            cellText(shape.encoding.wide),
          ),
          answer: fc.oneof(
            fc.constant(""),
            fc.constant(""),
            fc.constantFrom("Yes", "No"),
            cellText(shape.encoding.wide),
          ),
          comment: cellText(shape.encoding.wide),
          quoting: fc.constantFrom<Quoting>("minimal", "minimal", "always", "spaced"),
          /** Trailing empty fields left off, as some tools write them. */
          ragged: fc.boolean(),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      answerText: cellText(shape.encoding.wide).map((t) => `Our answer ${t}`),
    }),
  )
  .map(({ shape, rows, answerText }) => {
    const { delimiter, eol } = shape;
    const header = ["ID", "Question", shape.answerHeader, ...(shape.withComment ? ["Comments"] : [])];
    const lines = [header.map((h) => writeField(h, delimiter, "minimal")).join(delimiter)];
    for (const row of rows) {
      const fields = [
        row.id,
        `${row.question[0]} ${row.question[1]}?`,
        row.answer,
        ...(shape.withComment ? [row.comment] : []),
      ];
      while (row.ragged && fields.length > 2 && fields.at(-1) === "") fields.pop();
      lines.push(fields.map((f) => writeField(f, delimiter, row.quoting)).join(delimiter));
    }
    const body = lines.join(eol) + (shape.finalEol ? eol : "");
    return { bytes: encodeFile(body, shape.encoding.name), answerText, shape };
  });

describe("CSV round trip, as a property", () => {
  it("holds for 1,000 generated files", async () => {
    await fc.assert(
      fc.asyncProperty(questionnaire, async ({ bytes, answerText }) => {
        await roundTrip(bytes, () => answerText);
      }),
      { numRuns: Number(process.env.QUIRE_PROPERTY_RUNS ?? 1_000) },
    );
  }, 120_000);
});
