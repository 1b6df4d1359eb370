import { Buffer } from "node:buffer";
import { decodeXml, rawAttr } from "../../ingest/xml.js";

/*
 * A worksheet edited as bytes. The part is read as a "byte string": one character per byte
 * (latin1), made natively without decoding UTF-8, so string offsets are byte offsets. All XML
 * markup is ASCII, so the one tag scanner (ingest/xml.ts) reads it unchanged; only text that is
 * read as text (a customer's cell value, a shared string, an attribute value written again) is
 * decoded from its bytes (`textOf`, `textAttr`), and new text goes in as its UTF-8 bytes
 * (`utf8Bytes`). The edited part is the original byte string with the new cells spliced in,
 * turned back into bytes in one native step: the megabytes around the answer cells are never
 * decoded or re-encoded.
 */

const utf8 = new TextDecoder("utf-8", { fatal: false });
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
const NOT_ASCII = /[^\u0000-\u007f]/;

/** One character per byte (node:buffer's latin1, also under Workers' nodejs_compat). */
export function byteString(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

/** Text from a slice of a byte string: its bytes decoded as UTF-8 (ASCII, the usual case, as it is). */
export function textOf(slice: string): string {
  if (!NOT_ASCII.test(slice)) return slice;
  return utf8.decode(Buffer.from(slice, "latin1"));
}

/** A byte string holding the UTF-8 encoding of `text` (ASCII, the usual case, as it is). */
export function utf8Bytes(text: string): string {
  if (!NOT_ASCII.test(text)) return text;
  return Buffer.from(text, "utf8").toString("latin1");
}

/** An attribute of a start tag read from a byte string, as text (UTF-8 decoded, then entities). */
export function textAttr(tag: string, name: string): string | null {
  const raw = rawAttr(tag, name);
  return raw === null ? null : decodeXml(textOf(raw));
}

export interface ByteSplice {
  /** Byte offsets in the original part: `[start, end)` is replaced (an insertion when equal). */
  readonly start: number;
  readonly end: number;
  /** The replacement, as a byte string (`utf8Bytes` of new text, or bytes of the part itself). */
  readonly bytes: string;
}

/**
 * The part's bytes with the splices applied (in order, not overlapping): the byte string's pieces
 * between them and the replacements are joined and written out as bytes once.
 */
export function spliceBytes(xml: string, splices: readonly ByteSplice[]): Uint8Array {
  const pieces: string[] = [];
  let cursor = 0;
  for (const s of splices) {
    if (s.start < cursor) throw new Error("overlapping sheet edits");
    pieces.push(xml.slice(cursor, s.start), s.bytes);
    cursor = s.end;
  }
  pieces.push(xml.slice(cursor));
  const out = Buffer.from(pieces.join(""), "latin1");
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
