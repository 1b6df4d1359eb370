import { coverage, soaExclusions } from "./coverage.js";
import type { Artifact, Control, ControlStatus, Framework, Library } from "./types.js";

/**
 * "Implement once, map to every framework": each control of the shared set with every framework
 * reference it satisfies, the library entries that answer with it and the artifacts that prove it;
 * and, per framework, its requirements with the controls that cover them and the gaps.
 * Structural, not dated: whether an artifact is current on a day is the citation policy's question.
 */

export const CROSSWALK_FRAMEWORKS: readonly Framework[] = ["ISO27001:2022", "SOC2", "NIS2", "GDPR"];

/** The short names the CLI flag and the API query take. */
export const FRAMEWORK_BY_FLAG: Readonly<Record<string, Framework>> = {
  iso: "ISO27001:2022",
  soc2: "SOC2",
  nis2: "NIS2",
  gdpr: "GDPR",
};
export const FRAMEWORK_FLAGS = ["iso", "soc2", "nis2", "gdpr"] as const;
export type FrameworkFlag = (typeof FRAMEWORK_FLAGS)[number];

export interface BackingArtifact {
  readonly id: string;
  readonly type: Artifact["type"];
  readonly title: string;
  /** Why it proves the control: the report's category in scope, the SoA, the control named on it. */
  readonly why: string;
}

export interface ControlCrosswalkRow {
  readonly id: string;
  readonly title: string;
  readonly status: ControlStatus;
  readonly productFeature: boolean;
  readonly refs: Readonly<Record<Framework, readonly string[]>>;
  readonly entries: readonly string[];
  readonly artifacts: readonly BackingArtifact[];
}

/** covered: an implemented control; partial: only partial or planned ones; gap: none; not_in_scope: none expected. */
export type RequirementCoverage = "covered" | "partial" | "gap" | "not_in_scope";

export interface RequirementRow {
  readonly framework: Framework;
  readonly ref: string;
  readonly title: string;
  readonly group: string;
  readonly coverage: RequirementCoverage;
  readonly controls: readonly { readonly id: string; readonly status: ControlStatus }[];
  readonly entries: readonly string[];
  readonly artifacts: readonly string[];
  readonly note?: string;
}

export interface FrameworkCrosswalk {
  readonly framework: Framework;
  readonly label: string;
  readonly requirements: readonly RequirementRow[];
  readonly totals: Readonly<Record<RequirementCoverage, number>>;
}

export interface Crosswalk {
  readonly controls: readonly ControlCrosswalkRow[];
  readonly frameworks: readonly FrameworkCrosswalk[];
}

const SOC2_CATEGORY_PREFIX: readonly [RegExp, string][] = [
  [/^CC\d/, "security"],
  [/^A\d/, "availability"],
  [/^C\d/, "confidentiality"],
  [/^PI\d/, "processing-integrity"],
  [/^P\d/, "privacy"],
];
const categoryOf = (criterion: string): string | undefined =>
  SOC2_CATEGORY_PREFIX.find(([re]) => re.test(criterion))?.[1];

const refsByFramework = (control: Control): Record<Framework, string[]> => {
  const refs: Record<Framework, string[]> = { "ISO27001:2022": [], SOC2: [], NIS2: [], GDPR: [] };
  for (const r of control.refs) refs[r.framework].push(r.ref);
  return refs;
};

/** The artifacts that evidence one control, with the reason each does. */
function backingArtifacts(control: Control, library: Library, namedByEntries: ReadonlySet<string>): BackingArtifact[] {
  const refs = refsByFramework(control);
  const excluded = soaExclusions(library);
  const backing: BackingArtifact[] = [];
  const add = (a: Artifact, why: string) => backing.push({ id: a.id, type: a.type, title: a.title, why });
  for (const artifact of library.artifacts) {
    if (artifact.controls.includes(control.id)) {
      add(artifact, `names ${control.id}`);
      continue;
    }
    // Attestations say nothing about a product feature (the customer's own SSO, their audit log).
    if (control.productFeature) continue;
    if (artifact.type === "soc2-type2" || artifact.type === "soc2-type1") {
      const inScope = refs.SOC2.filter((ref) => artifact.categories.includes(categoryOf(ref) as never));
      if (inScope.length > 0) {
        const design = artifact.type === "soc2-type1" ? " (design only, not operating effectiveness)" : "";
        add(artifact, `examines ${inScope.join(", ")}${design}`);
      }
    } else if (artifact.type === "iso27001-certificate") {
      const applicable = refs["ISO27001:2022"].filter((ref) => !excluded.has(ref));
      if (applicable.length > 0) add(artifact, `${applicable.join(", ")} in the Statement of Applicability`);
    } else if (namedByEntries.has(artifact.id)) {
      add(artifact, "cited by the entries that answer with it");
    }
  }
  return backing;
}

