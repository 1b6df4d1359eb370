/**
 * One field as CSV text, for the write-back and the report CSV alike: quoted when it holds the
 * delimiter, a quote, a line break or edge spaces (which the reader would otherwise trim). With
 * `eol`, line breaks inside the value are written in the file's own style.
 */
export function quoteField(value: string, delimiter: string, eol?: string): string {
  const text = eol === undefined ? value : value.replace(/\r\n?|\n/g, eol);
  const needs =
    text.includes(delimiter) ||
    text.includes('"') ||
    text.includes("\n") ||
    text.includes("\r") ||
    text !== text.trim();
  return needs ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A cell that spreadsheet apps would run as a formula gets a leading apostrophe (OWASP CSV injection). */
export function neutraliseFormula(value: string): string {
  const first = value.charAt(0);
  return first === "=" || first === "+" || first === "-" || first === "@" || first === "\t" || first === "\r"
    ? `'${value}`
    : value;
}
