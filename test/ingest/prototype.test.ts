/**
 * A crafted workbook whose sheet names, cell texts, shared strings, defined names and list
 * validations use `__proto__` / `constructor` / `prototype` must not change Object.prototype.
 */
import { describe, expect, it } from "vitest";
import { ingestQuestionnaire } from "../../src/ingest/index.js";
import { buildXlsx, listValidation } from "./minimal-xlsx.js";

const HOSTILE = ["__proto__", "constructor", "prototype", "hasOwnProperty", "toString"];

describe("prototype pollution", () => {
  it("Object.prototype is unchanged after parsing a hostile workbook and CSV", async () => {
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const rows = [
      ["__proto__", "Question", "Answer", "constructor"],
      ["__proto__", "Is the __proto__ property polluted?", "polluted", "constructor"],
      ["constructor", "Does constructor.prototype.polluted exist?", "", ""],
      ["prototype", "Describe the prototype chain.", "", "__proto__"],
    ];
    const bytes = buildXlsx({
      shared: true,
      sheets: [
        ...HOSTILE.map((name) => ({ name, rows, afterData: listValidation("C2:C4", "__proto__!$A$1:$A$3") })),
        { name: "Lists", rows: [["__proto__"], ["constructor"], ["polluted"]] },
      ],
      definedNames: [
        { name: "__proto__", ref: "Lists!$A$1:$A$3" },
        { name: "constructor", ref: "Lists!$A$1:$A$3" },
      ],
      extra: { "xl/__proto__.xml": "<x/>", __proto__: "<polluted/>" },
    });
    const q = await ingestQuestionnaire(bytes, "__proto__.xlsx");
    const csv = new TextEncoder().encode(rows.map((r) => r.join(",")).join("\n"));
    const c = await ingestQuestionnaire(csv, "constructor.csv");

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect(typeof Object.prototype.toString).toBe("function");
    expect(typeof Object.prototype.hasOwnProperty).toBe("function");
    // And the file was still read: the sheets with ordinary-looking names yield their questions.
    expect(q.questions.length).toBeGreaterThanOrEqual(3);
    expect(c.questions.map((x) => x.location.answerCell)).toEqual(["C2", "C3", "C4"]);
    expect(c.questions[0]?.existingAnswer).toBe("polluted");
  });
});
