/**
 * A pure function of one text, remembered by its text. Answering asks the same reading many times:
 * each library entry's question and matched phrasing for every question they are candidates of, and
 * each question once per check. The memory is cleared when full, so it stays bounded however many
 * questionnaires a process answers.
 */
export function memoByText<T>(read: (text: string) => T, max = 20_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text: string): T => {
    const hit = known.get(text);
    if (hit !== undefined || known.has(text)) return hit as T;
    const value = read(text);
    if (known.size >= max) known.clear();
    known.set(text, value);
    return value;
  };
}
