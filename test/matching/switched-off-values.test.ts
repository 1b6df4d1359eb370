import { describe, expect, it } from "vitest";
import { choiceFromText } from "../../src/domain/drafting/values.js";
import { answer } from "./helpers.js";

describe("a choice the entry names only as switched off is not its answer", () => {
  it("a value named only in a clause that disables or refuses it is not stated", () => {
    const text = "Staff sign in with a FIDO2 security key. SMS and voice factors are disabled.";
    expect(choiceFromText(["SMS", "Email code"], text, "Which second factors do you allow?")).toBeNull();
    // Named once as refused and once as used, it is stated.
    expect(
      choiceFromText(["SMS"], "SMS codes are not accepted for admins, but customers may use SMS.", "Which factors?"),
    ).toBe("SMS");
  });

  it("a security key is the hardware key a list of factors names", () => {
    const text = "Staff sign in with a FIDO2 security key. SMS and voice factors are disabled.";
    expect(choiceFromText(["SMS", "Authenticator app", "Hardware key"], text, "Which factors?")).toBe("Hardware key");
  });

  it("the employee MFA entry answers a list of factors with the key, not with SMS", async () => {
    const r = await answer(
      "What second factors can employees use to sign in? (SMS text message / Mobile authenticator app / Hardware security key)",
      "choice",
      ["SMS text message", "Mobile authenticator app", "Hardware security key"],
    );
    expect(r.entryId).toBe("staff-mfa");
    expect(r.answer?.value).toBe("Hardware security key");
  });
});
