/**
 * ISO/IEC 27001 Annex A 7.9, "Security of assets off-premises": off-site assets are protected, devices
 * that store or process information outside the organisation's premises included. The remote-working
 * entry answers it (its control maps to A.7.9), not the entries on servicing laptops or patching their
 * applications, which share the devices' words. Off-site backups stay with the backups.
 */
import { describe, expect, it } from "vitest";
import { answer } from "./helpers.js";

describe("assets off-premises", () => {
  it.each([
    ["How are laptops protected when staff travel?"],
    ["Security of assets off-premises: are laptops protected when they leave the office?"],
  ])("%s -> remote-working, drafted", async (text) => {
    const r = await answer(text);
    expect(r.entryId).toBe("remote-working");
    expect(r.status).toBe("drafted");
  });

  it("off-site backups are not read as assets taken off-premises", async () => {
    expect((await answer("Are backup copies stored at a secure off-site location?")).entryId).toBe("backups");
  });
});
