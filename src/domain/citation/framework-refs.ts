import type { Control, Soc2Category } from "../library/types.js";

/** The SOC 2 category a criterion id belongs to (CC = Security, A = Availability, …). */
export function soc2CategoryOf(criterion: string): Soc2Category | null {
  if (/^CC\d/.test(criterion)) return "security";
  if (/^A\d/.test(criterion)) return "availability";
  if (/^C\d/.test(criterion)) return "confidentiality";
  if (/^PI\d/.test(criterion)) return "processing-integrity";
  if (/^P\d/.test(criterion)) return "privacy";
  return null;
}

export const SOC2_CATEGORY_LABEL: Record<Soc2Category, string> = {
  security: "Security",
  availability: "Availability",
  confidentiality: "Confidentiality",
  "processing-integrity": "Processing Integrity",
  privacy: "Privacy",
};

export function refsOf(controls: readonly Control[], framework: Control["refs"][number]["framework"]): string[] {
  const refs = new Set<string>();
  for (const control of controls) for (const r of control.refs) if (r.framework === framework) refs.add(r.ref);
  return [...refs];
}
