/**
 * A flate bomb guard for PDFs: every FlateDecode stream is inflated once here, counting bytes and
 * stopping at the limit, before pdf.js sees the file (pdf.js would inflate a 200 MB stream whole).
 * Streams that do not inflate are left to pdf.js, which reports the file as damaged.
 */
import { Unzlib } from "fflate";
import { QuireError } from "../domain/errors.js";
import type { IngestLimits } from "./limits.js";

const STREAM = /stream\r?\n/g;
const TOO_BIG = Symbol("too big");

export function checkPdfStreams(bytes: Uint8Array, limits: IngestLimits): void {
  // Latin-1 keeps byte offsets equal to string offsets.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  // Random bytes behind a %PDF header sent pdf.js into a repair scan that took 20 s and 400 MB:
  // a file with neither an object nor a cross-reference table is not a PDF to repair.
  if (!/\d+\s+\d+\s+obj\b/.test(text) && !text.includes("startxref")) {
    throw new QuireError(
      "corrupt_file",
      "The PDF could not be read: it contains no PDF objects (it is damaged or not a PDF).",
      422,
    );
  }
  for (const match of text.matchAll(STREAM)) {
    const start = (match.index ?? 0) + match[0].length;
    if (text.slice(Math.max(0, (match.index ?? 0) - 6), match.index).includes("end")) continue; // "endstream"
    const dictionary = text.slice(Math.max(0, (match.index ?? 0) - 400), match.index);
    if (!/\/(FlateDecode|Fl)\b/.test(dictionary.slice(dictionary.lastIndexOf("obj")))) continue;
    const end = text.indexOf("endstream", start);
    const data = bytes.subarray(start, end < 0 ? bytes.length : end);
    let total = 0;
    try {
      const inflater = new Unzlib((chunk) => {
        total += chunk.length;
        if (total > limits.maxPdfStreamBytes) throw TOO_BIG;
      });
      // Small slices: fflate emits output per push, so a bomb is caught after a few MB, not after 200.
      for (let at = 0; at < data.length; at += 4096) {
        inflater.push(data.subarray(at, Math.min(data.length, at + 4096)), at + 4096 >= data.length);
      }
    } catch (error) {
      if (error === TOO_BIG) {
        throw new QuireError(
          "pdf_stream_too_large",
          `The PDF contains a compressed stream that expands to more than ${Math.round(limits.maxPdfStreamBytes / 1048576)} MB, which looks like a decompression bomb; it was not opened.`,
          413,
          { limit: limits.maxPdfStreamBytes },
        );
      }
      // Not valid zlib data: pdf.js decides what the file is.
    }
  }
}
