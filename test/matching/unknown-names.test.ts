/**
 * Names the library never writes (products, technologies, schemes) in what a question asks: no entry
 * vouches for them, so the question goes to review. Questions written here in this test's own words.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "../../src/domain/drafting/draft.js";
import { buildQuery, matchQuery } from "../../src/domain/matching/match.js";
import { unknownNames } from "../../src/domain/matching/unknown-names.js";
import { answer, shippedLibrary } from "./helpers.js";

describe("names the library never writes", () => {
  it("finds capitalised names and acronyms in the ask, not the first word, examples or asides", async () => {
    const { index } = await shippedLibrary();
    expect(unknownNames(index, "Is Splunk used as your SIEM?")).toEqual(["Splunk"]);
    expect(unknownNames(index, "Are OT and SCADA networks segmented from IT?")).toEqual(
      expect.arrayContaining(["SCADA"]),
    );
    // The library's own products and acronyms are known.
    expect(unknownNames(index, "Does CrowdStrike run on every laptop?")).toEqual([]);
    expect(unknownNames(index, "Is MFA enforced through Okta?")).toEqual([]);
    // Sentence-initial capitals, examples and parentheses are not names the ask turns on.
    expect(unknownNames(index, "Quarterly access reviews are performed?")).toEqual([]);
    expect(unknownNames(index, "Do you support SSO with an identity provider such as Shibboleth?")).toEqual([]);
    expect(unknownNames(index, "Are developers trained in secure coding (e.g. CSSLP)?")).toEqual([]);
    // The parties' defined terms in tenders and contracts are roles, not names.
    expect(unknownNames(index, "Does the Bidder encrypt the Authority's data at rest?")).toEqual([]);
    expect(unknownNames(index, "Will the Tenderer notify the Council of a breach?")).toEqual([]);
    // A name in a party's place (whose data, who is told) is the buyer's, not a product's.
    expect(unknownNames(index, "Will Contoso data be encrypted at rest?")).toEqual([]);
    expect(unknownNames(index, "Will you notify Fabrikam of a breach within 72 hours?")).toEqual([]);
    // A legal reference's word before its number points to a clause ("Art. 32 GDPR", "Annex II").
    expect(unknownNames(index, "Are records of processing kept as required by Art. 30(2)?")).toEqual([]);
    expect(unknownNames(index, "Is a representative appointed under Article 27 GDPR?")).toEqual([]);
    expect(unknownNames(index, "Do transfers rely on the Annex II measures?")).toEqual([]);
    expect(unknownNames(index, "Do you store designs in Art as your repository?")).toEqual(["Art"]);
    // The form's own columns and answers, and an environment's stage, name nothing.
    expect(unknownNames(index, "Is the DR plan tested yearly? Provide the date of the last test in Comment.")).toEqual(
      [],
    );
    expect(unknownNames(index, "Is live data ever copied to dev or QA environments?")).toEqual([]);
    expect(unknownNames(index, "Is CUI protected by encryption when it is at rest?")).toEqual([]);
    // A regulator named as whom a breach went to, and a pull request, are no product names.
    expect(unknownNames(index, "Have you ever been investigated by the HHS Office for Civil Rights?")).toEqual([]);
    expect(unknownNames(index, "Can a developer approve their own PR?")).toEqual([]);
    // A SOC 2 criterion's id and "OK" name nothing.
    expect(unknownNames(index, "Is access restricted as SOC 2 CC6.1 describes?")).toEqual([]);
    expect(unknownNames(index, "We will add our security schedule to the contract. Is that OK?")).toEqual([]);
    expect(unknownNames(index, "Do you send logs to Splunk?")).toEqual(["Splunk"]);
    // In a law's title a word the library never writes names a law it does not answer for; a title of
    // known words ("the Data Protection Act 2018") and other title-cased runs stay unnamed.
    expect(unknownNames(index, "Do you comply with the Australian Privacy Act 1988?")).toEqual(["Australian"]);
    expect(unknownNames(index, "Have you published a Modern Slavery Act statement?")).toEqual(["Slavery"]);
    expect(unknownNames(index, "Do you comply with the UK Data Protection Act 2018?")).toEqual([]);
    expect(unknownNames(index, "Is data kept within the European Economic Area?")).toEqual([]);
    // A parenthesis after an example clause is still an aside: the full stop of "Art." inside it
    // does not end the clause and leave the cited law behind as a name.
    expect(
      unknownNames(index, "Do you keep an inventory of assets, including their interdependencies (Art. 8 DORA)?"),
    ).toEqual([]);
    expect(unknownNames(index, "Do you keep an inventory of assets, including those run with Ansible?")).toEqual([]);
    expect(unknownNames(index, "Do you keep an inventory of assets in Ansible (all of them)?")).toEqual(["Ansible"]);
    // A law written next to its clause is where the question comes from; alone, it is what is asked.
    expect(unknownNames(index, "Under Art. 11 DORA, do you have an ICT continuity policy?")).toEqual([]);
    expect(unknownNames(index, "Is threat information shared with peers, as DORA Article 45 expects?")).toEqual([]);
    expect(unknownNames(index, "Are you DORA compliant?")).toEqual(["DORA"]);
    expect(unknownNames(index, "Is DORA in scope of your next audit?")).toEqual(["DORA"]);
  });

  it.each([
    "Is Splunk used as your SIEM?",
    "Are OT and SCADA networks segmented from the corporate network?",
    "Do you host open-source LLMs on your own GPUs?",
  ])("%s goes to review, whatever entry leads", async (text) => {
    const { index } = await shippedLibrary();
    for (const c of matchQuery(index, buildQuery(index, text), 5))
      expect(c.confidence, c.entryId).toBeLessThan(DEFAULT_THRESHOLDS.draft);
    expect((await answer(text)).status).not.toBe("drafted");
  });

  it("a name the library writes still drafts", async () => {
    expect(await answer("Do you use CrowdStrike as your EDR?")).toMatchObject({
      status: "drafted",
      entryId: "edr-antimalware",
    });
  });
});

describe("a protocol with its version run on", () => {
  it("is known when the protocol is: SSLv3 and TLSv1.3 are SSL and TLS", async () => {
    const { index } = await shippedLibrary();
    expect(unknownNames(index, "Is TLS 1.0, TLS 1.1 or SSLv3 still accepted on any public-facing endpoint?")).toEqual(
      [],
    );
    expect(unknownNames(index, "Is TLSv1.3 enforced on every endpoint?")).toEqual([]);
    // The library writes WPA3: WPA2 is the same protocol in another version.
    expect(unknownNames(index, "Is office Wi-Fi secured with WPA2?")).toEqual([]);
    expect(unknownNames(index, "Do you monitor devices over SNMPv3?")).toEqual(["SNMPv3"]);
  });
});
