/**
 * The customer's CSV encoding, kept: UTF-8 (with or without BOM), UTF-16LE with BOM (Excel's
 * "Unicode Text"), and anything that is not valid UTF-8 treated as Latin-1 so that every byte we
 * do not write round-trips unchanged.
 */
export type CsvEncoding = "utf-8" | "utf-16le" | "latin1";

export interface DecodedText {
  readonly text: string;
  readonly encoding: CsvEncoding;
}

export function decodeCsv(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes), encoding: "utf-16le" };
  }
  try {
    // ignoreBOM keeps U+FEFF in the text, so the BOM is written back as it was.
    return { text: new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    let text = "";
    const CHUNK = 8192;
    for (let i = 0; i < bytes.length; i += CHUNK) text += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
    return { text, encoding: "latin1" };
  }
}

/** Encode back; `lossy` says whether some written character had no Latin-1 byte (written as `?`). */
export function encodeCsv(text: string, encoding: CsvEncoding): { bytes: Uint8Array; lossy: boolean } {
  if (encoding === "utf-8") return { bytes: new TextEncoder().encode(text), lossy: false };
  if (encoding === "utf-16le") {
    const out = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 * i] = c & 0xff;
      out[2 * i + 1] = c >> 8;
    }
    return { bytes: out, lossy: false };
  }
  const out = new Uint8Array(text.length);
  let lossy = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) lossy = true;
    out[i] = c > 0xff ? 0x3f : c;
  }
  return { bytes: out, lossy };
}
