/**
 * Just enough XML for surgical edits of OOXML parts: a linear tag scanner, attribute access and
 * text escaping. No DOM on purpose: a DOM round trip re-serialises the whole part (attribute
 * order, namespace declarations, whitespace), and the brief is to change only the answer cells.
 */

export type TagKind = "open" | "close" | "self" | "other";

export interface Tag {
  /** Index of `<`. */
  readonly start: number;
  /** Index just after `>`. */
  readonly end: number;
  /** Qualified name as written (`x:c`), empty for comments / PIs / CDATA. */
  readonly name: string;
  /** Name without its namespace prefix (`c`). */
  readonly local: string;
  readonly kind: TagKind;
}

function isNameEnd(code: number): boolean {
  // whitespace, `/`, `>`
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2f || code === 0x3e;
}

/** Index just after the `>` that closes the tag opened at `from`, honouring quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (quote !== 0) {
      if (ch === quote) quote = 0;
    } else if (ch === 0x22 || ch === 0x27) {
      quote = ch;
    } else if (ch === 0x3e) {
      return i + 1;
    }
  }
  return -1;
}

function skipTo(xml: string, from: number, terminator: string): number {
  const at = xml.indexOf(terminator, from);
  return at < 0 ? -1 : at + terminator.length;
}

/** The next tag at or after `from`, or null at the end (or on a truncated document). Linear in the skipped text. */
export function nextTag(xml: string, from: number): Tag | null {
  const start = xml.indexOf("<", from);
  if (start < 0) return null;
  const second = xml.charCodeAt(start + 1);
  if (second === 0x21 /* ! */ || second === 0x3f /* ? */) {
    const end = xml.startsWith("<!--", start)
      ? skipTo(xml, start + 4, "-->")
      : xml.startsWith("<![CDATA[", start)
        ? skipTo(xml, start + 9, "]]>")
        : second === 0x3f
          ? skipTo(xml, start + 2, "?>")
          : tagEnd(xml, start + 2);
    return end < 0 ? null : { start, end, name: "", local: "", kind: "other" };
  }
  const closing = second === 0x2f;
  let i = start + (closing ? 2 : 1);
  const nameStart = i;
  while (i < xml.length && !isNameEnd(xml.charCodeAt(i))) i++;
  const name = xml.slice(nameStart, i);
  const end = tagEnd(xml, i);
  if (end < 0) return null;
  const colon = name.indexOf(":");
  const local = colon < 0 ? name : name.slice(colon + 1);
  const kind: TagKind = closing ? "close" : xml.charCodeAt(end - 2) === 0x2f ? "self" : "open";
  return { start, end, name, local, kind };
}

export interface AttrSpan {
  readonly name: string;
  readonly value: string;
  /** Span of the raw (still escaped) value inside the tag text, without quotes. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** Attributes of one start tag's text (`<c r="A1" s="3">`), values decoded. */
export function attributes(tag: string): AttrSpan[] {
  const out: AttrSpan[] = [];
  let i = 1;
  while (i < tag.length && !isNameEnd(tag.charCodeAt(i))) i++; // skip the element name
  while (i < tag.length) {
    const ch = tag.charCodeAt(i);
    if (isNameEnd(ch)) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < tag.length && tag[i] !== "=" && !isNameEnd(tag.charCodeAt(i))) i++;
    const name = tag.slice(nameStart, i);
    while (i < tag.length && (tag[i] === " " || tag[i] === "\t" || tag[i] === "\n" || tag[i] === "\r")) i++;
    if (tag[i] !== "=") continue; // malformed: attribute without value
    i++;
    while (i < tag.length && (tag[i] === " " || tag[i] === "\t" || tag[i] === "\n" || tag[i] === "\r")) i++;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'") break;
    const valueStart = i + 1;
    const valueEnd = tag.indexOf(quote, valueStart);
    if (valueEnd < 0) break;
    out.push({ name, value: decodeXml(tag.slice(valueStart, valueEnd)), valueStart, valueEnd });
    i = valueEnd + 1;
  }
  return out;
}

export function attr(tag: string, name: string): string | null {
  for (const a of attributes(tag)) if (a.name === name) return a.value;
  return null;
}

/** The tag text with one existing attribute's value replaced (the attribute must exist). */
export function replaceAttr(tag: string, name: string, value: string): string {
  const found = attributes(tag).find((a) => a.name === name);
  if (!found) return tag;
  return tag.slice(0, found.valueStart) + escapeXml(value) + tag.slice(found.valueEnd);
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decode the five named entities and numeric character references. */
export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const amp = text.indexOf("&", i);
    if (amp < 0) break;
    const semi = text.indexOf(";", amp);
    // Entities are short; a far-away `;` means a stray `&` (not well-formed, but do not choke on it).
    if (semi < 0 || semi - amp > 12) {
      out += text.slice(i, amp + 1);
      i = amp + 1;
      continue;
    }
    const body = text.slice(amp + 1, semi);
    let decoded: string | undefined;
    if (body.startsWith("#x") || body.startsWith("#X")) decoded = fromCodePoint(Number.parseInt(body.slice(2), 16));
    else if (body.startsWith("#")) decoded = fromCodePoint(Number.parseInt(body.slice(1), 10));
    else decoded = NAMED_ENTITIES[body];
    out += text.slice(i, amp) + (decoded ?? text.slice(amp, semi + 1));
    i = semi + 1;
  }
  return out + text.slice(i);
}

function fromCodePoint(cp: number): string | undefined {
  return Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
}

/** Escape for element text and attribute values alike. */
export function escapeXml(text: string): string {
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

/**
 * Remove what XML 1.0 cannot carry at all (C0 controls other than TAB/LF/CR, U+FFFE/U+FFFF, lone
 * surrogates): one such character makes Excel refuse the whole file.
 */
export function stripInvalidXmlChars(text: string): string {
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