function controlRows(library: Library): ControlCrosswalkRow[] {
  return library.controls.map((control) => {
    const entries = library.entries.filter((e) => e.controls.includes(control.id));
    const named = new Set(entries.flatMap((e) => e.artifacts));
    return {
      id: control.id,
      title: control.title,
      status: control.status,
      productFeature: control.productFeature ?? false,
      refs: refsByFramework(control),
      entries: entries.map((e) => e.id).sort(),
      artifacts: backingArtifacts(control, library, named),
    };
  });
}

function requirementCoverage(expected: boolean, statuses: readonly ControlStatus[]): RequirementCoverage {
  if (statuses.includes("implemented")) return "covered";
  if (statuses.length > 0) return "partial";
  return expected ? "gap" : "not_in_scope";
}

/** The crosswalk of the whole library, or of one framework's requirements (the control rows stay whole). */
export function crosswalk(library: Library, only?: Framework): Crosswalk {
  const controls = controlRows(library);
  const byId = new Map(controls.map((c) => [c.id, c]));
  const frameworks = coverage(library)
    .filter((fw) => !only || fw.framework === only)
    .map((fw): FrameworkCrosswalk => {
      const requirements = fw.rows.map((row): RequirementRow => {
        const backing = row.controls.flatMap((id) => {
          const c = byId.get(id);
          return c ? [c] : [];
        });
        const artifacts = [...new Set(backing.flatMap((c) => c.artifacts.map((a) => a.id)))].sort();
        return {
          framework: fw.framework,
          ref: row.ref,
          title: row.title,
          group: row.group,
          coverage: requirementCoverage(
            row.expected,
            backing.map((c) => c.status),
          ),
          controls: backing.map((c) => ({ id: c.id, status: c.status })),
          entries: row.entries,
          artifacts,
          ...(row.note ? { note: row.note } : {}),
        };
      });
      const totals: Record<RequirementCoverage, number> = { covered: 0, partial: 0, gap: 0, not_in_scope: 0 };
      for (const r of requirements) totals[r.coverage]++;
      return { framework: fw.framework, label: fw.label, requirements, totals };
    });
  return { controls, frameworks };
}

/** One table per view, as rows of text: what the CSV and the xlsx both write. */
export interface CrosswalkTable {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const joined = (items: readonly string[]) => items.join("; ");

export function controlTable(cw: Crosswalk): CrosswalkTable {
  return {
    name: "Controls",
    header: [
      "control",
      "title",
      "status",
      "ISO 27001:2022 Annex A",
      "SOC 2 TSC",
      "NIS2 Art. 21(2)",
      "GDPR Art. 32",
      "entries",
      "artifacts",
    ],
    rows: cw.controls.map((c) => [
      c.id,
      c.title,
      c.productFeature ? `${c.status} (product feature)` : c.status,
      joined(c.refs["ISO27001:2022"]),
      joined(c.refs.SOC2),
      joined(c.refs.NIS2),
      joined(c.refs.GDPR),
      joined(c.entries),
      joined(c.artifacts.map((a) => a.id)),
    ]),
  };
}

const SHEET_NAME: Readonly<Record<Framework, string>> = {
  "ISO27001:2022": "ISO 27001 Annex A",
  SOC2: "SOC 2 TSC",
  NIS2: "NIS2 Art. 21(2)",
  GDPR: "GDPR Art. 32",
};

export function requirementTable(fw: FrameworkCrosswalk): CrosswalkTable {
  return {
    name: SHEET_NAME[fw.framework],
    header: ["framework", "ref", "title", "group", "coverage", "controls", "entries", "artifacts", "note"],
    rows: fw.requirements.map((r) => [
      fw.label,
      r.ref,
      r.title,
      r.group,
      r.coverage,
      joined(r.controls.map((c) => (c.status === "implemented" ? c.id : `${c.id} (${c.status})`))),
      joined(r.entries),
      joined(r.artifacts),
      r.note ?? "",
    ]),
  };
}

/** The tables an export holds: with one framework its requirements; without, the controls and every framework. */
export function crosswalkTables(cw: Crosswalk, only?: Framework): CrosswalkTable[] {
  const frameworkTables = cw.frameworks.map(requirementTable);
  return only ? frameworkTables : [controlTable(cw), ...frameworkTables];
}
