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
});

export const ArtifactSchema = z.discriminatedUnion("type", [
  Soc2ReportSchema,
  Iso27001CertificateSchema,
  OtherArtifactSchema,
]);
export type Artifact = z.infer<typeof ArtifactSchema>;
export type Soc2Report = z.infer<typeof Soc2ReportSchema>;
export type Iso27001Certificate = z.infer<typeof Iso27001CertificateSchema>;
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
});
export type LibraryEntry = z.infer<typeof LibraryEntrySchema>;

export interface Library {
  readonly controls: readonly Control[];
  readonly artifacts: readonly Artifact[];
  readonly entries: readonly LibraryEntry[];
}
