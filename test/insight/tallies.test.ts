import { describe, expect, it } from "vitest";
import { sumControls } from "../../src/domain/insight/demand.js";
import type { ControlTally } from "../../src/domain/insight/record.js";
import { addControlTallies, type ControlTotals } from "../../src/services/insights/tallies.js";

/** The reference: every row's JSON parsed and summed by the domain. */
function reference(stored: readonly string[]) {
  const rows = stored.map((json) => ({ controls: JSON.parse(json) as Record<string, ControlTally> }));
  return sumControls(rows as never);
}

function summed(stored: readonly string[]): ControlTotals {
  const totals: ControlTotals = new Map();
  for (const json of stored) addControlTallies(totals, json);
  return totals;
}

describe("addControlTallies", () => {
  it("sums what JSON.stringify stored exactly as parsing it would", () => {
    const stored = [
      JSON.stringify({ "CTL-IAM-01": [3, 1, 1, 1], "CTL-HR-04": [2, 0, 2, 0] }),
      JSON.stringify({ "CTL-IAM-01": [12, 10, 0, 2] }),
      JSON.stringify({}),
      JSON.stringify({ "CTL-BCP-02": [1_000_000, 999_999, 0, 1], "CTL-HR-04": [1, 1, 0, 0] }),
    ];
    const totals = summed(stored);
    expect(totals).toEqual(reference(stored));
    expect(totals.get("CTL-IAM-01")).toEqual([15, 11, 1, 3]);
    expect(totals.get("CTL-HR-04")).toEqual([3, 1, 2, 0]);
  });

  it("parses any other shape instead of misreading it, and adds nothing twice", () => {
    const stored = [
      '{ "CTL-A": [1, 1, 0, 0] }',
      '{"CTL-\\"B\\"":[2,1,1,0]}',
      '{"CTL-A":[1,0,0,1],"CTL-C":[1.5,0,0,1]}',
      '{"CTL-A":[1,1,0,0],"CTL-D":[12345678901234567,0,0,0]}',
      '{"CTL-A":[-1,0,0,0]}',
    ];
    const totals = summed(stored);
    expect(totals).toEqual(reference(stored));
    expect(totals.get("CTL-A")).toEqual([2, 2, 0, 1]);
    expect(totals.get('CTL-"B"')).toEqual([2, 1, 1, 0]);
    expect(totals.get("CTL-C")).toEqual([1.5, 0, 0, 1]);
  });

  it("rejects stored text that is not JSON, as parsing did", () => {
    expect(() => summed(['{"CTL-A":[1,1,0,0]'])).toThrow(SyntaxError);
  });
});
