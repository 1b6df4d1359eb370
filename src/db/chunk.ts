/**
 * D1 allows at most 100 bound parameters per statement (better-sqlite3 allows far more), so a
 * multi-row insert is split into chunks of rows whose columns stay under that limit on both.
 */
export const MAX_BOUND_PARAMETERS = 100;

export function chunkRows<T extends object>(rows: readonly T[]): T[][] {
  const columns = Math.max(1, Object.keys(rows[0] ?? {}).length);
  const size = Math.max(1, Math.floor(MAX_BOUND_PARAMETERS / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
