import { crc32, deflateRawSync } from "node:zlib";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import type { Questionnaire } from "../../src/domain/questionnaire/types.js";
import { writeBackXlsx } from "../../src/export/xlsx-writeback.js";
import { ingestQuestionnaire } from "../../src/ingest/index.js";
import { zipArchive } from "../../src/ingest/zip-archive.js";
import { buildXlsx } from "../ingest/minimal-xlsx.js";
import { answersFor, fixtures, unzipParts } from "./helpers.js";

/*
 * The one unzip (issue 13): ingest and write-back share the archive of the same bytes, a
 * write-back copies every part it does not change as the original stored it (same compressed
 * bytes, same method) and deflates only the changed sheets, and odd but valid zips (data
 * descriptors, stored parts, extra fields, a comment, an unusual entry order) go through both.
 * The zip reading here is the test's own, so it does not share the code's parsing bugs.
 */

interface RawEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  size: number;
  /** The stored (compressed) bytes, as the local header and directory place them. */
  stored: Uint8Array;
}

function rawEntries(zip: Uint8Array): RawEntry[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (eocd >= 0 && v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const out: RawEntry[] = [];
  let at = v.getUint32(eocd + 16, true);
  for (let i = 0; i < v.getUint16(eocd + 10, true); i++) {
    const n = v.getUint16(at + 28, true);
    const local = v.getUint32(at + 42, true);
    const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    out.push({
      name: strFromU8(zip.subarray(at + 46, at + 46 + n)),
      flags: v.getUint16(at + 8, true),
      method: v.getUint16(at + 10, true),
      crc: v.getUint32(at + 16, true),
      size: v.getUint32(at + 24, true),
      stored: zip.subarray(start, start + v.getUint32(at + 20, true)),
    });
    at += 46 + n + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return out;
}

interface OddPart {
  name: string;
  data: Uint8Array;
  stored?: boolean;
  /** Sizes and CRC after the data (flag bit 3), zeros in the local header, as streaming writers do. */
  descriptor?: boolean;
}

/** A zip as some producers write them: data descriptors, stored parts, a local extra field, a comment. */
function oddZip(parts: readonly OddPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const push = (b: Uint8Array) => {
    chunks.push(b);
    offset += b.length;
  };
  // An extended-timestamp extra field in each local header (the directory has none).
  const extra = new Uint8Array([0x55, 0x54, 5, 0, 1, 0x10, 0x20, 0x30, 0x40]);
  for (const p of parts) {
    const name = new TextEncoder().encode(p.name);
    const data = p.stored ? p.data : deflateRawSync(p.data);
    const crc = crc32(p.data);
    const flags = p.descriptor ? 0x8 : 0;
    const local = new Uint8Array(30 + name.length + extra.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, p.stored ? 0 : 8, true);
    lv.setUint16(12, 0x5821, true);
    if (!p.descriptor) {
      lv.setUint32(14, crc, true);
      lv.setUint32(18, data.length, true);
      lv.setUint32(22, p.data.length, true);
    }
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, extra.length, true);
    local.set(name, 30);
    local.set(extra, 30 + name.length);
    const at = offset;
    push(local);
    push(data);
    if (p.descriptor) {
      const d = new Uint8Array(16);
      const dv = new DataView(d.buffer);
      dv.setUint32(0, 0x08074b50, true);
      dv.setUint32(4, crc, true);
      dv.setUint32(8, data.length, true);
      dv.setUint32(12, p.data.length, true);
      push(d);
    }
    const c = new Uint8Array(46 + name.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 0x031e, true); // made by Unix
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, p.stored ? 0 : 8, true);
    cv.setUint16(14, 0x5821, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, p.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(38, 0o100644 << 16, true);
    cv.setUint32(42, at, true);
    c.set(name, 46);
    central.push(c);
  }
  const start = offset;
  for (const c of central) push(c);
  const comment = new TextEncoder().encode("written by a streaming producer");
  const end = new Uint8Array(22 + comment.length);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, offset - start, true);
  ev.setUint32(16, start, true);
  ev.setUint16(20, comment.length, true);
  end.set(comment, 22);
  push(end);
  const out = new Uint8Array(offset);
  let k = 0;
  for (const b of chunks) {
    out.set(b, k);
    k += b.length;
  }
  return out;
}

const QUESTIONS = [
  ["ID", "Question", "Answer", "Comment"],
  ["1", "Do you encrypt customer data at rest?", "", ""],
  ["2", "Do you run an annual penetration test?", "", ""],
  ["3", "Is multi-factor authentication enforced for administrators?", "No", ""],
];

