/**
 * A CSV file's encoding, found when it is read and used again when write-back encodes the fields
 * it fills: a UTF-8 or UTF-16 byte-order mark, else UTF-8 if the bytes are valid UTF-8, else
 * Windows-1252 (Excel on Windows saves "CSV" in the ANSI code page). Windows-1252 is decoded here
 * rather than by TextDecoder, which Node maps to Latin-1 (0x80 becomes U+0080 instead of €).
 */
export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedCsv {
  readonly text: string;
  readonly encoding: CsvEncoding;
  /** Length in bytes of the byte-order mark (0 without one); the text starts after it. */
  readonly bomBytes: number;
}

/** Windows-1252's 0x80-0x9F; the rest is Latin-1. The five unassigned bytes stand for themselves. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const CP1252_BYTE = new Map<number, number>([...CP1252_HIGH].map((ch, i) => [ch.charCodeAt(0), 0x80 + i]));

function decodeCp1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const codes = Array.from(bytes.subarray(at, at + CHUNK), (b) =>
      b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  const utf16 = (encoding: "utf-16le" | "utf-16be"): DecodedCsv => ({
    text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(2)),
    encoding,
    bomBytes: 2,
  });
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16("utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16("utf-16be");
  const bomBytes = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    const text = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(bytes.subarray(bomBytes));
    return { text, encoding: "utf-8", bomBytes };
  } catch {
    return { text: decodeCp1252(bytes), encoding: "windows-1252", bomBytes: 0 };
  }
}

/**
 * Text into the file's encoding, for the fields a write-back fills. `lossy` says whether some
 * character has no Windows-1252 byte (it is written as `?`); the other encodings hold everything.
 */
export function encodeCsv(text: string, encoding: CsvEncoding): { bytes: Uint8Array; lossy: boolean } {
  if (encoding === "utf-8") return { bytes: new TextEncoder().encode(text), lossy: false };
  if (encoding === "utf-16le" || encoding === "utf-16be") {
    const out = new Uint8Array(text.length * 2);
    const [lo, hi] = encoding === "utf-16le" ? [0, 1] : [1, 0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 * i + lo] = c & 0xff;
      out[2 * i + hi] = c >> 8;
    }
    return { bytes: out, lossy: false };
  }
  const out = new Uint8Array(text.length);
  let lossy = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const byte = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : CP1252_BYTE.get(c);
    if (byte === undefined) lossy = true;
    out[i] = byte ?? 0x3f;
  }
  return { bytes: out, lossy };
}
