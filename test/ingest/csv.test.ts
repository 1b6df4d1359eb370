/** CSV variants: BOM, `,` `;` tab `|` delimiters, quoted newlines and quotes, CRLF / CR line ends, encodings. */
import { describe, expect, it } from "vitest";
import { readCsvFile, sniffDelimiter } from "../../src/ingest/csv.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";

const RECORDS = [
  ["ID", "Question", "Answer", "Comments"],
  ["Q1", "Do you encrypt data at rest?", "Yes", ""],
  ["Q2", 'Describe your backup process,\nincluding "restore" tests.', "", "see policy"],
  ["Q3", "Is MFA enforced; for all admins?", "", ""],
];

function encode(records: string[][], d: string, eol: string, bom = false): Uint8Array {
  const field = (f: string) => (/[",;\t|\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  const text = records.map((r) => r.map(field).join(d)).join(eol) + eol;
  return new TextEncoder().encode((bom ? "\uFEFF" : "") + text);
}

async function check(bytes: Uint8Array) {
  const q = await ingestQuestionnaire(bytes, "q.csv");
  expect(q.source.format).toBe("csv");
  expect(
    q.questions.map((x) => [
      x.sourceId,
      x.text,
      x.kind,
      x.location.answerCell,
      x.location.commentCell,
      x.existingAnswer,
    ]),
  ).toEqual([
    ["Q1", "Do you encrypt data at rest?", "yes_no", "C2", "D2", "Yes"],
    ["Q2", 'Describe your backup process, including "restore" tests.', "free_text", "C3", "D3", null],
    ["Q3", "Is MFA enforced; for all admins?", "yes_no", "C4", "D4", null],
  ]);
  expect(q.questions.every((x) => x.location.sheet === null)).toBe(true);
}

describe("csv", () => {
  it("comma, UTF-8 BOM, CRLF, quoted newline and doubled quotes", () => check(encode(RECORDS, ",", "\r\n", true)));
  it("semicolon delimiter (European Excel)", () => check(encode(RECORDS, ";", "\n")));
  it("tab delimiter", () => check(encode(RECORDS, "\t", "\r\n")));
  it("pipe delimiter and old-Mac CR line ends", () => check(encode(RECORDS, "|", "\r")));
  it("UTF-16LE with BOM (Excel 'Unicode text')", async () => {
    const text = `\uFEFF${RECORDS.map((r) => r.map((f) => (/[\t\n"]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join("\t")).join("\r\n")}\r\n`;
    await check(new Uint8Array(Buffer.from(text, "utf16le")));
  });
  it("Windows-1252 bytes are decoded, not rejected", async () => {
    const bytes = Buffer.from(
      "ID;Frage;Antwort\n1.1;Gibt es einen Datenschutzbeauftragten für Österreich?;\n",
      "latin1",
    );
    const q = await ingestQuestionnaire(new Uint8Array(bytes), "de.csv");
    expect(q.questions[0]?.text).toBe("Gibt es einen Datenschutzbeauftragten für Österreich?");
  });
  it("no trailing newline, blank lines and a section record", async () => {
    const text = "Nr;Question;Answer\n1;General;;\n1.1;Is there a security policy?;\n\n1.2;Describe the ISMS scope.;";
    const q = await ingestQuestionnaire(new TextEncoder().encode(text), "q.csv");
    expect(q.questions.map((x) => [x.sourceId, x.section, x.location.row])).toEqual([
      ["1.1", "General", 3],
      ["1.2", "General", 5],
    ]);
  });
  it("sniffs the delimiter from lines outside quotes", () => {
    expect(sniffDelimiter('a;b;c\n"x,y,z";2;3\n')).toBe(";");
    expect(sniffDelimiter("a\tb\tc\n1\t2\t3\n")).toBe("\t");
    expect(sniffDelimiter("a,b\n1,2\n")).toBe(",");
  });
  it("reads a tab-separated file whose header and question hold as many commas as tabs", async () => {
    // Found by the CSV round-trip property (seed 2005525526): the commas agreed line by line (3 and
    // 3), the tabs did not (3, then 1 in a row that stops after its question), and commas won.
    const text = "ID\tQuestion\tAnswer (Yes, No, N/A, or comment)\tComments\n\tDo you encrypt data at rest ,,,?";
    expect(sniffDelimiter(text)).toBe("\t");
    const q = await ingestQuestionnaire(new TextEncoder().encode(text), "questionnaire.csv");
    expect(q.questions.map((x) => x.text)).toEqual(["Do you encrypt data at rest ,,,?"]);
    // Commas on every line and a tab on only some: still a comma file.
    expect(sniffDelimiter("ID,Question,Notes\n1,Is data encrypted?,see\tappendix\n2,Is MFA on?,\n")).toBe(",");
  });
  it("parses RFC 4180 records", () => {
    const file = readCsvFile(new TextEncoder().encode('a,"b ""q""",c\r\n"x\r\ny",2,\n'));
    expect(file.records.map((r) => r.fields.map((f) => f.value))).toEqual([
      ["a", 'b "q"', "c"],
      ["x\r\ny", "2", ""],
    ]);
    expect(file.eol).toBe("\r\n");
  });

  it("records each field's byte span in the file's encoding", () => {
    const spans = (bytes: Uint8Array) => {
      const file = readCsvFile(bytes);
      return {
        encoding: file.encoding,
        delimiter: file.delimiter,
        fields: file.records.map((r) => r.fields.map((f) => [f.start, f.end, f.value])),
        ends: file.records.map((r) => r.end),
      };
    };
    // "é" is 2 bytes in UTF-8, "€" 3, "😀" 4; the BOM is 3; a quote may follow spaces.
    expect(spans(new TextEncoder().encode('\uFEFFé;€\n😀; "a;b" ;\n'))).toEqual({
      encoding: "utf-8",
      delimiter: ";",
      fields: [
        [
          [3, 5, "é"],
          [6, 9, "€"],
        ],
        [
          [10, 14, "😀"],
          [15, 22, "a;b "],
          [23, 23, ""],
        ],
      ],
      ends: [9, 23],
    });
    // UTF-16LE: two bytes a character after the two-byte BOM.
    expect(spans(new Uint8Array(Buffer.from("\uFEFFa\tb\r\nc\t\r\n", "utf16le"))).fields).toEqual([
      [
        [2, 4, "a"],
        [6, 8, "b"],
      ],
      [
        [12, 14, "c"],
        [16, 16, ""],
      ],
    ]);
    // Windows-1252: one byte a character, 0x80 is the euro sign.
    expect(spans(new Uint8Array([0x80, 0x2c, 0xe4, 0x0a])).fields).toEqual([
      [
        [0, 1, "€"],
        [2, 3, "ä"],
      ],
    ]);
  });
});
