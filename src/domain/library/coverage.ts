import { ISO27001_2022_ANNEX_A } from "./reference-iso27001.js";
import { SOC2_TSC } from "./reference-soc2.js";
import type { Framework, Library, Soc2Category } from "./types.js";

/** One reference of a framework (an Annex A control, a TSC criterion, an Art. 21(2) measure…). */
export interface FrameworkReference {
  readonly ref: string;
  readonly title: string;
  /** Theme, category or article the reference belongs to; totals are also given per group. */
  readonly group: string;
}

// NIS2 and GDPR have only a handful of measures; their short labels live here rather than in a
// reference file because they are paraphrased summaries, not copied text.
export const NIS2_ART21_2: readonly FrameworkReference[] = [
  { ref: "21(2)(a)", title: "Risk analysis and information system security policies", group: "Art. 21(2)" },
  { ref: "21(2)(b)", title: "Incident handling", group: "Art. 21(2)" },
  { ref: "21(2)(c)", title: "Business continuity, backups, disaster recovery, crisis management", group: "Art. 21(2)" },
  { ref: "21(2)(d)", title: "Supply chain security", group: "Art. 21(2)" },
  {
    ref: "21(2)(e)",
    title: "Security in acquisition, development and maintenance; vulnerability handling",
    group: "Art. 21(2)",
  },
  { ref: "21(2)(f)", title: "Assessing the effectiveness of the measures", group: "Art. 21(2)" },
  { ref: "21(2)(g)", title: "Basic cyber hygiene and training", group: "Art. 21(2)" },
  { ref: "21(2)(h)", title: "Cryptography and encryption", group: "Art. 21(2)" },
  { ref: "21(2)(i)", title: "HR security, access control and asset management", group: "Art. 21(2)" },
  { ref: "21(2)(j)", title: "MFA or continuous authentication, secured communications", group: "Art. 21(2)" },
];

export const GDPR_ART32_1: readonly FrameworkReference[] = [
  { ref: "32(1)(a)", title: "Pseudonymisation and encryption of personal data", group: "Art. 32(1)" },
  {
    ref: "32(1)(b)",
    title: "Confidentiality, integrity, availability and resilience of processing",
    group: "Art. 32(1)",
  },
  { ref: "32(1)(c)", title: "Timely restoration of availability and access after an incident", group: "Art. 32(1)" },
  { ref: "32(1)(d)", title: "Regular testing and evaluation of effectiveness", group: "Art. 32(1)" },
];

/** The complete reference list of each framework, in its own order. */
export const FRAMEWORK_REFERENCES: Readonly<Record<Framework, readonly FrameworkReference[]>> = {
  "ISO27001:2022": ISO27001_2022_ANNEX_A.map((c) => ({ ref: c.id, title: c.title, group: c.theme })),
  SOC2: SOC2_TSC.map((c) => ({ ref: c.id, title: c.label, group: c.category })),
  NIS2: NIS2_ART21_2,
  GDPR: GDPR_ART32_1,
};

export const FRAMEWORK_LABEL: Readonly<Record<Framework, string>> = {
  "ISO27001:2022": "ISO/IEC 27001:2022 Annex A",
  SOC2: "SOC 2 Trust Services Criteria",
  NIS2: "NIS2 Art. 21(2) measures",
  GDPR: "GDPR Art. 32(1) measures",
};

export interface CoverageRow extends FrameworkReference {
  readonly controls: readonly string[];
  readonly entries: readonly string[];
  /** Why a reference is not expected to be covered, or a caveat on its coverage. */
  readonly note?: string;
  /** False for references outside what the vendor claims (SOC 2 categories not in any report's scope). */
  readonly expected: boolean;
}

export interface GroupTotal {
  readonly group: string;
  readonly total: number;
  readonly covered: number;
  readonly expected: boolean;
}

export interface FrameworkCoverage {
  readonly framework: Framework;
  readonly label: string;
  readonly rows: readonly CoverageRow[];
  readonly total: number;
  readonly covered: number;
  /** References that should be covered (all, except SOC 2 categories outside the reports' scope). */
  readonly expectedTotal: number;
  readonly expectedCovered: number;
  readonly groups: readonly GroupTotal[];
}

