import { describe, expect, it } from "vitest";
import { answer } from "./helpers.js";

/**
 * Questions that ask whether the weaker practice happens ("Are users granted local admin rights?"):
 * the entry that answers them states the safeguard, so its "Yes" must come out as "No" (and, flipped,
 * go to a reviewer) rather than a blind "Yes". Wordings written for this test.
 */
describe("admin rights and privileged accounts asked the weak way round get no blind Yes", () => {
  it.each([
    "Are standard users granted local administrator rights on their workstations?",
    "Are employees given admin rights on their laptops so they can install what they need?",
    "Are privileged accounts permitted to be used for routine activities such as reading email?",
    "Is the AWS root (or break-glass) account used for routine administrative work?",
  ])("%s", async (text) => {
    const r = await answer(text);
    expect(r.answer?.value).toBe("No");
  });
});

describe("staff using public AI tools with customer data, asked the weak way round, gets no blind Yes", () => {
  it.each([
    "Are employees allowed to use public AI tools such as ChatGPT with customer data?",
    "Can staff use consumer generative AI services with confidential customer information?",
  ])("%s", async (text) => {
    const r = await answer(text);
    expect(r.entryId).toBe("ai-staff-use");
    expect(r.answer?.value).toBe("No");
  });
  it("the prohibition told as such is still a Yes", async () => {
    const r = await answer("Do you prohibit staff from using public AI tools with customer data?");
    expect(r.entryId).toBe("ai-staff-use");
    expect(r.answer?.value).toBe("Yes");
  });
});
