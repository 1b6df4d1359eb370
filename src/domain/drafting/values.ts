/** What a cell value means, whatever the customer's wording ("Y", "Yes - Fully", "Not applicable"). */
export type Polarity = "yes" | "no" | "na" | "partial" | "other";

export function polarityOf(value: string): Polarity {
  const v = value.trim().toLowerCase().replace(/\s+/g, " ");
  if (/^(n\/a|na|n\.a\.?|not applicable|none applicable|does not apply)$/.test(v)) return "na";
  if (/\bpartial(ly)?\b|\bin progress\b|\bplanned\b|\bsome\b/.test(v)) return "partial";
  if (/^(y|yes|true|1|x|compliant|fully compliant|implemented|in place|agree|confirmed|yes\b.*)$/.test(v)) return "yes";
  if (/^(n|no|false|0|non[- ]?compliant|not compliant|not implemented|disagree|no\b.*)$/.test(v)) return "no";
  return "other";
}

/** The allowed values that read as a plain yes/no set (with N/A and partial answers allowed alongside). */
export function isYesNoSet(values: readonly string[]): boolean {
  const kinds = new Set(values.map(polarityOf));
  return kinds.has("yes") && kinds.has("no") && !kinds.has("other");
}

/**
 * Maps the library's short answer onto one of the question's allowed values. Returns null when
 * no allowed value means the same thing: the caller then sends the answer to review.
 */
export function mapShortAnswer(short: string, allowed: readonly string[] | null): string | null {
  if (!allowed || allowed.length === 0) {
    const p = polarityOf(short);
    return p === "yes" ? "Yes" : p === "no" ? "No" : p === "na" ? "N/A" : short;
  }
  const exact = allowed.find((a) => a.trim().toLowerCase() === short.trim().toLowerCase());
  if (exact) return exact;
  const wanted = polarityOf(short);
  if (wanted === "other") {
    const loose = allowed.filter(
      (a) => a.toLowerCase().includes(short.toLowerCase()) || short.toLowerCase().includes(a.toLowerCase()),
    );
    return loose.length === 1 ? (loose[0] ?? null) : null;
  }
  const same = allowed.filter((a) => polarityOf(a) === wanted);
  // Prefer the plainest wording ("Yes" over "Yes - Fully") when several mean the same.
  return same.sort((a, b) => a.length - b.length)[0] ?? null;
}

export function invertYesNo(short: string): string | null {
  const p = polarityOf(short);
  return p === "yes" ? "No" : p === "no" ? "Yes" : null;
}