/** The mini workbook's parts, re-packed the odd way; a binary "image" stored, never inflated by anyone. */
function oddWorkbook(): Uint8Array {
  const { names, parts } = unzipParts(buildXlsx({ sheets: [{ name: "Security", rows: QUESTIONS }] }));
  const image = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
  const list: OddPart[] = names.map((name) => ({
    name,
    data: parts.get(name) ?? new Uint8Array(),
    stored: name.endsWith("styles.xml") || name === "_rels/.rels",
    descriptor: name.includes("worksheets") || name.startsWith("docProps") || name === "[Content_Types].xml",
  }));
  list.push({ name: "xl/media/image1.png", data: image, stored: true });
  // Directory order is not alphabetical and not [Content_Types].xml first: it must be kept.
  return oddZip([...list].reverse());
}

function cells(bytes: Uint8Array, sheet: string): Record<string, unknown> {
  const ws = XLSX.read(bytes, { type: "array" }).Sheets[sheet] ?? {};
  return Object.fromEntries(
    Object.entries(ws)
      .filter(([k]) => !k.startsWith("!"))
      .map(([k, c]) => [k, (c as XLSX.CellObject).v]),
  );
}

const answersOf = (q: Questionnaire) =>
  answersFor(
    q.questions.map((x) => ({
      ...x.location,
      sourceId: x.sourceId,
      kind: x.kind,
      allowedValues: x.allowedValues,
      existingAnswer: x.existingAnswer,
    })),
  );

describe("a workbook with data descriptors, stored parts, extra fields and a comment (no zip64)", () => {
  const odd = oddWorkbook();

  it("is a zip the test's own reader, fflate and SheetJS all read", () => {
    const raw = rawEntries(odd);
    expect(raw.some((e) => e.flags & 0x8)).toBe(true);
    expect(raw.some((e) => e.method === 0)).toBe(true);
    expect(Object.keys(unzipSync(odd)).length).toBe(raw.length);
    expect(cells(odd, "Security").B2).toBe("Do you encrypt customer data at rest?");
  });

  it("is ingested, and written back copying every untouched part as it was stored", async () => {
    const q = await ingestQuestionnaire(odd, "odd.xlsx");
    expect(q.questions.map((x) => x.text)).toEqual(QUESTIONS.slice(1).map((r) => r[1]));
    const answers = answersOf(q);
    const result = writeBackXlsx(odd, answers);
    expect(result.cellsWritten.length).toBeGreaterThan(0);
    expect(result.cellsKept).toEqual(["Security!C4"]);

    const before = rawEntries(odd);
    const after = rawEntries(result.bytes);
    expect(after.map((e) => e.name)).toEqual(before.map((e) => e.name));
    for (const [i, e] of after.entries()) {
      const original = before[i] as RawEntry;
      // Sizes now sit in the headers: no data descriptors in the output.
      expect(e.flags & 0x8, e.name).toBe(0);
      expect(e.method, e.name).toBe(original.method);
      if (e.name === "xl/worksheets/sheet1.xml") {
        expect(Buffer.from(e.stored).equals(Buffer.from(original.stored))).toBe(false);
        continue;
      }
      expect(Buffer.from(e.stored).equals(Buffer.from(original.stored)), e.name).toBe(true);
      expect(e.crc, e.name).toBe(original.crc);
    }

    // Every part's content: the sheet as edited, everything else identical; the CRCs are right.
    const inflated = unzipSync(result.bytes);
    const originalParts = unzipSync(odd);
    for (const e of after) {
      const data = inflated[e.name] ?? new Uint8Array();
      expect(crc32(data), e.name).toBe(e.crc);
      if (e.name !== "xl/worksheets/sheet1.xml")
        expect(Buffer.from(data).equals(Buffer.from(originalParts[e.name] ?? [])), e.name).toBe(true);
    }

    const filled = cells(result.bytes, "Security");
    expect(filled.C2).toBe("Yes");
    expect(filled.C4).toBe("No"); // the customer's answer, kept
    expect(String(filled.D2)).toContain("Answer to 1");
    expect(filled.B3).toBe("Do you run an annual penetration test?");

    // The filled file is a questionnaire again, with the answers in it.
    const again = await ingestQuestionnaire(result.bytes, "odd.filled.xlsx");
    expect(again.questions.map((x) => x.existingAnswer)).toEqual(["Yes", "Yes", "No"]);
  });

  it("gives the same bytes for the same input and answers (reproducible), from a fresh or a shared archive", async () => {
    const q = await ingestQuestionnaire(odd, "odd.xlsx");
    const answers = answersOf(q);
    const shared = writeBackXlsx(odd, answers).bytes;
    const fresh = writeBackXlsx(new Uint8Array(odd), answers).bytes;
    expect(Buffer.from(fresh).equals(Buffer.from(shared))).toBe(true);
  });
});

