/**
 * The one XML scanner, for ingest (reading the OOXML parts SheetJS does not expose) and export
 * (surgical edits of those parts, export/xml.ts): a linear tag scanner with positions, attribute
 * access and entity decoding. No DOM on purpose: a DOM round trip re-serialises a whole part, and
 * no entity expansion beyond the five predefined entities and character references, so there is
 * no XXE or billion-laughs surface.
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

/**
 * Calls `visit` with each attribute of one start tag's text (`<c r="A1" s="3">`): its name and the
 * span of its raw value; stops when `visit` returns true. No arrays, no decoding: `attr` runs once
 * per cell of a 5,000-row sheet, and only the value asked for is decoded.
 */
function scanAttributes(tag: string, visit: (name: string, valueStart: number, valueEnd: number) => boolean): void {
  let i = 1;
  while (i < tag.length && !isNameEnd(tag.charCodeAt(i))) i++; // skip the element name
  while (i < tag.length) {
    const ch = tag.charCodeAt(i);
    if (isNameEnd(ch)) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < tag.length && tag.charCodeAt(i) !== 0x3d /* = */ && !isNameEnd(tag.charCodeAt(i))) i++;
    const nameEnd = i;
    while (i < tag.length && isSpace(tag.charCodeAt(i))) i++;
    if (tag.charCodeAt(i) !== 0x3d) continue; // malformed: attribute without value
    i++;
    while (i < tag.length && isSpace(tag.charCodeAt(i))) i++;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'") break;
    const valueStart = i + 1;
    const valueEnd = tag.indexOf(quote, valueStart);
    if (valueEnd < 0) break;
    if (visit(tag.slice(nameStart, nameEnd), valueStart, valueEnd)) return;
    i = valueEnd + 1;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Attributes of one start tag's text (`<c r="A1" s="3">`), values decoded. */
export function attributes(tag: string): AttrSpan[] {
  const out: AttrSpan[] = [];
  scanAttributes(tag, (name, valueStart, valueEnd) => {
    out.push({ name, value: decodeXml(tag.slice(valueStart, valueEnd)), valueStart, valueEnd });
    return false;
  });
  return out;
}

export function attr(tag: string, name: string): string | null {
  let value: string | null = null;
  scanAttributes(tag, (found, valueStart, valueEnd) => {
    if (found !== name) return false;
    value = decodeXml(tag.slice(valueStart, valueEnd));
    return true;
  });
  return value;
}

/** An attribute's value as written (entities not decoded), or null: for a caller that decodes it itself. */
export function rawAttr(tag: string, name: string): string | null {
  let value: string | null = null;
  scanAttributes(tag, (found, valueStart, valueEnd) => {
    if (found !== name) return false;
    value = tag.slice(valueStart, valueEnd);
    return true;
  });
  return value;
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

/** The text between an element's start tag and its end tag (entities decoded), and where the end tag ends. */
export function elementText(xml: string, open: Tag): { text: string; end: number } {
  if (open.kind !== "open") return { text: "", end: open.end };
  let depth = 0;
  for (let tag = nextTag(xml, open.end); tag; tag = nextTag(xml, tag.end)) {
    if (tag.name !== open.name) continue;
    if (tag.kind === "open") depth++;
    else if (tag.kind === "close" && depth-- === 0) {
      return { text: decodeXml(xml.slice(open.end, tag.start)), end: tag.end };
    }
  }
  return { text: decodeXml(xml.slice(open.end)), end: xml.length };
}
