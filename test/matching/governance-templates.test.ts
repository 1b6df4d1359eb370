import { describe, expect, it } from "vitest";
import { matchQuestion } from "../../src/domain/matching/match.js";
import { shippedLibrary } from "./helpers.js";

/**
 * Governance templates over one topic ("Are processes, procedures and technical measures defined,
 * implemented and evaluated for <topic>?"). Wordings written for this test; the best candidate
 * must be the topic's own entry, not a neighbour that shares the topic's words.
 */
const best = async (text: string) => matchQuestion((await shippedLibrary()).index, text, 3)[0]?.entryId;

describe("governance templates that ask for processes", () => {
  it("the entry stating the topic's process is as much the template's answer as one naming a policy", async () => {
    // vendor-risk-management names a programme and took the policy bonus alone; the ICT supply chain
    // entry states the process ("Are processes defined to manage security risks…").
    expect(
      await best(
        "Are processes, procedures and technical measures defined, implemented and evaluated for handling security risk in the ICT product and service supply chain?",
      ),
    ).toBe("ict-supply-chain");
    // The logging entry states its log management process; the anomaly-detection neighbour names procedures.
    expect(
      await best(
        "Are processes, procedures and technical measures defined, implemented and evaluated for the logging and monitoring of production servers?",
      ),
    ).toBe("security-logging");
  });
});
