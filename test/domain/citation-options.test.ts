import { beforeAll, describe, expect, it } from "vitest";
import type { PreparedLibrary } from "../../src/domain/answering/answer-questions.js";
import { type CitationOptions, citationOptions, citeEntries } from "../../src/domain/answering/cite.js";
import type { CustomerContext } from "../../src/domain/answering/customer.js";
import { prepareLibrary } from "../../src/domain/answering/prepare.js";
import type { Artifact, Library, LibraryEntry } from "../../src/domain/library/types.js";
import { loadLibraryDir } from "../../src/library-files/load.js";

/**
 * What a reviewer may cite by hand: the shipped library plus a SOC 2 Type I report, against the
 * customer's region and NDA, the as-of date, the report's categories in scope and product features.
 */
const typeOne: Artifact = {
  id: "soc2-type1-2026",
  type: "soc2-type1",
  title: "SOC 2 Type I (readiness)",
  access: "nda",
  controls: [],
  auditor: "Calder & Wright LLP",
  periodStart: "2026-06-30",
  periodEnd: "2026-06-30",
  categories: ["security", "privacy"],
  opinion: "unqualified",
};
const entry = (id: string, controls: string[], extra: Partial<LibraryEntry> = {}): LibraryEntry => ({
  id,
  topic: "test",
  question: `Question answered by ${id}?`,
  phrasings: [],
  short: "Yes",
  answer: "Yes. An answer long enough for the schema.",
  controls,
  artifacts: [],
  owner: "Security GRC",
  lastReviewed: "2026-01-01",
  reviewBy: "2030-01-01",
  ...extra,
});

let prepared: PreparedLibrary;
beforeAll(async () => {
  const shipped = await loadLibraryDir("answer-library");
  const library: Library = {
    ...shipped,
    artifacts: [...shipped.artifacts, typeOne],
    entries: [
      ...shipped.entries,
      entry("t-encryption", ["CTL-ENC-01"]),
      entry("t-privacy-requests", ["CTL-PRV-02"]),
      entry("t-feature", ["CTL-ENC-01"], { productFeature: true }),
    ],
  };
  prepared = prepareLibrary(library);
});

const US_NDA: CustomerContext = { region: "us", ndaOnFile: true, asOf: "2026-11-24" };
const US_NO_NDA: CustomerContext = { region: "us", ndaOnFile: false, asOf: "2026-11-24" };
const EU_NDA: CustomerContext = { region: "eu", ndaOnFile: true, asOf: "2026-11-24" };
const options = (entryId: string | null, customer: CustomerContext): CitationOptions =>
  citationOptions(prepared, entryId ? [prepared.entriesById.get(entryId) as LibraryEntry] : [], "Is it so?", customer);
const ids = (list: { artifactId: string }[]) => list.map((c) => c.artifactId);
const why = (o: CitationOptions, id: string) => o.notAllowed.find((c) => c.artifactId === id)?.reason;

describe("citation options for a reviewer", () => {
  it("offers both attestations with an NDA, in the region's order, and never a Type I as proof", () => {
    const us = options("t-encryption", US_NDA);
    // US: the Type II first, its bridge letter (the period has ended) next, then the certificate.
    expect(ids(us.allowed).slice(0, 3)).toEqual(["soc2-type2-2026", "soc2-bridge-2026q4", "iso27001-cert-2025"]);
    expect(ids(options("t-encryption", EU_NDA).allowed)[0]).toBe("iso27001-cert-2025");
    // This Type I predates the Type II's period end: replaced, and a Type I proves no operation anyway.
    expect(why(us, "soc2-type1-2026")).toMatch(/not current on 2026-11-24/);
    const alone = citationOptions(
      prepareLibrary({ ...prepared.library, artifacts: [typeOne] }),
      [prepared.entriesById.get("t-encryption") as LibraryEntry],
      "Is it so?",
      US_NDA,
    );
    expect(alone.allowed).toEqual([]);
    expect(why(alone, "soc2-type1-2026")).toMatch(/Type I report shows design/);
  });

  it("withholds NDA-only evidence from a customer without an NDA, with the reason", () => {
    const o = options("t-encryption", US_NO_NDA);
    expect(ids(o.allowed)).toContain("iso27001-cert-2025");
    expect(ids(o.allowed)).not.toContain("soc2-type2-2026");
    expect(why(o, "soc2-type2-2026")).toMatch(/no NDA on file/);
  });

  it("judges validity on the questionnaire's as-of date", () => {
    const o = options("t-encryption", { ...US_NDA, asOf: "2028-06-01" });
    expect(ids(o.allowed)).not.toContain("iso27001-cert-2025");
    expect(why(o, "iso27001-cert-2025")).toBeTruthy();
  });

  it("refuses a SOC 2 report whose categories do not cover the answer's criteria", () => {
    const o = options("t-privacy-requests", US_NDA);
    expect(why(o, "soc2-type2-2026")).toMatch(/Privacy .*not in the report's scope/);
    expect(ids(o.allowed)).toContain("iso27001-cert-2025");
  });

  it("offers no attestation for a product feature, and nothing for an answer with no entry", () => {
    const feature = options("t-feature", US_NDA);
    expect(ids(feature.allowed)).not.toContain("soc2-type2-2026");
    expect(ids(feature.allowed)).not.toContain("iso27001-cert-2025");
    const none = options(null, US_NDA);
    expect(none.allowed).toEqual([]);
    expect(why(none, "iso27001-cert-2025")).toMatch(/no library entry/);
  });

  it("lists every library artifact once, allowed or not, and agrees with what drafting cites", () => {
    for (const customer of [US_NDA, US_NO_NDA, EU_NDA]) {
      const o = options("t-encryption", customer);
      const all = [...ids(o.allowed), ...ids(o.notAllowed)].sort();
      expect(all).toEqual(prepared.library.artifacts.map((a) => a.id).sort());
      const drafted = citeEntries(
        prepared,
        [prepared.entriesById.get("t-encryption") as LibraryEntry],
        "Is it so?",
        customer,
      );
      expect(ids(o.allowed)).toEqual([...ids(drafted.citations), ...ids(drafted.onRequest)]);
    }
  });
});
