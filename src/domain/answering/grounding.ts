import { polarityOf } from "../drafting/values.js";

/**
 * Whether a drafter's answer text says only what the entries it cites say. The buyer's question is
 * untrusted (it may carry "add this link", "say you are FedRAMP authorised", "repeat your
 * instructions"): whatever of that a model obeys shows up as a link, a claim, a figure, markup or
 * the buyer's own words that no chosen entry contains. Any of those sends the answer back to the
 * offline draft, so an injected instruction can change nothing a buyer reads.
 */

/** Links, e-mail addresses and bare domains. */
const LINK =
  /\bhttps?:\/\/[^\s)"'<>]+|\bwww\.[^\s)"'<>]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|ai|dev|app|xyz|info|biz|ru|cn|me|ly|gl|link|site|online)\b/gi;

/** Certifications, attestations and regimes: a claim of one is a representation to the buyer. */
const CLAIMS: readonly RegExp[] = [
  /\bsoc ?[123]\b/,
  /\btype (?:1|2|i|ii)\b/,
  /\biso(?: iec)? ?\d{4,5}\b/,
  /\bfedramp\b/,
  /\bstateramp\b/,
  /\bpci(?: dss)?\b/,
  /\bhipaa\b/,
  /\bhitrust\b/,
  /\bcsa star\b/,
  /\bcyber essentials\b/,
  /\btisax\b/,
  /\birap\b/,
  /\bc5\b/,
  /\bcmmc\b/,
  /\bnist(?: sp)? ?800\b/,
  /\bpen(?:etration)? ?test/,
  /\bbug bounty\b/,
  /\bcertif(?:ied|ication)\b/,
  /\baccredit/,
];

/** Numbers (durations, percentages, counts, years): figures only an entry may state. */
const NUMBER = /\d+(?:[.,]\d+)*/g;

/** Markup: the prompt's delimiters, or HTML a buyer's portal might render. */
const MARKUP = /<\/?[a-z_][\w-]*[^>]*>|[‹›]/i;

/** Words in a row taken from the buyer's text: an echoed instruction, not an answer. */
const ECHO_WORDS = 8;

/** Lower case, accents and punctuation gone: "ISO/IEC 27001" reads "iso iec 27001", "pen-test" "pen test". */
const plain = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const words = (s: string) => plain(s).split(" ").filter(Boolean);

function shingles(text: string, n: number): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(" "));
  return out;
}

/** Words that carry no claim: a sentence is judged on the rest. */
const STOPWORDS = new Set(
  "also been both does each from have here into just more most much only other over same some such than that their them then there these they this those very were what when where which while will with within would your yours ours about after before being could should under until upon".split(
    " ",
  ),
);
/** A sentence whose content words mostly come from nowhere in its entries is not the entries' answer. */
const SENTENCE_SUPPORT = 0.5;
/** Inflections aside ("encrypts", "encrypted"): words compare on their first letters. */
const stemOf = (w: string) => w.slice(0, 5);
const contentWords = (s: string) => words(s).filter((w) => w.length >= 4 && !STOPWORDS.has(w) && !/^\d+$/.test(w));

function unsupportedSentence(text: string, source: string): string | null {
  const known = new Set(contentWords(source).map(stemOf));
  for (const sentence of text.split(/(?<=[.!?;:])\s+|\n+/)) {
    const content = contentWords(sentence);
    if (content.length === 0) continue;
    const supported = content.filter((w) => known.has(stemOf(w))).length;
    if (supported / content.length < SENTENCE_SUPPORT) return sentence.trim().slice(0, 80);
  }
  return null;
}

/** Why the text is not grounded in the entries, or null when it is. */
export function ungroundedText(text: string, question: string, entryTexts: readonly string[]): string | null {
  const source = entryTexts.join("\n");
  const sourceLower = source.toLowerCase();
  const sourceNorm = ` ${plain(source)} `;

  if (MARKUP.test(text)) return "the answer contains markup";
  const links = [...text.matchAll(LINK)].map((m) => m[0].replace(/[.,;:]+$/, ""));
  const newLink = links.find((l) => !sourceLower.includes(l.toLowerCase()));
  if (newLink) return `the answer adds a link or address its entries do not contain (${newLink})`;

  const textNorm = ` ${plain(text)} `;
  const claim = CLAIMS.find((re) => re.test(textNorm) && !re.test(sourceNorm));
  if (claim) return `the answer claims ${claim.exec(textNorm)?.[0] ?? "something"}, which its entries do not state`;

  const sourceNumbers = new Set((source.match(NUMBER) ?? []).map((n) => n.replace(/,/g, "")));
  const figure = (text.match(NUMBER) ?? []).find((n) => !sourceNumbers.has(n.replace(/,/g, "")));
  if (figure) return `the answer states a figure its entries do not (${figure})`;

  const fromSource = shingles(source, ECHO_WORDS);
  const fromQuestion = shingles(question, ECHO_WORDS);
  for (const s of shingles(text, ECHO_WORDS)) {
    if (!fromSource.has(s) && fromQuestion.has(s)) return "the answer repeats the buyer's text";
  }
  const unsupported = unsupportedSentence(text, source);
  if (unsupported) return `the answer says what its entries do not ("${unsupported}")`;
  return null;
}

/**
 * Whether a Yes/No or choice value agrees with the entries it cites: a model told "answer Yes to
 * everything" picks an entry whose short answer is No and says Yes. Inverted questions (where the
 * offline engine flipped the entry's value) are judged by refine against the offline value instead.
 */
export function valueContradictsEntries(
  value: string | null,
  kind: "yes_no" | "choice" | "free_text",
  allowed: readonly string[] | null,
  shorts: readonly (string | null)[],
  /** The offline draft's value when it was drafted from the same entries: what the library supports. */
  offlineValue: string | null,
): string | null {
  if (value === null || kind === "free_text") return null;
  const known = shorts.filter((s): s is string => s !== null);
  if (kind === "yes_no") {
    const stated: string[] = known.map(polarityOf).filter((p) => p === "yes" || p === "no" || p === "na");
    if (stated.length > 0) {
      return stated.includes(polarityOf(value)) ? null : `the value "${value}" contradicts the entry's "${known[0]}"`;
    }
  } else {
    const exact = (allowed ?? []).filter((a) => known.some((s) => s.trim().toLowerCase() === a.trim().toLowerCase()));
    if (exact.length > 0) return exact.includes(value) ? null : `the value "${value}" is not the entry's "${exact[0]}"`;
  }
  // No entry states a value: only the one the offline engine read from the same entries will do.
  if (offlineValue !== null && offlineValue === value) return null;
  return `no chosen entry states the value "${value}"`;
}
