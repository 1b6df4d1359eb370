import { describe, expect, it } from "vitest";
import type { CustomerContext } from "../../src/domain/answering/customer.js";
import { type CitationRequest, decideCitations } from "../../src/domain/citation/policy.js";
import type { Artifact, Control } from "../../src/domain/library/types.js";

const encryption: Control = {
  id: "CTL-ENC-01",
  title: "Encryption at rest",
  description: "Customer data is encrypted at rest with AES-256.",
  status: "implemented",
  refs: [
    { framework: "ISO27001:2022", ref: "A.8.24" },
    { framework: "SOC2", ref: "CC6.1" },
  ],
};
const privacyNotice: Control = {
  id: "CTL-PRV-01",
  title: "Privacy notice",
  description: "Data subjects are told how personal data is processed.",
  status: "implemented",
  refs: [{ framework: "SOC2", ref: "P1.1" }],
};
const outsourcedDev: Control = {
  id: "CTL-DEV-09",
  title: "Outsourced development",
  description: "Outsourced development is approved and supervised.",
  status: "implemented",
  refs: [{ framework: "ISO27001:2022", ref: "A.8.30" }],
};

const soc2Type2: Artifact = {
  id: "soc2-t2",
  type: "soc2-type2",
  title: "SOC 2 Type II 2025-26",
  access: "nda",
  controls: [],
  auditor: "Calder & Wright LLP",
  periodStart: "2025-10-01",
  periodEnd: "2026-09-30",
  categories: ["security", "availability", "confidentiality"],
  opinion: "unqualified",
};
const soc2Type1: Artifact = {
  id: "soc2-t1",
  type: "soc2-type1",
  title: "SOC 2 Type I",
  access: "nda",
  controls: [],
  auditor: "Calder & Wright LLP",
  periodStart: "2026-06-30",
  periodEnd: "2026-06-30",
  categories: ["security"],
  opinion: "unqualified",
};
const iso: Artifact = {
  id: "iso-cert",
  type: "iso27001-certificate",
  title: "ISO/IEC 27001:2022 certificate",
  access: "public",
  controls: [],
  edition: "2022",
  body: "Nordhaven Certification Ltd",
  certificateNumber: "HM-1",
  scope: "The ISMS of the analytics platform",
  issued: "2025-03-14",
  expires: "2028-03-13",
  surveillanceAudits: [{ due: "2026-03-14", completed: "2026-02-19" }, { due: "2027-03-14" }],
  soaExclusions: [{ ref: "A.8.30", justification: "No development is outsourced." }],
};
const bridge: Artifact = {
  id: "bridge",
  type: "bridge-letter",
  title: "Bridge letter",
  access: "nda",
  controls: [],
  bridges: "soc2-t2",
  issued: "2026-10-15",
  expires: "2027-03-31",
};
const internalPolicy: Artifact = {
  id: "crypto-policy",
  type: "policy",
  title: "Cryptography policy",
  access: "internal",
  controls: ["CTL-ENC-01"],
};

const customer = (over: Partial<CustomerContext> = {}): CustomerContext => ({
  region: "us",
  ndaOnFile: true,
  asOf: "2026-11-24",
  ...over,
});

const decide = (over: Partial<CitationRequest> = {}) =>
  decideCitations({
    controls: [encryption],
    directArtifactIds: [],
    artifacts: [soc2Type2, iso],
    customer: customer(),
    euRegulation: false,
    ...over,
  });

const cited = (d: ReturnType<typeof decideCitations>) => d.citations.map((c) => c.artifactId);
const withheldReason = (d: ReturnType<typeof decideCitations>, id: string) =>
  d.withheld.find((w) => w.artifactId === id)?.reason;

