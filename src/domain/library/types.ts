import { z } from "zod";
import { IsoDateSchema } from "../dates.js";

/** Frameworks a control can be mapped to. One control set, cited per framework. */
export const FrameworkSchema = z.enum(["ISO27001:2022", "SOC2", "NIS2", "GDPR"]);
export type Framework = z.infer<typeof FrameworkSchema>;

export const FrameworkRefSchema = z.object({
  framework: FrameworkSchema,
  ref: z.string().min(1),
});
export type FrameworkRef = z.infer<typeof FrameworkRefSchema>;

const isoDate = IsoDateSchema;

export const ControlStatusSchema = z.enum(["implemented", "partial", "planned"]);
export type ControlStatus = z.infer<typeof ControlStatusSchema>;

export const ControlSchema = z.object({
  id: z.string().regex(/^CTL-[A-Z]{2,6}-\d{2}$/, "control ids look like CTL-ENC-01"),
  title: z.string().min(3),
  description: z.string().min(10),
  status: ControlStatusSchema,
  owner: z.string().min(1).optional(),
  refs: z.array(FrameworkRefSchema),
  /**
   * A feature the product offers customers (their SSO, their audit log), not a control of the vendor's
   * ISMS: an ISO certificate or a SOC 2 report says nothing about it, so neither is cited for it.
   */
  productFeature: z.boolean().optional(),
});
export type Control = z.infer<typeof ControlSchema>;

export const AccessLevelSchema = z.enum(["public", "nda", "internal"]);
export type AccessLevel = z.infer<typeof AccessLevelSchema>;

/** SOC 2 categories; Security (the common criteria) is always in scope. */
export const Soc2CategorySchema = z.enum([
  "security",
  "availability",
  "confidentiality",
  "processing-integrity",
  "privacy",
]);
export type Soc2Category = z.infer<typeof Soc2CategorySchema>;

const artifactBase = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "artifact ids are lower-case slugs"),
  title: z.string().min(3),
  access: AccessLevelSchema,
  description: z.string().optional(),
  /** Control ids this artifact evidences (policies, pen-test letters); reports and certificates use their scope. */
  controls: z.array(z.string()).default([]),
  /** Who keeps it current (renewals, reviews); the freshness sweep lists it under this owner. */
  owner: z.string().min(1).optional(),
  /** The artifact this one replaces from its issue date (a renewed policy under a new id). */
  supersedes: z.string().optional(),
};

export const Soc2ReportSchema = z.object({
  ...artifactBase,
  type: z.enum(["soc2-type2", "soc2-type1"]),
  auditor: z.string().min(2),
  /** Type II: the review period. Type I: periodStart = periodEnd = the "as of" date. */
  periodStart: isoDate,
  periodEnd: isoDate,
  categories: z.array(Soc2CategorySchema).min(1),
  opinion: z.enum(["unqualified", "qualified", "adverse", "disclaimer"]).default("unqualified"),
  /** The report's date (default: the period end): it can be cited, and replaces older reports, from then. */
  issued: isoDate.optional(),
  /** Last day the report is offered as current (default: 12 months after the period end). */
  currentUntil: isoDate.optional(),
});

export const Iso27001CertificateSchema = z.object({
  ...artifactBase,
  type: z.literal("iso27001-certificate"),
  edition: z.enum(["2022", "2013"]),
  body: z.string().min(2),
  accreditation: z.string().optional(),
  certificateNumber: z.string().min(1),
  scope: z.string().min(10),
  issued: isoDate,
  expires: isoDate,
  surveillanceAudits: z.array(z.object({ due: isoDate, completed: isoDate.optional() })).default([]),
  /** Statement of Applicability: Annex A controls excluded, with the justification. */
  soaExclusions: z.array(z.object({ ref: z.string(), justification: z.string().min(5) })).default([]),
});

export const OtherArtifactSchema = z.object({
  ...artifactBase,
  type: z.enum(["bridge-letter", "pentest-letter", "policy", "subprocessor-list", "other"]),
  issued: isoDate.optional(),
  expires: isoDate.optional(),
  /** For a bridge letter: the SOC 2 report it extends. */
  bridges: z.string().optional(),
  /** For a pen-test letter: the firm that performed the test (`{{pentest.auditor}}`). */
  auditor: z.string().min(2).optional(),
  /** Last time the document was reviewed (default: its issue date); its review cycle counts from here. */
  lastReviewed: isoDate.optional(),
  /** How often it must be reviewed (policies and sub-processor lists default to 12 months). */
  reviewEveryMonths: z.number().int().positive().optional(),
  /** Days past the review date before it counts as lapsed (default 30; artifacts.yaml can set it for all). */
  reviewGraceDays: z.number().int().min(0).optional(),
});

export const ArtifactSchema = z.discriminatedUnion("type", [
  Soc2ReportSchema,
  Iso27001CertificateSchema,
  OtherArtifactSchema,
]);
export type Artifact = z.infer<typeof ArtifactSchema>;
export type Soc2Report = z.infer<typeof Soc2ReportSchema>;
export type Iso27001Certificate = z.infer<typeof Iso27001CertificateSchema>;
export type OtherArtifact = z.infer<typeof OtherArtifactSchema>;
export type ArtifactType = Artifact["type"];

/** Short answers an entry can give; a choice entry may give any other string. */
export const ShortAnswerSchema = z.string().min(1).nullable();

export const LibraryEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "entry ids are lower-case slugs"),
  topic: z.string().min(1),
  question: z.string().min(8),
  phrasings: z.array(z.string().min(5)).default([]),
  /** "Yes" | "No" | "N/A" for yes/no questions, another value for a choice, null for free text only. */
  short: ShortAnswerSchema,
  answer: z.string().min(20),
  controls: z.array(z.string()).default([]),
  /** Artifacts cited directly (e.g. "Are you ISO 27001 certified?" cites the certificate itself). */
  artifacts: z.array(z.string()).default([]),
  owner: z.string().min(1),
  lastReviewed: isoDate,
  reviewBy: isoDate,
  /** The answer describes a product feature (BYOK, customer SSO), not an ISMS control: no attestation is cited. */
  productFeature: z.boolean().optional(),
});
export type LibraryEntry = z.infer<typeof LibraryEntrySchema>;

export interface Library {
  readonly controls: readonly Control[];
  readonly artifacts: readonly Artifact[];
  readonly entries: readonly LibraryEntry[];
}
