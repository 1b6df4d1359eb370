import { describe, expect, it } from "vitest";
import { parseCellRef } from "../../src/domain/questionnaire/cell-ref.js";
import { writeBackCsv } from "../../src/export/csv-writeback.js";
import { answer, answersFor, fixtures, parseCsv } from "./helpers.js";

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(b);

function at(rows: string[][], ref: string | null): string | undefined {
  const a = ref ? parseCellRef(ref) : null;
  return a ? rows[a.row - 1]?.[a.col - 1] : undefined;
}

const csvFixtures = fixtures("csv");

describe.runIf(csvFixtures.length > 0)("csv write-back on the ingest fixtures", () => {
  for (const fx of csvFixtures) {
    it(`${fx.file}: fills the answer fields and changes nothing else`, () => {
      const answers = answersFor(fx.questions).map((a) => ({ ...a, sheet: null }));
      const r = writeBackCsv(fx.bytes, answers);
      expect(r.warnings ?? []).toEqual([]);
      const before = text(fx.bytes);
      const after = text(r.bytes);
      expect(after.startsWith("\uFEFF")).toBe(before.startsWith("\uFEFF"));
      const eol = before.includes("\r\n") ? "\r\n" : "\n";
      // Every new line end (also inside the new quoted fields) is in the file's style.
      const stray = (t: string) =>
        t
          .split(eol)
          .join("")
          .match(/[\r\n]/g)?.length ?? 0;
      expect(stray(after)).toBe(stray(before));
      const delimiter = [",", ";", "\t"].find((d) => before.split(/\r?\n/)[0]?.includes(d)) ?? ",";
      const rowsBefore = parseCsv(before, delimiter);
      const rowsAfter = parseCsv(after, delimiter);
      expect(rowsAfter.length).toBe(rowsBefore.length);
      const written = new Set(r.cellsWritten);
      rowsBefore.forEach((row, ri) => {
        row.forEach((field, ci) => {
          const ref = `${String.fromCharCode(65 + ci)}${ri + 1}`;
          if (!written.has(ref)) expect(rowsAfter[ri]?.[ci], ref).toBe(field);
        });
      });
      answers.forEach((a, i) => {
        const q = fx.questions[i];
        if (q?.existingAnswer) {
          expect(r.cellsKept).toContain(a.answerCell);
          expect(at(rowsAfter, a.answerCell)).toBe(q.existingAnswer);
        } else if (a.value !== null) {
          expect(at(rowsAfter, a.answerCell)).toBe(a.value);
          expect(at(rowsAfter, a.commentCell)).toBe(a.text.replace(/\n/g, eol === "\r\n" ? "\r\n" : "\n"));
        } else {
          expect(at(rowsAfter, a.answerCell)).toBe(a.text.replace(/\n/g, eol));
        }
      });
    });
  }
});

describe("writeBackCsv", () => {
  const semicolon =
    '\uFEFFID;Question;Answer;Comment\r\nQ1;Is MFA on?;;\r\nQ2;"Encrypt; at rest?";Yes;done\r\nQ3;Short\r\n';

  it("keeps BOM, delimiter and CRLF, and quotes what needs quoting", () => {
    const r = writeBackCsv(utf8(semicolon), [
      answer({ sheet: null, answerCell: "C2", commentCell: "D2", value: "Yes", text: 'We use "Okta";\nalways' }),
    ]);
    expect(text(r.bytes)).toBe(
      '\uFEFFID;Question;Answer;Comment\r\nQ1;Is MFA on?;Yes;"We use ""Okta"";\r\nalways"\r\nQ2;"Encrypt; at rest?";Yes;done\r\nQ3;Short\r\n',
    );
    expect(r.cellsWritten).toEqual(["C2", "D2"]);
  });

  it("keeps customer answers unless overwrite, and pads short records", () => {
    const answers = [
      answer({ sheet: null, answerCell: "C3", commentCell: "D3", value: "No", text: "n" }),
      answer({ sheet: null, answerCell: "C4", commentCell: "D4", value: "No", text: "pad" }),
    ];
    const kept = writeBackCsv(utf8(semicolon), answers);
    expect(kept.cellsKept).toEqual(["C3"]);
    expect(text(kept.bytes)).toContain('Q2;"Encrypt; at rest?";Yes;done\r\nQ3;Short;No;pad\r\n');
    const over = writeBackCsv(utf8(semicolon), answers, { overwrite: true });
    expect(text(over.bytes)).toContain('Q2;"Encrypt; at rest?";No;n\r\n');
  });

  it("keeps LF line ends and a file without a final newline", () => {
    const r = writeBackCsv(utf8("a,b,c\nq,x,"), [
      answer({ sheet: null, answerCell: "C2", kind: "free_text", text: "1\n2" }),
    ]);
    expect(text(r.bytes)).toBe('a,b,c\nq,x,"1\n2"');
  });

  it("neutralises formula-looking answers", () => {
    const r = writeBackCsv(utf8("a,b\nq,\n"), [
      answer({ sheet: null, answerCell: "B2", kind: "free_text", text: "=1+1" }),
    ]);
    expect(text(r.bytes)).toBe("a,b\nq,'=1+1\n");
  });

  it("warns about a record beyond the end of the file", () => {
    const r = writeBackCsv(utf8("a,b\nq,\n"), [
      answer({ sheet: null, answerCell: "B9", kind: "free_text", text: "x" }),
    ]);
    expect(r.cellsWritten).toEqual([]);
    expect(r.warnings?.join()).toContain("beyond the last record");
  });

  it("round-trips a Latin-1 file byte for byte outside the written field", () => {
    const latin1 = new Uint8Array([...utf8("Frage;Antwort\nSicherheitsma"), 0xdf, ...utf8("nahmen?;\n")]);
    const r = writeBackCsv(latin1, [
      answer({ sheet: null, answerCell: "B2", kind: "free_text", text: "Ja, gepr\u00fcft" }),
    ]);
    expect([...r.bytes]).toEqual([...latin1.slice(0, -1), ...utf8("Ja, gepr"), 0xfc, ...utf8("ft\n")]);
  });
});
