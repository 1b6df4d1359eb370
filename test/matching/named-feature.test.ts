import { describe, expect, it } from "vitest";
import { answer } from "./helpers.js";

describe("a product feature asked by its name is not drafted from an entry that never names it", () => {
  it.each([
    "Does your product include a built-in Statement of Applicability generator for our ISO 27001 certification?",
    "Does the platform include a native audit evidence collector for ISO 27001 certification audits?",
    "Does your service include a built-in policy template library for ISO 27001?",
    "Does the product offer a built-in right-to-audit clause generator?",
    "Does your platform include a built-in penetration test scheduler?",
  ])("%s goes to review", async (text) => {
    const result = await answer(text);
    expect(result.status).not.toBe("drafted");
  });

  it.each([
    ["Does the application offer role-based access control with custom roles?", "customer-rbac"],
    ["Does your product include generative AI or large language model functionality?", "ai-use-in-product"],
  ])("%s is still drafted", async (text, entry) => {
    const result = await answer(text);
    expect(result.entryId).toBe(entry);
    expect(result.status).toBe("drafted");
  });
});
