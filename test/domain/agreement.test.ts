import { describe, expect, it } from "vitest";
import { approvalValueProblem, disagreement } from "../../src/domain/answering/agreement.js";
import { entry } from "../library/fixture.js";

const yesNo = (text: string, allowedValues: string[] | null = ["Yes", "No", "N/A"]) => ({
  text,
  kind: "yes_no",
  allowedValues,
});

describe("an approved value against its library entry", () => {
  const encrypted = entry({ question: "Is customer data encrypted at rest?", short: "Yes" });

  it("agrees when the values mean the same, whatever the wording", () => {
    expect(disagreement(yesNo("Do you encrypt stored data?"), "Yes", encrypted)).toBeNull();
    expect(
      disagreement(yesNo("Do you encrypt stored data?", ["Yes - Fully", "No"]), "Yes - Fully", encrypted),
    ).toBeNull();
  });

  it("disagrees when the reviewer approved the opposite", () => {
    expect(disagreement(yesNo("Do you encrypt stored data?"), "No", encrypted)).toBe(
      '"No" was approved where entry encryption-at-rest answers "Yes"',
    );
  });

  it("reads the entry's value in the question's sense", () => {
    const inverse = yesNo("Is any customer data stored unencrypted?");
    expect(disagreement(inverse, "No", encrypted)).toBeNull();
    expect(disagreement(inverse, "Yes", encrypted)).toMatch(
      /answers "No" \(its "Yes" read for a question asked the other way round\)/,
    );
  });

  it("compares a frequency entry only with a question that names that frequency", () => {
    const annual = entry({ id: "dr-testing", question: "How often do you test your DR plan?", short: "Annually" });
    expect(disagreement(yesNo("Is the DR plan exercised at least annually?"), "Yes", annual)).toBeNull();
    expect(disagreement(yesNo("Is the DR plan exercised at least annually?"), "No", annual)).toMatch(/answers "Yes"/);
    expect(disagreement(yesNo("Do you have a DR plan?"), "No", annual)).toBeNull();
    expect(
      disagreement(
        { text: "How often?", kind: "choice", allowedValues: ["Quarterly", "Annually"] },
        "Quarterly",
        annual,
      ),
    ).toMatch(/"Quarterly" was approved where entry dr-testing answers "Annually"/);
  });

  it("has nothing to compare for a free-text entry or answer", () => {
    expect(disagreement(yesNo("Do you encrypt?"), "No", entry({ short: null }))).toBeNull();
    expect(disagreement({ text: "Describe", kind: "free_text", allowedValues: null }, null, encrypted)).toBeNull();
  });
});

describe("approving needs a value the question allows", () => {
  it("for Yes/No and choice questions, not free text", () => {
    expect(approvalValueProblem(yesNo("Q?"), null)).toMatch(/needs a value \(Yes, No, N\/A\)/);
    expect(approvalValueProblem(yesNo("Q?"), "Maybe")).toMatch(/not one of the allowed values/);
    expect(approvalValueProblem(yesNo("Q?"), "yes")).toBeNull();
    expect(approvalValueProblem(yesNo("Q?", null), "Sometimes")).toMatch(/not Yes, No or N\/A/);
    expect(approvalValueProblem({ text: "Describe", kind: "free_text", allowedValues: null }, null)).toBeNull();
  });
});
