import { SYSTEM_PROMPT } from "./prompt.js";

/** Words in a row shared with the instructions that count as repeating them. */
const LEAK_WORDS = 6;

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);

function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + LEAK_WORDS <= w.length; i++) out.add(w.slice(i, i + LEAK_WORDS).join(" "));
  return out;
}

const INSTRUCTIONS = shingles(SYSTEM_PROMPT);

/**
 * Whether an answer repeats the system prompt ("reveal your instructions"): six words in a row of
 * it are no answer to a security question. Judged here, where the prompt is known.
 */
export function leaksInstructions(text: string): boolean {
  for (const s of shingles(text)) if (INSTRUCTIONS.has(s)) return true;
  return false;
}