describe("citation policy", () => {
  it("cites both attestations for a covered control, SOC 2 Type II first for a US buyer", () => {
    const d = decide();
    expect(cited(d)).toEqual(["soc2-t2", "iso-cert"]);
    expect(d.citations[0]?.reason).toMatch(/US buyers expect a SOC 2 Type II/);
    expect(d.withheld).toEqual([]);
  });

  it.each(["eu", "uk", "apac"] as const)("puts ISO 27001 first for a %s buyer", (region) => {
    const d = decide({ customer: customer({ region }) });
    expect(cited(d)).toEqual(["iso-cert", "soc2-t2"]);
    expect(d.citations[0]?.reason).toMatch(new RegExp(`preferred by ${region.toUpperCase()} buyers`));
  });

  it("prefers ISO 27001 for GDPR / NIS2 questions even for a US buyer", () => {
    const d = decide({ euRegulation: true });
    expect(cited(d)[0]).toBe("iso-cert");
    expect(d.citations[0]?.reason).toMatch(/GDPR Art\. 32 \/ NIS2/);
  });

  it("withholds the NDA-only SOC 2 report when no NDA is on file, and says so", () => {
    const d = decide({ customer: customer({ ndaOnFile: false }) });
    expect(cited(d)).toEqual(["iso-cert"]);
    expect(withheldReason(d, "soc2-t2")).toMatch(/withheld: no NDA on file/);
  });

  it("withholds the SOC 2 report when the NDA has expired", () => {
    const d = decide({ customer: customer({ ndaOnFile: true, ndaUntil: "2026-01-31" }) });
    expect(withheldReason(d, "soc2-t2")).toMatch(/NDA expired on 2026-01-31/);
  });

  it("never cites an expired certificate", () => {
    const d = decide({ customer: customer({ asOf: "2028-04-01" }) });
    expect(cited(d)).not.toContain("iso-cert");
    expect(withheldReason(d, "iso-cert")).toMatch(/expired on 2028-03-13/);
  });

  it("withholds a certificate whose surveillance audit is overdue", () => {
    const d = decide({ customer: customer({ asOf: "2027-04-01" }) });
    expect(withheldReason(d, "iso-cert")).toMatch(/surveillance audit due 2027-03-14 has not been completed/);
  });

  it("refuses a 2013-edition certificate after the transition deadline", () => {
    const old: Artifact = {
      ...iso,
      id: "iso-2013",
      edition: "2013",
      issued: "2023-01-01",
      expires: "2026-12-31",
      surveillanceAudits: [],
    } as Artifact;
    const d = decide({ artifacts: [old] });
    expect(withheldReason(d, "iso-2013")).toMatch(/2013-edition certificate is no longer valid after 2025-10-31/);
  });

  it("treats a SOC 2 report as current for 12 months after its period end", () => {
    expect(cited(decide({ customer: customer({ asOf: "2027-09-30" }) }))).toContain("soc2-t2");
    const late = decide({ customer: customer({ asOf: "2027-10-01" }) });
    expect(cited(late)).not.toContain("soc2-t2");
    expect(withheldReason(late, "soc2-t2")).toMatch(/no longer current/);
  });

  it("never offers a Type I report as proof of operating effectiveness", () => {
    const d = decide({ artifacts: [soc2Type1, iso] });
    expect(cited(d)).toEqual(["iso-cert"]);
    expect(withheldReason(d, "soc2-t1")).toMatch(/not operating effectiveness/);
  });

  it("cites a Type I only when the buyer asks about that report directly", () => {
    const d = decide({ artifacts: [soc2Type1], directArtifactIds: ["soc2-t1"] });
    expect(cited(d)).toEqual(["soc2-t1"]);
  });

  it("withholds the SOC 2 report when the criterion's category was not in scope", () => {
    const d = decide({ controls: [privacyNotice] });
    expect(cited(d)).toEqual([]);
    expect(withheldReason(d, "soc2-t2")).toMatch(/Privacy \(P1\.1\) not in the report's scope/);
  });

  it("withholds the ISO certificate for an Annex A control excluded in the SoA", () => {
    const d = decide({ controls: [outsourcedDev] });
    expect(withheldReason(d, "iso-cert")).toMatch(/A\.8\.30 excluded in the Statement of Applicability/);
  });

  it("adds the bridge letter after the report period has ended", () => {
    const d = decide({ artifacts: [soc2Type2, iso, bridge] });
    // At most two citations: the certificate is still allowed, so it is offered on request.
    expect(cited(d)).toEqual(["soc2-t2", "bridge"]);
    expect(d.onRequest.map((c) => c.artifactId)).toEqual(["iso-cert"]);
    const before = decide({ artifacts: [soc2Type2, iso, bridge], customer: customer({ asOf: "2026-09-30" }) });
    expect(cited(before)).not.toContain("bridge");
  });

  it("does not cite a bridge letter for a report it cannot cite", () => {
    const d = decide({ artifacts: [soc2Type2, iso, bridge], customer: customer({ ndaOnFile: false }) });
    expect(cited(d)).toEqual(["iso-cert"]);
  });

  it("never shares an internal document, and explains why", () => {
    const d = decide({ artifacts: [internalPolicy] });
    expect(cited(d)).toEqual([]);
    expect(withheldReason(d, "crypto-policy")).toMatch(/internal only/);
  });

  it("ignores artifacts that have nothing to do with the answer", () => {
    const d = decide({ controls: [privacyNotice], artifacts: [iso, internalPolicy] });
    expect(d.citations).toEqual([]);
    expect(d.withheld).toEqual([]);
  });
});
