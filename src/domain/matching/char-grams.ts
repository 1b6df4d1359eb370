/**
 * A second, independent reading of how close a question is to an entry: tf-idf cosine over the
 * character 4-grams of its words and the entry's question and phrasings, with no stemming,
 * vocabulary or rules. It reads what the word-level ranker cannot (word parts, spelling variants,
 * compounds, word order across two words) and misses what its rules know; relevance adds the two
 * (features.ts, weight `gram`).
 *
 * A 4-gram of the 37 letters kept (space, a–z, 0–9) is one integer, so reading a question allocates
 * no substrings: each position updates a rolling code, looked up in an open-addressing table.
 */

const GRAM = 4;
const ALPHABET = 37;
const CODES = ALPHABET ** GRAM;

export interface GramIndex {
  /** The id of each 4-gram code seen in the library's questions and phrasings (gramId). */
  readonly table: GramTable;
  /** Per gram id: its idf over the indexed texts. */
  readonly idf: Float64Array;
  /** idf of a gram no indexed text has. */
  readonly unseenIdf: number;
  /**
   * Every indexed text (an entry's question, then its phrasings) as a unit vector, laid end to end:
   * text t holds gramIds/gramWeights[textStart[t] .. textStart[t + 1]), and entry e the texts
   * entryStart[e] .. entryStart[e + 1]. One flat run per entry: a question reads about 80 texts of
   * its ten shortlisted entries, cold, and small arrays apart cost a cache miss each.
   */
  readonly gramIds: Uint16Array | Int32Array;
  /** Single precision: the dot products read half the bytes, and agree with double to six digits. */
  readonly gramWeights: Float32Array;
  readonly textStart: Int32Array;
  readonly entryStart: Int32Array;
  /** Scratch for one query: counts, then weights, by gram id (zeroed after each use). */
  readonly scratch: Float64Array;
  /** Scratch for one query: its gram codes, then those no indexed text has (grown when a text needs it). */
  codes: Int32Array;
  /** Scratch for one query: the ids of its grams the library knows, each once (sized like `codes`). */
  touched: Int32Array;
}

/**
 * Code → id, open addressing in two typed arrays: a question reads one entry per character, and
 * this was a third of the cost of reading it through a Map.
 */
interface GramTable {
  /** Slot i: the code at 2i (-1 when empty), its id at 2i + 1. */
  readonly slots: Int32Array;
  readonly mask: number;
}

function tableOf(ids: ReadonlyMap<number, number>): GramTable {
  let size = 1024;
  while (size < ids.size * 3) size *= 2;
  const slots = new Int32Array(2 * size).fill(-1);
  const mask = size - 1;
  for (const [code, id] of ids) {
    let slot = slotOf(code, mask);
    while (slots[2 * slot] !== -1) slot = (slot + 1) & mask;
    slots[2 * slot] = code;
    slots[2 * slot + 1] = id;
  }
  return { slots, mask };
}

function slotOf(code: number, mask: number): number {
  return (Math.imul(code, 0x9e3779b1) >>> 15) & mask;
}

/** The id of a gram code, or -1 when no indexed text has it. */
function gramId(table: GramTable, code: number): number {
  const { slots, mask } = table;
  let slot = slotOf(code, mask);
  for (;;) {
    const key = slots[2 * slot] as number;
    if (key === code) return slots[2 * slot + 1] as number;
    if (key === -1) return -1;
    slot = (slot + 1) & mask;
  }
}

/** Per character code below 128: its place in the alphabet kept (a–z and A–Z 1–26, 0–9 27–36), else 0. */
const SYMBOL = Uint8Array.from({ length: 128 }, (_, c) =>
  c >= 97 && c <= 122 ? c - 96 : c >= 65 && c <= 90 ? c - 64 : c >= 48 && c <= 57 ? c - 21 : 0,
);

/** The letter's place in the alphabet kept, or 0 (a space) for anything else. */
function symbol(code: number): number {
  return code < 128 ? (SYMBOL[code] as number) : 0;
}

/**
 * Writes the code of every 4-gram of the text's words into `into` (at least text.length + 2 long)
 * and returns how many: lower-cased, every run of other characters one space, a space before and
 * after.
 */
function gramCodes(text: string, into: Int32Array): number {
  let count = 0;
  let code = 0;
  let filled = 1; // the leading space
  let lastWasSpace = true;
  for (let i = 0; i <= text.length; i++) {
    let s: number;
    if (i < text.length) {
      s = symbol(text.charCodeAt(i));
      if (s === 0) {
        if (lastWasSpace) continue;
        lastWasSpace = true;
      } else lastWasSpace = false;
    } else if (lastWasSpace) break;
    else s = 0; // the closing space
    code = (code * ALPHABET + s) % CODES;
    if (++filled >= GRAM) into[count++] = code;
  }
  return count;
}

function countsOf(text: string): Map<number, number> {
  const codes = new Int32Array(text.length + 2);
  const count = gramCodes(text, codes);
  const counts = new Map<number, number>();
  for (let k = 0; k < count; k++) counts.set(codes[k] as number, (counts.get(codes[k] as number) ?? 0) + 1);
  return counts;
}

