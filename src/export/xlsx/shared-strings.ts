import { decodeXml, nextTag } from "../../ingest/xml.js";
import { textOf } from "./bytes.js";

/**
 * The shared string table, read only to tell whether a customer cell is blank. The part itself is
 * never rewritten: answers go in as inline strings, so indexes stay valid. `xml` is the part as a
 * byte string (./bytes.ts); the table is scanned once for where each string's text runs are, and
 * a string is decoded only when a cell asks for it (a write-back looks at a few of thousands).
 */
export function readSharedStrings(xml: string): (index: number) => string {
  // Per string, the spans of its text runs (phonetic guide runs left out), flattened: [start, end, …].
  const runs: number[][] = [];
  let current: number[] | null = null;
  let phonetic = 0;
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.local === "si") {
      if (tag.kind === "self") runs.push([]);
      else if (tag.kind === "open") current = [];
      else if (tag.kind === "close" && current !== null) {
        runs.push(current);
        current = null;
      }
    } else if (tag.local === "rPh") {
      // Phonetic guide runs (ruby text) are not part of the cell's value.
      if (tag.kind === "open") phonetic++;
      else if (tag.kind === "close") phonetic--;
    } else if (tag.local === "t" && tag.kind === "open" && current !== null && phonetic === 0) {
      const close = xml.indexOf("</", tag.end);
      if (close < 0) break;
      current.push(tag.end, close);
    }
  }
  const texts = new Map<number, string>();
  return (index) => {
    const known = texts.get(index);
    if (known !== undefined) return known;
    const spans = runs[index];
    let text = "";
    if (spans) for (let k = 0; k < spans.length; k += 2) text += decodeXml(textOf(xml.slice(spans[k], spans[k + 1])));
    texts.set(index, text);
    return text;
  };
}