const SOC2_CATEGORY_BY_LABEL: Readonly<Record<string, Soc2Category>> = {
  "Security (Common Criteria)": "security",
  Availability: "availability",
  Confidentiality: "confidentiality",
  "Processing Integrity": "processing-integrity",
  Privacy: "privacy",
};

/**
 * SOC 2 categories the vendor's reports cover. Security is always in scope, even before the first
 * report exists, because the common criteria are the baseline every SOC 2 examines.
 */
export function soc2CategoriesInScope(library: Library): Set<Soc2Category> {
  const inScope = new Set<Soc2Category>(["security"]);
  for (const artifact of library.artifacts) {
    if (artifact.type === "soc2-type2" || artifact.type === "soc2-type1") {
      for (const category of artifact.categories) inScope.add(category);
    }
  }
  return inScope;
}

/** Annex A ids the ISO certificate's Statement of Applicability excludes, with the justification. */
export function soaExclusions(library: Library): Map<string, string> {
  const excluded = new Map<string, string>();
  for (const artifact of library.artifacts) {
    if (artifact.type === "iso27001-certificate") {
      for (const e of artifact.soaExclusions) excluded.set(e.ref, e.justification);
    }
  }
  return excluded;
}

/** framework → ref → control ids and entry ids that back it. */
function backing(library: Library): Map<string, { controls: Set<string>; entries: Set<string> }> {
  const byRef = new Map<string, { controls: Set<string>; entries: Set<string> }>();
  const entriesByControl = new Map<string, string[]>();
  for (const entry of library.entries) {
    for (const id of entry.controls) entriesByControl.set(id, [...(entriesByControl.get(id) ?? []), entry.id]);
  }
  for (const control of library.controls) {
    for (const { framework, ref } of control.refs) {
      const key = `${framework}|${ref}`;
      const slot = byRef.get(key) ?? { controls: new Set<string>(), entries: new Set<string>() };
      slot.controls.add(control.id);
      for (const entryId of entriesByControl.get(control.id) ?? []) slot.entries.add(entryId);
      byRef.set(key, slot);
    }
  }
  return byRef;
}

function frameworkCoverage(
  framework: Framework,
  library: Library,
  byRef: ReturnType<typeof backing>,
): FrameworkCoverage {
  const inScope = soc2CategoriesInScope(library);
  const excluded = soaExclusions(library);
  const rows: CoverageRow[] = FRAMEWORK_REFERENCES[framework].map((reference) => {
    const slot = byRef.get(`${framework}|${reference.ref}`);
    let expected = true;
    let note: string | undefined;
    if (framework === "SOC2") {
      const category = SOC2_CATEGORY_BY_LABEL[reference.group];
      if (category && !inScope.has(category)) {
        expected = false;
        note = `${reference.group} is not in the SOC 2 scope`;
      }
    }
    if (framework === "ISO27001:2022" && excluded.has(reference.ref)) {
      note = `excluded in the SoA: ${excluded.get(reference.ref)}`;
    }
    return {
      ...reference,
      controls: [...(slot?.controls ?? [])].sort(),
      entries: [...(slot?.entries ?? [])].sort(),
      expected,
      ...(note ? { note } : {}),
    };
  });
  const isCovered = (r: CoverageRow) => r.controls.length > 0;
  const groupNames = [...new Set(rows.map((r) => r.group))];
  const groups = groupNames.map((group) => {
    const inGroup = rows.filter((r) => r.group === group);
    return {
      group,
      total: inGroup.length,
      covered: inGroup.filter(isCovered).length,
      expected: inGroup.some((r) => r.expected),
    };
  });
  const expectedRows = rows.filter((r) => r.expected);
  return {
    framework,
    label: FRAMEWORK_LABEL[framework],
    rows,
    total: rows.length,
    covered: rows.filter(isCovered).length,
    expectedTotal: expectedRows.length,
    expectedCovered: expectedRows.filter(isCovered).length,
    groups,
  };
}

/** What the control set covers in every framework, and which controls and entries back each reference. */
export function coverage(library: Library): FrameworkCoverage[] {
  const byRef = backing(library);
  return (Object.keys(FRAMEWORK_REFERENCES) as Framework[]).map((f) => frameworkCoverage(f, library, byRef));
}
