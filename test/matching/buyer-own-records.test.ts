import { describe, expect, it } from "vitest";
import { answer } from "./helpers.js";

describe("the buyer's own records, and systems the buyer runs itself, are not answered from the vendor's entries", () => {
  it.each([
    "Which Annex A controls have been excluded in our Council's own Statement of Applicability?",
    "Does your risk assessment cover the risks recorded in our Group's own risk register?",
    "Is your ISMS scope consistent with the controls listed in our own SoA?",
    "Does your ISO 27001 certificate cover the reporting gateway that we will host in our own data centre?",
  ])("%s is not drafted", async (text) => {
    const result = await answer(text, /^(which|what)\b/i.test(text) ? "free_text" : "yes_no");
    expect(result.status).not.toBe("drafted");
  });

  it.each([
    // The vendor's product, used from the buyer's side, and the vendor's help with the buyer's duties.
    [
      "Will you notify us of a personal data breach without undue delay, so that we can meet our own notification duties?",
      "breach-notification",
    ],
    [
      "We forward every SaaS audit trail into our own SIEM. Can tenant audit logs be streamed to a destination such as S3 or Splunk?",
      null,
    ],
  ])("%s is still drafted", async (text, entry) => {
    const result = await answer(text);
    if (entry) expect(result.entryId).toBe(entry);
    expect(result.status).toBe("drafted");
  });
});

describe("the lawful basis of the buyer's own processing is the controller's to state (GDPR Art. 6)", () => {
  it.each([
    "What is the legal basis for our processing of the personal data we send you?",
    "On which legal basis does the Controller rely for processing its employees' health records in your module?",
  ])("%s is not drafted", async (text) => {
    const result = await answer(text, "free_text");
    expect(result.status).not.toBe("drafted");
    expect(result.notes.join(" ")).toMatch(/lawful basis of the buyer's own processing/);
  });

  it("the vendor's own processing on the buyer's instructions is still drafted", async () => {
    const result = await answer("Do you process our personal data only on documented instructions?");
    expect(result.entryId).toBe("dpa");
    expect(result.status).toBe("drafted");
  });
});

describe("the buyer's own equipment on the buyer's own site is looked after under the buyer's practices", () => {
  it.each([
    "Are the hard drives in the customer's data center wiped by your engineers before they are thrown away?",
    "Are the backup tapes kept at the client's offices destroyed by your staff at end of life?",
  ])("%s is not drafted", async (text) => {
    const result = await answer(text);
    expect(result.status).not.toBe("drafted");
    expect(result.notes.join(" ")).toMatch(/buyer's own systems/);
  });

  it.each([
    ["Can the platform be deployed in our own data centre?", "on-premises-deployment"],
    ["How do you securely dispose of laptops and storage media?", "equipment-disposal"],
  ])("%s is still drafted", async (text, entry) => {
    const result = await answer(text, /^how\b/i.test(text) ? "free_text" : "yes_no");
    expect(result.entryId).toBe(entry);
    expect(result.status).toBe("drafted");
  });
});

describe("what the buyer has put into its own account until now is a record of the tenant", () => {
  it.each([
    "Which kinds of our customers' personal information have been uploaded to your service so far?",
    "What records have we imported into the platform to date?",
  ])("%s is not drafted", async (text) => {
    const result = await answer(text, "free_text");
    expect(result.status).not.toBe("drafted");
    expect(result.notes.join(" ")).toMatch(/details of the buyer's tenant/);
  });

  it("the kinds of personal data the service processes are still drafted", async () => {
    const result = await answer("Which categories of personal data does your platform process?", "free_text");
    expect(result.entryId).toBe("personal-data-categories");
    expect(result.status).toBe("drafted");
  });
});

describe("the buyer's own account or servers as the place a product option puts something", () => {
  it.each([
    ["Can encryption keys be kept in the customer's own key management account (BYOK)?", "byok"],
    ["Can the product be hosted in the client's own infrastructure?", "on-premises-deployment"],
  ])("%s is drafted from the product's entry", async (text, entry) => {
    const result = await answer(text);
    expect(result.entryId).toBe(entry);
    expect(result.status).toBe("drafted");
  });

  it("the buyer's own process is still the buyer's to confirm", async () => {
    const result = await answer("Is the customer's own change process followed by your engineers?");
    expect(result.status).not.toBe("drafted");
  });
});
