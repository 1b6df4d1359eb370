import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  columnLetters,
  columnNumber,
  formatCellRef,
  parseCellRef,
  parseMarkSpan,
  parseRange,
} from "../../src/domain/questionnaire/cell-ref.js";
import { a1, colLetters, gridRange } from "../../src/ingest/grid.js";

describe("A1 references (one module for ingest and export)", () => {
  it("reads single cells, absolute or not, within Excel's grid", () => {
    expect(parseCellRef("C5")).toEqual({ col: 3, row: 5 });
    expect(parseCellRef("$aa$10")).toEqual({ col: 27, row: 10 });
    expect(parseCellRef("XFD1048576")).toEqual({ col: 16_384, row: 1_048_576 });
    for (const bad of ["XFE1", "A1048577", "A0", "A01", "5", "C", "", "A1:B2", "Sheet1!A1"]) {
      expect(parseCellRef(bad), bad).toBeNull();
    }
  });

  it("reads every string as the plain regex reading does (the fast path for C5 changes nothing)", () => {
    // The reading before the fast path, kept here as the oracle.
    const oracle = (ref: string) => {
      const m = /^\$?([A-Za-z]{0,3})\$?([0-9]{0,7})$/.exec(ref.trim());
      if (!m?.[1] || !m[2] || m[2].startsWith("0")) return null;
      const col = columnNumber(m[1]);
      const row = Number(m[2]);
      return col === null || row < 1 || row > 1_048_576 ? null : { col, row };
    };
    const chars = fc.constantFrom(..."ABCXYZxfd0123456789$ :!".split(""));
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 11 }), (ref) => {
        expect(parseCellRef(ref)).toEqual(oracle(ref));
      }),
      { numRuns: 5_000 },
    );
    for (const ref of ["XFD1", "XFE1", "ZZZ9", "AAAA1", "A1048576", "A1048577", "A10485760", "A0", "A 1", " A1", "A1 "])
      expect(parseCellRef(ref), ref).toEqual(oracle(ref));
  });

  it("reads ranges, whole columns and whole rows into 1-based corners", () => {
    expect(parseRange("B4:A1")).toEqual({ from: { col: 1, row: 1 }, to: { col: 2, row: 4 } });
    expect(parseRange("C5")).toEqual({ from: { col: 3, row: 5 }, to: { col: 3, row: 5 } });
    expect(parseRange("$A:$B")).toEqual({ from: { col: 1, row: 1 }, to: { col: 2, row: 1_048_576 } });
    expect(parseRange("3:5")).toEqual({ from: { col: 1, row: 3 }, to: { col: 16_384, row: 5 } });
    for (const bad of ["A1:B", "A:3", "A1:B2:C3", "Lists", "A", ""]) expect(parseRange(bad), bad).toBeNull();
  });

  it("writes what it reads", () => {
    for (let col = 1; col <= 16_384; col += 37) {
      expect(columnNumber(columnLetters(col))).toBe(col);
      expect(parseCellRef(formatCellRef({ col, row: col }))).toEqual({ col, row: col });
    }
  });

  it("ingest's 0-based grid converts at its edge only", () => {
    expect(gridRange("$A$2:$A$5")).toEqual({ r1: 1, c1: 0, r2: 4, c2: 0 });
    expect(gridRange("D:D")).toEqual({ r1: 0, c1: 3, r2: 1_048_575, c2: 3 });
    expect(a1(0, 2)).toBe("C1");
    expect(colLetters(26)).toBe("AA");
  });

  it("reads a mark span: one row, two or more columns, in column order", () => {
    expect(parseMarkSpan("C7:E7")).toEqual([
      { col: 3, row: 7 },
      { col: 4, row: 7 },
      { col: 5, row: 7 },
    ]);
    for (const other of ["C7", "C7:C9", "C7:E8", "A:B", "3:5", "C7:E7:F7", ""]) {
      expect(parseMarkSpan(other), other).toBeNull();
    }
  });
});
