/**
 * Choice lists of time ranges ("0–7 days / 8–30 days / More than 30 days", "< 24 hours / 24-72 hours /
 * > 72 hours") read against a deadline an entry's answer states. Pure: text in, choice out.
 */

/** "> 72 hours", "24–72 hours", "30+ days": a range whose numbers, found in a text, do not state it. */
export function isOpenOrSpanRange(value: string): boolean {
  const v = value.trim().toLowerCase();
  return ABOVE.test(v) || BETWEEN.test(v);
}

/** Days in one unit of time, for comparing a stated deadline with a range of choices. */
const DAYS_PER: Readonly<Record<string, number>> = { hour: 1 / 24, day: 1, week: 7, month: 30, year: 365 };
const UNIT = "(hours?|days?|weeks?|months?|years?)";
const perUnit = (unit: string) => DAYS_PER[unit.replace(/s$/, "")] ?? Number.NaN;
const BETWEEN = new RegExp(`^(\\d+)\\s*(?:[-–—]|to)\\s*(\\d+)\\s*${UNIT}$`);
const ABOVE = new RegExp(
  `^(?:more than|over|greater than|longer than|>=?)\\s*(\\d+)\\s*${UNIT}$|^(\\d+)\\s*\\+\\s*${UNIT}$`,
);
const BELOW = new RegExp(`^(?:less than|under|within|up to|fewer than|<=?)\\s*(\\d+)\\s*${UNIT}$`);

/** A choice written as a range of time ("0–7 days", "More than 30 days", "< 24 hours"), in days. */
function rangeOf(value: string): { from: number; to: number } | null {
  const v = value.trim().toLowerCase();
  const between = BETWEEN.exec(v);
  if (between) {
    const per = perUnit(between[3] as string);
    return { from: Number(between[1]) * per, to: Number(between[2]) * per };
  }
  const above = ABOVE.exec(v);
  // "More than 30 days" leaves 30 days out: its bound is just above it.
  if (above)
    return { from: Number(above[1] ?? above[3]) * perUnit((above[2] ?? above[4]) as string) + 1e-9, to: Infinity };
  const below = BELOW.exec(v);
  return below ? { from: 0, to: Number(below[1]) * perUnit(below[2] as string) } : null;
}

/**
 * A choice list of time ranges ("0–7 days / 8–30 days / More than 30 days") and an answer that states
 * a deadline ("critical vulnerabilities within 7 days, high within 30 days"): the one range holding
 * the deadline of the class the question names ("…critical security patches…"), or the only deadline
 * stated. Nothing when the choices are not all ranges, or no single range holds it.
 */
const DEADLINE = new RegExp(`\\b(?:within|in|under|inside)\\s+(\\d+)\\s*${UNIT}\\b`, "g");
export function rangeStated(allowed: readonly string[], text: string, asked: readonly string[]): string | null {
  const ranges = allowed.map((a) => ({ value: a, range: rangeOf(a) }));
  const timed = ranges.filter((r) => r.range !== null);
  if (timed.length < 2) return null;
  const clauses = text.toLowerCase().split(/[,;.]\s+|\s+and\s+/);
  const deadlines = clauses.flatMap((clause) =>
    [...clause.matchAll(DEADLINE)].map((m) => ({
      days: Number(m[1]) * perUnit(m[2] as string),
      forAsked: asked.some((w) => new RegExp(`\\b${w}\\b`).test(clause)),
    })),
  );
  const chosen = asked.length > 0 ? deadlines.filter((d) => d.forAsked) : deadlines;
  if (chosen.length !== 1) return null;
  const days = (chosen[0] as { days: number }).days;
  const holding = timed.filter(({ range }) => range !== null && days >= range.from && days <= range.to);
  return holding.length === 1 ? (holding[0]?.value ?? null) : null;
}
