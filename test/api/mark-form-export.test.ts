import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { fileForm, type Harness, harness, type Tenant } from "./harness.js";

/*
 * A form answered by marks (fixtures/checkbox-columns.xlsx: an X under "Yes" | "No" | "N/A", or
 * under "Full" | "Partial" | "None") through the real app: upload, draft, approve, export. The
 * stored answer cell is the row's span of mark columns; the exported workbook, read with SheetJS,
 * has the X under the approved value, the text in the comment cell, and the customer's own mark kept.
 */

interface Detail {
  id: string;
  sheet: string | null;
  answerCell: string | null;
  commentCell: string | null;
  allowedValues: string[] | null;
  value: string | null;
  text: string | null;
  existingAnswer: string | null;
}

function spanCells(ref: string): string[] {
  const [a, b] = ref.split(":");
  if (!a || !b) return [ref];
  const row = a.replace(/^[A-Z]+/, "");
  const from = XLSX.utils.decode_col(a.replace(/\d+$/, ""));
  const to = XLSX.utils.decode_col(b.replace(/\d+$/, ""));
  return Array.from({ length: to - from + 1 }, (_, i) => `${XLSX.utils.encode_col(from + i)}${row}`);
}

describe("a mark form over HTTP: upload → drafts → approve → export", () => {
  let h: Harness;
  let a: Tenant;
  let questionnaireId: string;

  beforeAll(async () => {
    h = await harness();
    a = await h.tenant("Vendor A");
  });
  afterAll(() => h.close());

  it("stores each question's span of mark columns and exports the X under the approved value", async () => {
    const customer = await h.call("POST", "/v1/customers", {
      key: a.adminKey,
      json: { name: "Initech", region: "eu", nda: { onFile: true, signedOn: "2025-01-10", until: "2027-01-10" } },
    });
    const upload = await h.call("POST", "/v1/questionnaires", {
      key: a.adminKey,
      form: fileForm(readFileSync("fixtures/checkbox-columns.xlsx"), "checkbox-columns.xlsx", {
        customerId: customer.body.id,
        asOf: "2026-11-24",
      }),
    });
    expect(upload.status).toBe(202);
    questionnaireId = upload.body.id;
    await h.jobs.drain();

    const list = await h.call("GET", `/v1/questionnaires/${questionnaireId}/answers?limit=500`, { key: a.adminKey });
    expect(list.body.data).toHaveLength(13);
    const details: Detail[] = [];
    for (const x of list.body.data as { id: string }[]) {
      details.push((await h.call("GET", `/v1/answers/${x.id}`, { key: a.adminKey })).body);
    }
    const marks = details.filter((d) => d.answerCell?.includes(":"));
    expect(marks.length).toBe(12);
    expect(marks.find((d) => d.existingAnswer === "No")?.answerCell).toBe("C9:E9");

    // Approve every drafted answer with a value (the customer's marked rows are drafted too, and kept).
    const approved: Detail[] = [];
    for (const d of marks) {
      if (!d.value) continue;
      const res = await h.call("POST", `/v1/answers/${d.id}/approve`, { key: a.adminKey });
      if (res.status === 200) approved.push(d);
    }
    expect(approved.filter((d) => d.existingAnswer === null).length).toBeGreaterThanOrEqual(3);

    const res = await h.call("GET", `/v1/questionnaires/${questionnaireId}/export`, { key: a.adminKey });
    expect(res.status).toBe(200);
    const after = XLSX.read(res.body, { type: "array" });
    const before = XLSX.read(readFileSync("fixtures/checkbox-columns.xlsx"), { type: "array" });
    for (const d of approved) {
      const ws = after.Sheets[d.sheet ?? ""];
      const cells = spanCells(d.answerCell ?? "");
      if (d.existingAnswer !== null) {
        // The customer's mark stays as they left it.
        for (const ref of cells) expect(ws?.[ref]?.v, ref).toBe(before.Sheets[d.sheet ?? ""]?.[ref]?.v);
        continue;
      }
      cells.forEach((ref, i) => {
        expect(ws?.[ref]?.v, `${d.sheet}!${ref}`).toBe(d.allowedValues?.[i] === d.value ? "X" : undefined);
      });
      expect(String(ws?.[d.commentCell ?? ""]?.v ?? "")).toContain((d.text ?? "").slice(0, 40));
    }
  });
});