describe("one unzip for ingest and write-back", () => {
  it("opens the archive of the same bytes once, and each part is inflated once", async () => {
    const bytes = oddWorkbook();
    await ingestQuestionnaire(bytes, "odd.xlsx");
    const archive = zipArchive(bytes);
    expect(zipArchive(bytes)).toBe(archive);
    const sheet = archive.data("xl/worksheets/sheet1.xml");
    expect(archive.data("xl/worksheets/sheet1.xml")).toBe(sheet);
    // A copy of the bytes is another file as far as the cache knows.
    expect(zipArchive(new Uint8Array(bytes))).not.toBe(archive);
  });

  it("refuses a part whose content does not match its CRC, on ingest and on write-back", async () => {
    const bytes = oddWorkbook();
    const sheet = rawEntries(bytes).find((e) => e.name === "xl/worksheets/sheet1.xml") as RawEntry;
    // Flip the CRC in the central directory record of the sheet.
    const v = new DataView(bytes.buffer);
    for (let at = bytes.length - 22; at > 0; at--) {
      if (v.getUint32(at, true) !== 0x02014b50) continue;
      const n = v.getUint16(at + 28, true);
      if (strFromU8(bytes.subarray(at + 46, at + 46 + n)) === sheet.name) v.setUint32(at + 16, sheet.crc ^ 1, true);
    }
    await expect(ingestQuestionnaire(bytes, "odd.xlsx")).rejects.toMatchObject({ code: "corrupt_file" });
    expect(() =>
      writeBackXlsx(new Uint8Array(bytes), [
        {
          sheet: "Security",
          row: 2,
          answerCell: "C2",
          commentCell: null,
          kind: "yes_no",
          value: "Yes",
          text: "",
          allowedValues: null,
        },
      ]),
    ).toThrow(expect.objectContaining({ code: "export_invalid_xlsx" }));
  });
});

describe.each(fixtures("xlsx"))("$file: stored bytes of untouched parts", (fx) => {
  it("are copied as they are; the answered sheets are the only parts compressed anew", () => {
    const result = writeBackXlsx(fx.bytes, answersFor(fx.questions));
    const before = rawEntries(fx.bytes);
    const after = rawEntries(result.bytes);
    expect(after.map((e) => e.name)).toEqual(before.map((e) => e.name));
    const sheets = new Set(fx.questions.map((q) => q.sheet));
    const changed = after.filter((e, i) => !Buffer.from(e.stored).equals(Buffer.from(before[i]?.stored ?? [])));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThanOrEqual(sheets.size);
    for (const e of changed) expect(e.name).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
    for (const [i, e] of after.entries()) expect(e.method, e.name).toBe(before[i]?.method);
  });
});

/**
 * The same parts as a zip64 archive, as some streaming writers make even small files: every size
 * and offset 0xFFFFFFFF in the headers with the real values in zip64 extra fields, and the zip64
 * end-of-directory record and locator before a classic end record whose counts are 0xFFFF.
 */
