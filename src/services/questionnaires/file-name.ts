/**
 * The name a questionnaire is stored and exported under: the last path segment of what the
 * client sent (a browser sends a bare name; a hostile client may send "../../etc/passwd"), without
 * control characters, at most 200 characters. Any script is kept: "Fragebogen_日本_✓.csv" stays.
 */
export function safeFileName(sent: string | undefined | null): string {
  const last = (sent ?? "").split(/[/\\]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = last.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "").trim();
  const bare = clean.replace(/^\.+/, "");
  if (bare === "") return "upload";
  const chars = [...bare];
  if (chars.length <= 200) return bare;
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(bare)?.[0] ?? "";
  return chars.slice(0, 200 - ext.length).join("") + ext;
}
