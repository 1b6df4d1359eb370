/**
 * The PDF line scanner on the layouts that are not tables: numbering schemes with sub-items, and
 * forms with Question:/Answer: labels (the fixtures numbering-schemes.pdf and form-fields.pdf carry
 * the golden cases; these are the edge cases in between).
 */
import { describe, expect, it } from "vitest";
import { scanLines } from "../../src/ingest/pdf.js";

const ids = (lines: string[]) => scanLines(lines).map((q) => [q.sourceId, q.text]);

describe("PDF line scanner", () => {
  it("gives (a), b) and (iv) sub-items their stem's number, and keeps a stem that wraps", () => {
    expect(
      ids([
        "4.2 Do you support the following",
        "authentication methods:",
        "(a) SAML 2.0?",
        "b) OpenID Connect?",
        "(iv) Hardware keys?",
        "4.3 Is MFA enforced?",
      ]),
    ).toEqual([
      ["4.2", "Do you support the following authentication methods:"],
      ["4.2(a)", "SAML 2.0?"],
      ["4.2(b)", "OpenID Connect?"],
      ["4.2(iv)", "Hardware keys?"],
      ["4.3", "Is MFA enforced?"],
    ]);
  });

  it("reads form labels with or without a number and skips what is typed after Answer:", () => {
    expect(
      ids([
        "Question 3",
        "Describe how you manage",
        "encryption keys.",
        "Answer: We use a KMS. Is that enough?",
        "Keys are rotated yearly.",
        "Question: Is data encrypted at rest?",
        "Response:",
        "Q: Where is data stored?",
        "A: ______________",
      ]),
    ).toEqual([
      ["3", "Describe how you manage encryption keys."],
      [null, "Is data encrypted at rest?"],
      [null, "Where is data stored?"],
    ]);
  });
});