function zip64Workbook(): Uint8Array {
  const { names, parts } = unzipParts(buildXlsx({ sheets: [{ name: "Security", rows: QUESTIONS }] }));
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const push = (b: Uint8Array) => {
    chunks.push(b);
    offset += b.length;
  };
  const u64 = (v: DataView, at: number, n: number) => v.setBigUint64(at, BigInt(n), true);
  for (const name of names) {
    const raw = parts.get(name) ?? new Uint8Array();
    const data = deflateRawSync(raw);
    const nameBytes = new TextEncoder().encode(name);
    const local = new Uint8Array(30 + nameBytes.length + 20);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 45, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(14, crc32(raw), true);
    lv.setUint32(18, 0xffffffff, true);
    lv.setUint32(22, 0xffffffff, true);
    lv.setUint16(26, nameBytes.length, true);
    lv.setUint16(28, 20, true);
    local.set(nameBytes, 30);
    lv.setUint16(30 + nameBytes.length, 1, true);
    lv.setUint16(32 + nameBytes.length, 16, true);
    u64(lv, 34 + nameBytes.length, raw.length);
    u64(lv, 42 + nameBytes.length, data.length);
    const at = offset;
    push(local);
    push(data);
    const c = new Uint8Array(46 + nameBytes.length + 28);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 45, true);
    cv.setUint16(6, 45, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(16, crc32(raw), true);
    cv.setUint32(20, 0xffffffff, true);
    cv.setUint32(24, 0xffffffff, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint16(30, 28, true);
    cv.setUint32(42, 0xffffffff, true);
    c.set(nameBytes, 46);
    cv.setUint16(46 + nameBytes.length, 1, true);
    cv.setUint16(48 + nameBytes.length, 24, true);
    u64(cv, 50 + nameBytes.length, raw.length);
    u64(cv, 58 + nameBytes.length, data.length);
    u64(cv, 66 + nameBytes.length, at);
    central.push(c);
  }
  const start = offset;
  for (const c of central) push(c);
  const size = offset - start;
  const record = new Uint8Array(56);
  const rv = new DataView(record.buffer);
  rv.setUint32(0, 0x06064b50, true);
  u64(rv, 4, 44);
  rv.setUint16(12, 45, true);
  rv.setUint16(14, 45, true);
  u64(rv, 24, names.length);
  u64(rv, 32, names.length);
  u64(rv, 40, size);
  u64(rv, 48, start);
  const recordAt = offset;
  push(record);
  const locator = new Uint8Array(20);
  const lv = new DataView(locator.buffer);
  lv.setUint32(0, 0x07064b50, true);
  u64(lv, 8, recordAt);
  lv.setUint32(16, 1, true);
  push(locator);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 0xffff, true);
  ev.setUint16(10, 0xffff, true);
  ev.setUint32(12, 0xffffffff, true);
  ev.setUint32(16, 0xffffffff, true);
  push(end);
  const out = new Uint8Array(offset);
  let k = 0;
  for (const b of chunks) {
    out.set(b, k);
    k += b.length;
  }
  return out;
}

describe("odd and broken packages (issue 13's single unzip)", () => {
  it("a zip64 workbook is read, and written back as a plain zip with the answers in place", async () => {
    const bytes = zip64Workbook();
    const q = await ingestQuestionnaire(bytes, "zip64.xlsx");
    expect(q.questions.map((x) => x.text)).toEqual(QUESTIONS.slice(1).map((r) => r[1]));
    const result = writeBackXlsx(bytes, answersOf(q));
    const after = rawEntries(result.bytes);
    expect(after.map((e) => e.name)).toEqual(unzipParts(bytes).names);
    // Every untouched part's content, and its CRC, as in the zip64 original.
    const before = unzipSync(bytes);
    for (const e of after) {
      const data = unzipSync(result.bytes)[e.name] ?? new Uint8Array();
      expect(crc32(data), e.name).toBe(e.crc);
      if (e.name !== "xl/worksheets/sheet1.xml")
        expect(Buffer.from(data).equals(Buffer.from(before[e.name] ?? []))).toBe(true);
    }
    expect(cells(result.bytes, "Security").C2).toBe("Yes");
  });

  it("a truncated workbook is refused with a stable code on ingest and on write-back", async () => {
    const whole = oddWorkbook();
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    await expect(ingestQuestionnaire(new Uint8Array(cut), "cut.xlsx")).rejects.toMatchObject({ code: "corrupt_file" });
    expect(() => writeBackXlsx(new Uint8Array(cut), [])).toThrow(
      expect.objectContaining({ code: "export_invalid_xlsx" }),
    );
  });

  it("a part whose stored bytes run past the end of the file is export_invalid_xlsx, not a crash", () => {
    const bytes = new Uint8Array(oddWorkbook());
    const sheet = rawEntries(bytes).find((e) => e.name === "xl/worksheets/sheet1.xml") as RawEntry;
    const v = new DataView(bytes.buffer);
    for (let at = bytes.length - 22; at > 0; at--) {
      if (v.getUint32(at, true) !== 0x02014b50) continue;
      const n = v.getUint16(at + 28, true);
      if (strFromU8(bytes.subarray(at + 46, at + 46 + n)) === sheet.name) v.setUint32(at + 20, 0x7fffffff, true);
    }
    const answer = { sheet: "Security", row: 2, answerCell: "C2", commentCell: null, kind: "yes_no" as const };
    expect(() => writeBackXlsx(bytes, [{ ...answer, value: "Yes", text: "", allowedValues: null }])).toThrow(
      expect.objectContaining({ code: "export_invalid_xlsx" }),
    );
  });
});