export function buildGramIndex(textsPerEntry: readonly (readonly string[])[]): GramIndex {
  const counted = textsPerEntry.map((texts) => texts.map(countsOf));
  const ids = new Map<number, number>();
  const df: number[] = [];
  let docs = 0;
  for (const texts of counted)
    for (const counts of texts) {
      docs++;
      for (const code of counts.keys()) {
        let id = ids.get(code);
        if (id === undefined) {
          id = ids.size;
          ids.set(code, id);
          df.push(0);
        }
        df[id] = (df[id] ?? 0) + 1;
      }
    }
  const idf = Float64Array.from(df, (d) => Math.log((docs + 1) / (d + 1)));
  let total = 0;
  for (const texts of counted) for (const counts of texts) total += counts.size;
  const gramIds = ids.size <= 0xffff ? new Uint16Array(total) : new Int32Array(total);
  const gramWeights = new Float32Array(total);
  const textStart = new Int32Array(docs + 1);
  const entryStart = new Int32Array(counted.length + 1);
  let at = 0;
  let text = 0;
  counted.forEach((texts, e) => {
    entryStart[e] = text;
    for (const counts of texts) {
      textStart[text++] = at;
      const from = at;
      let norm = 0;
      for (const [code, c] of counts) {
        const id = ids.get(code) as number;
        const w = (1 + Math.log(c)) * (idf[id] as number);
        gramIds[at] = id;
        gramWeights[at++] = w;
        norm += w * w;
      }
      const n = Math.sqrt(norm) || 1;
      for (let k = from; k < at; k++) gramWeights[k] = (gramWeights[k] as number) / n;
    }
  });
  entryStart[counted.length] = text;
  textStart[docs] = at;
  return {
    table: tableOf(ids),
    idf,
    unseenIdf: Math.log(docs + 1),
    gramIds,
    gramWeights,
    textStart,
    entryStart,
    scratch: new Float64Array(ids.size),
    codes: new Int32Array(256),
    touched: new Int32Array(256),
  };
}

/**
 * The closeness of a text to each of the given entries: per entry, the best cosine between the text
 * and one of its questions or phrasings (0..1).
 */
export function gramSimilarities(index: GramIndex, text: string, entries: ArrayLike<number>): number[] {
  const { table, idf, scratch } = index;
  if (index.codes.length < text.length + 2) {
    index.codes = new Int32Array(2 * text.length + 2);
    index.touched = new Int32Array(2 * text.length + 2);
  }
  const codes = index.codes;
  const touched = index.touched;
  const count = gramCodes(text, codes);
  // Counts of the grams the library knows, in scratch; the others' codes moved to the front of
  // `codes`, for their share of the norm.
  let touchedCount = 0;
  let unseenCount = 0;
  for (let k = 0; k < count; k++) {
    const code = codes[k] as number;
    const id = gramId(table, code);
    if (id === -1) codes[unseenCount++] = code;
    else if (scratch[id] === 0) {
      scratch[id] = 1;
      touched[touchedCount++] = id;
    } else scratch[id] = (scratch[id] as number) + 1;
  }
  let norm = 0;
  for (let k = 0; k < touchedCount; k++) {
    const id = touched[k] as number;
    const w = (1 + Math.log(scratch[id] as number)) * (idf[id] as number);
    scratch[id] = w;
    norm += w * w;
  }
  // Unseen grams weigh as the rarest, by their count: runs of equal codes once sorted.
  if (unseenCount > 0) {
    const unseen = codes.subarray(0, unseenCount).sort();
    let run = 1;
    for (let k = 1; k <= unseenCount; k++) {
      if (k < unseenCount && unseen[k] === unseen[k - 1]) run++;
      else {
        norm += ((1 + Math.log(run)) * index.unseenIdf) ** 2;
        run = 1;
      }
    }
  }
  const n = Math.sqrt(norm) || 1;
  const out = new Array<number>(entries.length);
  for (let e = 0; e < entries.length; e++) out[e] = closestText(index, entries[e] as number) / n;
  for (let k = 0; k < touchedCount; k++) scratch[touched[k] as number] = 0;
  return out;
}

/**
 * The best dot product of the query in scratch with one of the entry's texts. Kept apart (and the
 * dot product in its own function): small functions are optimised after a few questions, where the
 * whole reading in one function ran unoptimised for the first few hundred questions of a run.
 */
function closestText(index: GramIndex, entry: number): number {
  const { textStart, entryStart } = index;
  let best = 0;
  const lastText = entryStart[entry + 1] as number;
  for (let t = entryStart[entry] as number; t < lastText; t++) {
    const dot = dotProduct(
      index.scratch,
      index.gramIds,
      index.gramWeights,
      textStart[t] as number,
      textStart[t + 1] as number,
    );
    if (dot > best) best = dot;
  }
  return best;
}

function dotProduct(
  scratch: Float64Array,
  ids: Uint16Array | Int32Array,
  weights: Float32Array,
  from: number,
  to: number,
): number {
  let dot = 0;
  for (let k = from; k < to; k++) dot += (scratch[ids[k] as number] as number) * (weights[k] as number);
  return dot;
}
