/** SQLite caps bound parameters per statement: multi-row inserts go in chunks of a few dozen rows. */
export function chunk<T>(items: readonly T[], size = 40): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
