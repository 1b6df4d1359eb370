import { Buffer } from "node:buffer";

/*
 * A worksheet edited as bytes. The part is read as a "byte string": one character per byte
 * (latin1), made natively without decoding UTF-8, so string offsets are byte offsets. All XML
 * markup is ASCII, so the one tag scanner (ingest/xml.ts) reads it unchanged; only text that is
 * read as text (a customer's cell value, a shared string) is decoded from its bytes. The edited
 * part is then the original bytes with the new cells' UTF-8 spliced in: the megabytes around the
 * answer cells are never decoded, re-encoded or joined as a string.
 */

const utf8 = new TextDecoder("utf-8", { fatal: false });
const encoder = new TextEncoder();

/** One character per byte (node:buffer's latin1, also under Workers' nodejs_compat). */
export function byteString(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

/** Text from a slice of a byte string: its bytes decoded as UTF-8 (ASCII, the usual case, as it is). */
export function textOf(slice: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  if (!/[^\u0000-\u007f]/.test(slice)) return slice;
  return utf8.decode(Buffer.from(slice, "latin1"));
}

export interface ByteSplice {
  /** Byte offsets in the original part: `[start, end)` is replaced (an insertion when equal). */
  readonly start: number;
  readonly end: number;
  /** The replacement as text (written as UTF-8). */
  readonly text: string;
}

/**
 * The part's bytes with the splices applied (ordered, not overlapping; see `orderSplices`): the
 * bytes between them are copied, each replacement is encoded straight into the output.
 */
export function spliceBytes(bytes: Uint8Array, splices: readonly ByteSplice[]): Uint8Array {
  let room = bytes.length;
  for (const s of splices) room += s.text.length * 3; // UTF-8 takes at most 3 bytes per UTF-16 unit
  const out = new Uint8Array(room);
  let at = 0;
  let cursor = 0;
  for (const s of splices) {
    if (s.start < cursor) throw new Error("overlapping sheet edits");
    out.set(bytes.subarray(cursor, s.start), at);
    at += s.start - cursor;
    at += encoder.encodeInto(s.text, out.subarray(at)).written;
    cursor = s.end;
  }
  out.set(bytes.subarray(cursor), at);
  at += bytes.length - cursor;
  return out.subarray(0, at);
}
