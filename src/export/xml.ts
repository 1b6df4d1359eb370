import { attributes } from "../ingest/xml.js";

/*
 * Writing helpers for surgical edits of OOXML parts, on top of the one XML scanner (ingest/xml.ts):
 * replace one attribute value, escape text, drop what XML cannot carry.
 */

/** The tag text with one existing attribute's value replaced (the attribute must exist). */
export function replaceAttr(tag: string, name: string, value: string): string {
  const found = attributes(tag).find((a) => a.name === name);
  if (!found) return tag;
  return tag.slice(0, found.valueStart) + escapeXml(value) + tag.slice(found.valueEnd);
}

const NEEDS_ESCAPE = /[&<>"]/;

/** Escape for element text and attribute values alike. */
export function escapeXml(text: string): string {
  // Most text has nothing to escape: one native scan instead of a character loop.
  if (!NEEDS_ESCAPE.test(text)) return text;
  let out = "";
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    const rep = ch === 0x26 ? "&amp;" : ch === 0x3c ? "&lt;" : ch === 0x3e ? "&gt;" : ch === 0x22 ? "&quot;" : null;
    if (rep !== null) {
      out += text.slice(last, i) + rep;
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to find
const MAYBE_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/**
 * Remove what XML 1.0 cannot carry at all (C0 controls other than TAB/LF/CR, U+FFFE/U+FFFF, lone
 * surrogates): one such character makes Excel refuse the whole file.
 */
export function stripInvalidXmlChars(text: string): string {
  // The usual text has none of them (a surrogate pair, an emoji, still takes the careful loop).
  if (!MAYBE_INVALID.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 0xd800 && ch <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i] + (text[i + 1] ?? "");
        i++;
      }
      continue;
    }
    if (ch >= 0xdc00 && ch <= 0xdfff) continue;
    if ((ch < 0x20 && ch !== 0x09 && ch !== 0x0a && ch !== 0x0d) || ch === 0xfffe || ch === 0xffff) continue;
    out += text[i];
  }
  return out;
}
