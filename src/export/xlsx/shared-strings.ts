import { decodeXml, nextTag } from "../../ingest/xml.js";

/**
 * The shared string table's texts, read only to tell whether a customer cell is blank. The part
 * itself is never rewritten: answers go in as inline strings, so indexes stay valid.
 */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let phonetic = 0;
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.local === "si") {
      if (tag.kind === "self") out.push("");
      else if (tag.kind === "open") current = "";
      else if (tag.kind === "close" && current !== null) {
        out.push(current);
        current = null;
      }
    } else if (tag.local === "rPh") {
      // Phonetic guide runs (ruby text) are not part of the cell's value.
      if (tag.kind === "open") phonetic++;
      else if (tag.kind === "close") phonetic--;
    } else if (tag.local === "t" && tag.kind === "open" && current !== null && phonetic === 0) {
      const close = xml.indexOf("</", tag.end);
      if (close < 0) break;
      current += decodeXml(xml.slice(tag.end, close));
    }
  }
  return out;
}
