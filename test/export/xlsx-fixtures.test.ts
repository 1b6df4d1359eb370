import { strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { writeBackXlsx } from "../../src/export/xlsx-writeback.js";
import { answersFor, cellMap, fixtures, sheetPaths, sheetSkeleton, unzipParts } from "./helpers.js";

/*
 * The acceptance tests, run on every .xlsx fixture ingest ships (cross-sheet x14
 * dropdowns, merged section rows, hidden sheets, comments, pre-filled answers...).
 */

const all = fixtures("xlsx");

/**
 * A form with one column per value (checkbox-columns.xlsx): the answer cell is the span "C7:E7" and
 * the value is an X in the column of that value. → the span's cells, in column order (one cell otherwise).
 */
function spanCells(ref: string): string[] {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return [ref];
  const from = XLSX.utils.decode_col(m[1] ?? "");
  const to = XLSX.utils.decode_col(m[3] ?? "");
  return Array.from({ length: to - from + 1 }, (_, i) => `${XLSX.utils.encode_col(from + i)}${m[2]}`);
}

/** "Sheet!C5" → ["Sheet", "C5"] (sheet names may themselves contain "!"). */
function splitRef(ref: string): [string, string] {
  const at = ref.lastIndexOf("!");
  return [ref.slice(0, at), ref.slice(at + 1)];
}

describe.runIf(all.length > 0)("xlsx write-back on the ingest fixtures", () => {
  for (const fx of all) {
    describe(fx.file, () => {
      const answers = answersFor(fx.questions);
      const result = writeBackXlsx(fx.bytes, answers);
      const before = unzipParts(fx.bytes);
      const after = unzipParts(result.bytes);
      const paths = sheetPaths(fx.bytes);
      const written = new Map<string, Set<string>>();
      for (const ref of result.cellsWritten) {
        const [sheet, cell] = splitRef(ref);
        written.set(sheet, (written.get(sheet) ?? new Set()).add(cell));
      }

      it("writes something and warns about nothing unexpected", () => {
        expect(result.cellsWritten.length).toBeGreaterThan(0);
        expect(result.warnings ?? []).toEqual([]);
      });

      it("changes only the sheets that receive answers; every other part is identical", () => {
        expect(after.names).toEqual(before.names);
        const changedSheets = new Set([...written.keys()].map((s) => paths.get(s)));
        for (const name of before.names) {
          const a = before.parts.get(name);
          const b = after.parts.get(name);
          if (changedSheets.has(name)) expect(Buffer.from(b ?? []).equals(Buffer.from(a ?? [])), name).toBe(false);
          else expect(Buffer.from(b ?? []).equals(Buffer.from(a ?? [])), name).toBe(true);
        }
      });

      it("changes only the answer cells inside those sheets, keeping each cell's style", () => {
        for (const [sheet, cells] of written) {
          const path = paths.get(sheet) ?? "";
          const xmlBefore = strFromU8(before.parts.get(path) ?? new Uint8Array());
          const xmlAfter = strFromU8(after.parts.get(path) ?? new Uint8Array());
          expect(sheetSkeleton(xmlAfter), `${sheet}: everything but cells and dimension`).toBe(
            sheetSkeleton(xmlBefore),
          );
          const a = cellMap(xmlBefore);
          const b = cellMap(xmlAfter);
          for (const ref of new Set([...a.keys(), ...b.keys()])) {
            if (cells.has(ref)) continue;
            expect(b.get(ref), `${sheet}!${ref} must be untouched`).toBe(a.get(ref));
          }
          for (const ref of cells) {
            const cell = b.get(ref) ?? "";
            // A replaced mark is emptied: the cell keeps its style and holds nothing.
            if (/^<c [^>]*\/>$/.test(cell)) continue;
            expect(cell).toContain('t="inlineStr"');
            expect(cell).not.toMatch(/<f[\s>]/);
            const style = /\ss="(\d+)"/.exec(a.get(ref) ?? "")?.[1];
            if (style && style !== "0") expect(cell).toContain(` s="${style}"`);
          }
        }
      });

      it("reads back with SheetJS: values in the answer cells, text in its cell, customer answers kept", () => {
        const wb = XLSX.read(result.bytes, { type: "array" });
        const kept = new Set(result.cellsKept);
        answers.forEach((a, i) => {
          const q = fx.questions[i];
          const ws = wb.Sheets[a.sheet ?? ""];
          if (!q || !ws || !a.answerCell) throw new Error(`no sheet for ${a.sheet}`);
          const at = (ref: string | null) => (ref ? (ws[ref] as XLSX.CellObject | undefined)?.v : undefined);
          const marks = spanCells(a.answerCell);
          if (marks.length > 1) {
            // A mark form: the customer's mark is kept; else an X under the value, nothing elsewhere.
            const values = a.allowedValues ?? [];
            const markedBefore = values.find((_, k) => kept.has(`${a.sheet}!${marks[k]}`));
            if (q.existingAnswer !== null) {
              expect(markedBefore).toBe(q.existingAnswer);
              return;
            }
            marks.forEach((ref, k) => {
              expect(at(ref), ref).toBe(values[k] === a.value ? "X" : undefined);
            });
            expect(at(a.commentCell)).toBe(a.text);
            return;
          }
          if (q.existingAnswer !== null) {
            expect(kept.has(`${a.sheet}!${a.answerCell}`)).toBe(true);
            expect(String(at(a.answerCell)).trim()).toBe(q.existingAnswer);
            return;
          }
          if (a.value !== null) {
            expect(at(a.answerCell)).toBe(a.value);
            expect(q.allowedValues === null || q.allowedValues.includes(String(at(a.answerCell)))).toBe(true);
            // A form without a comment column (a headerless tab) takes the value alone.
            if (a.commentCell) expect(at(a.commentCell)).toBe(a.text);
          } else {
            expect(at(a.answerCell)).toBe(a.text);
          }
        });
      });

      it("keeps the customer's answers unless asked to overwrite them", () => {
        const again = writeBackXlsx(fx.bytes, answers, { overwrite: true });
        expect(again.cellsKept).toEqual([]);
        const wb = XLSX.read(again.bytes, { type: "array" });
        answers.forEach((a, i) => {
          if (fx.questions[i]?.existingAnswer === null) return;
          const marks = spanCells(a.answerCell ?? "");
          // In a mark form the value's column receives the X and the customer's old mark is emptied.
          const target = marks.length > 1 ? marks[(a.allowedValues ?? []).indexOf(a.value ?? "")] : a.answerCell;
          expect(again.cellsWritten).toContain(`${a.sheet}!${target}`);
          const cell = wb.Sheets[a.sheet ?? ""]?.[target ?? ""] as XLSX.CellObject | undefined;
          expect(cell?.v).toBe(marks.length > 1 ? "X" : (a.value ?? a.text));
          if (marks.length > 1)
            for (const ref of marks.filter((m) => m !== target))
              expect((wb.Sheets[a.sheet ?? ""]?.[ref] as XLSX.CellObject | undefined)?.v, ref).toBeUndefined();
        });
        expect(again.cellsWritten.length).toBeGreaterThanOrEqual(result.cellsWritten.length);
      });

      it("never puts a value that is not allowed into a dropdown cell", () => {
        const bad = answers.map((a) => (a.allowedValues ? { ...a, value: "Maybe" } : a));
        const r = writeBackXlsx(fx.bytes, bad);
        const wb = XLSX.read(r.bytes, { type: "array" });
        for (const a of bad) {
          if (!a.allowedValues || !a.answerCell) continue;
          const marks = spanCells(a.answerCell);
          if (marks.length > 1) {
            // Nothing new is marked: only what the customer had marked stays.
            const before = XLSX.read(fx.bytes, { type: "array" }).Sheets[a.sheet ?? ""];
            for (const ref of marks)
              expect((wb.Sheets[a.sheet ?? ""]?.[ref] as XLSX.CellObject | undefined)?.v).toBe(
                (before?.[ref] as XLSX.CellObject | undefined)?.v,
              );
            continue;
          }
          const v = (wb.Sheets[a.sheet ?? ""]?.[a.answerCell] as XLSX.CellObject | undefined)?.v;
          // Empty, an allowed value, or what the template had there ("Please select"), untouched.
          const was = (
            XLSX.read(fx.bytes, { type: "array" }).Sheets[a.sheet ?? ""]?.[a.answerCell] as XLSX.CellObject | undefined
          )?.v;
          expect(v === undefined || v === "" || v === was || a.allowedValues.includes(String(v))).toBe(true);
        }
        const warned = (r.warnings ?? []).join("\n");
        if (bad.some((a) => a.allowedValues && !a.answerCell?.includes(":")))
          expect(warned).toContain("not one of the allowed values");
        if (bad.some((a) => a.allowedValues && a.answerCell?.includes(":")))
          expect(warned).toContain("not one of the columns to mark");
      });
    });
  }
});
