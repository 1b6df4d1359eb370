import { ISO27001_2022_ANNEX_A } from "../../src/domain/library/reference-iso27001.js";
import { SOC2_TSC } from "../../src/domain/library/reference-soc2.js";
import type {
  Artifact,
  Control,
  FrameworkRef,
  Iso27001Certificate,
  Library,
  LibraryEntry,
  Soc2Report,
} from "../../src/domain/library/types.js";

type OtherArtifact = Exclude<Artifact, Soc2Report | Iso27001Certificate>;

/** The day every small test library is judged on. */
export const AS_OF = "2026-11-24";

const inScopeSoc2 = SOC2_TSC.filter((c) => /^(CC|A1|C1)/.test(c.id)).map((c) => c.id);

/** One control that maps every Annex A control and every in-scope SOC 2 criterion, so coverage is complete. */
export function control(overrides: Partial<Control> = {}): Control {
  const refs: FrameworkRef[] = [
    ...ISO27001_2022_ANNEX_A.map((a) => ({ framework: "ISO27001:2022" as const, ref: a.id })),
    ...inScopeSoc2.map((ref) => ({ framework: "SOC2" as const, ref })),
    { framework: "NIS2", ref: "21(2)(h)" },
    { framework: "GDPR", ref: "32(1)(a)" },
  ];
  return {
    id: "CTL-ENC-01",
    title: "Encryption at rest",
    description: "Customer data is encrypted at rest with AES-256 keys held in a KMS.",
    status: "implemented",
    owner: "Platform Security",
    refs,
    ...overrides,
  };
}

export function entry(overrides: Partial<LibraryEntry> = {}): LibraryEntry {
  return {
    id: "encryption-at-rest",
    topic: "cryptography",
    question: "Is customer data encrypted at rest?",
    phrasings: [
      "Describe how stored databases and backups are protected.",
      "AES-256 storage encryption",
      "Do you use a KMS for disk keys?",
    ],
    short: "Yes",
    answer: "Yes. All customer data at rest is encrypted with AES-256 using keys held in AWS KMS.",
    controls: ["CTL-ENC-01"],
    artifacts: [],
    owner: "Platform Security",
    lastReviewed: "2026-06-01",
    reviewBy: "2027-06-01",
    ...overrides,
  };
}

export function soc2Report(overrides: Partial<Soc2Report> = {}): Soc2Report {
  return {
    id: "soc2-type2-2026",
    type: "soc2-type2",
    title: "SOC 2 Type II report",
    access: "nda",
    controls: [],
    auditor: "Calder & Wright LLP",
    periodStart: "2025-10-01",
    periodEnd: "2026-09-30",
    categories: ["security", "availability", "confidentiality"],
    opinion: "unqualified",
    ...overrides,
  };
}

export function isoCertificate(overrides: Partial<Iso27001Certificate> = {}): Iso27001Certificate {
  return {
    id: "iso27001-cert-2025",
    type: "iso27001-certificate",
    title: "ISO/IEC 27001:2022 certificate",
    access: "public",
    controls: [],
    edition: "2022",
    body: "Nordhaven Certification Ltd",
    certificateNumber: "HM-ISMS-40721",
    scope: "The ISMS supporting the analytics platform.",
    issued: "2025-03-14",
    expires: "2028-03-13",
    surveillanceAudits: [{ due: "2026-03-14", completed: "2026-02-19" }, { due: "2027-03-14" }],
    soaExclusions: [],
    ...overrides,
  };
}

export function policy(overrides: Partial<OtherArtifact> = {}): OtherArtifact {
  return {
    id: "policy-cryptography",
    type: "policy",
    title: "Cryptography Standard",
    access: "nda",
    controls: ["CTL-ENC-01"],
    issued: "2026-04-06",
    ...overrides,
  };
}

/** A small library with no findings at all; each test breaks one thing in it. */
export function smallLibrary(overrides: Partial<Library> = {}): Library {
  return {
    controls: [control()],
    artifacts: [soc2Report(), isoCertificate(), policy()],
    entries: [entry()],
    ...overrides,
  };
}
