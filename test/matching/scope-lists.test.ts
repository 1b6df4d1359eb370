import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../src/domain/matching/analyze.js";
import { matchQuestion } from "../../src/domain/matching/match.js";
import { answer, shippedLibrary } from "./helpers.js";

/**
 * Cyber Essentials style question sets (and buyers who copy them) repeat the kinds of device a
 * practice covers in every row: "on all your desktop computers, laptops, thin clients, servers,
 * tablets and smartphones". The list says where, not what: it is read as "all devices", the list
 * itself kept as context. Wordings written for this test.
 */
describe("a list of device kinds is the practice's scope", () => {
  it("reads three or more kinds of device as all devices, the list as context", () => {
    const a = analyzeQuestion(
      "Have the factory passwords been replaced on your PCs, notebooks, virtual servers, iPads and mobile phones?",
    );
    expect(a.focus).toMatch(/\bon all devices\b/);
    expect(a.focus).not.toMatch(/notebooks|ipads/i);
    expect(a.context).toMatch(/notebooks, virtual servers, iPads and mobile phones/);
  });

  it("leaves two kinds alone: they are often the topic itself", () => {
    const a = analyzeQuestion("Are company phones and tablets enrolled in device management?");
    expect(a.focus).toMatch(/phones and tablets/);
    expect(a.context).toBe("");
  });

  it("lets the practice, not the devices, choose the entry", async () => {
    // The list drew the endpoint entry (which names laptops and computers) over the practice asked about.
    const [top] = matchQuestion(
      (await shippedLibrary()).index,
      "Were the out-of-the-box passwords on every user and admin account replaced on your desktop PCs, laptops, thin clients, servers, tablets and smartphones with ones that are hard to guess?",
      3,
    );
    expect(top?.entryId).toBe("default-credentials");
  });

  it("drafts a practice whose scope is spelled out device by device", async () => {
    const r = await answer(
      "Are your desktop computers, laptops, thin clients, tablets and smartphones protected from malicious software, either by anti-malware tools or by restricting installs to an approved list?",
    );
    expect(r.entryId).toBe("edr-antimalware");
    expect(r.status).toBe("drafted");
  });
});
