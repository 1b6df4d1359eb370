/**
 * Just enough XML reading for the few OOXML parts SheetJS does not expose (sheet state, defined
 * names, list validations, bold styles). Regex scanning over well-formed machine-written XML; no
 * entity expansion beyond the five predefined entities and numeric references, so no XXE or
 * billion-laughs surface.
 */

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    switch (e) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default: {
        const code = e.startsWith("#x") ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
      }
    }
  });
}

/** Value of attribute `name` in an element's attribute text, unescaped; null if absent. */
export function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  if (!m) return null;
  return unescapeXml(m[1] ?? m[2] ?? "");
}
