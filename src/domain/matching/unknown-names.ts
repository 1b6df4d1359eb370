import type { MatchIndex } from "./index.js";
import { tokenize } from "./tokenize.js";

/**
 * A name the question's ask turns on that the library never writes: a product ("Do you use
 * CrowdStrike as your EDR vendor?"), a technology ("Are OT and SCADA systems segmented?"), a
 * scheme ("CMMI level 3?"). The nearest entry answers the general practice and its "Yes" would
 * vouch for the name too, so no entry is drafted: the candidates stay for a reviewer.
 *
 * A name is a word written with a capital inside the sentence (an acronym, "Splunk", "CrowdStrike",
 * "GPUs"), not the sentence's first word; a capitalised common word ("the Security Policy") is known. Examples and asides do not count ("such as Shibboleth or ADFS",
 * "(e.g. CSSLP)", "(IaC)"): they illustrate the ask rather than narrow it.
 */
/** A run of capitalised words, hyphenated parts kept together ("Wi-Fi", "European Economic Area"). */
const CAPITALISED_RUN = /\b[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?:\s+[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)*\b/g;
/** One capitalised word, hyphenated parts kept together. */
const CAPITALISED_WORD = /\b[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\b/g;
/** An acronym or a word with capitals inside ("SCADA", "GPUs", "CrowdStrike"): a name wherever it stands. */
const ACRONYM_OR_CAMEL = /^[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*$/;
/** Examples and parentheses: what follows "such as", "e.g.", "like", "for example" up to the next clause. */
const EXAMPLES = /\b(such as|e\.g\.|eg|for example|for instance|including|like)\b[^.?;:]*/gi;
/**
 * Parentheses go first: an example clause ends at a full stop, and the one of an abbreviation inside
 * a parenthesis ("… including information assets (Art. 8 DORA)?") would cut the parenthesis in two
 * and leave the law it cites ("DORA") read as a name.
 */
const PARENTHESES = /\([^()]*\)/g;

/**
 * The parties' defined terms, capitalised in tenders and contracts ("Does the Bidder…", "the
 * Authority's data", "the Tenderer shall…"): roles, not names that narrow the ask.
 */
const DEFINED_TERMS = new Set(
  "bidder bidders tenderer tenderers offeror offerors proposer proposers respondent respondents supplier suppliers vendor vendors contractor contractors subcontractor subcontractors provider providers processor processors sub-processor sub-processors subprocessor subprocessors controller controllers customer customers client clients licensor licensee seller buyer purchaser authority agency institution university district company organisation organization party parties applicant insured affiliate affiliates recipient discloser council department trust".split(
    " ",
  ),
);

/**
 * The form's own words, capitalised as the names of its columns and answers ("list them in
 * Comment", "state it in the Comments column", "If Yes, …"), the stages of an environment written
 * as acronyms ("dev or QA environments", "UAT"), a pull request ("merge their own PR"), and the
 * kinds of data a regime names ("Is CUI encrypted at rest?", "ePHI", "FCI"): they narrow nothing,
 * the practice asked about is the same.
 */
const FORM_WORDS = new Set(
  "comment comments notes note remarks response responses answer answers column columns field fields evidence attachment attachments tab sheet yes no na n/a other explanation justification details description qa uat sit dev prod pr prs cui fci phi ephi pii spi".split(
    " ",
  ),
);

/**
 * Regulators, named as whom a breach is reported to or who investigated ("an HHS Office for Civil
 * Rights (OCR) investigation", "notified the CNIL"): the practice asked about is the vendor's own,
 * and the library's entries on breaches, notification and legal actions answer it.
 */
const REGULATORS = new Set(
  "hhs ocr ico cnil anssi edpb edps dpc aepd bfdi cnpd garante oaic ftc fca pra finma bafin".split(" "),
);

/**
 * The words of a legal or standard's reference before its number ("Art. 33(2) GDPR", "Section 4.2",
 * "Annex II", "Recital 83"): they point to a clause, they do not name a product.
 */
const REFERENCE_WORD =
  /^(Art|Arts|Article|Articles|Sec|Section|Sections|Para|Paragraph|Recital|Recitals|Annex|Clause|Clauses|Chapter|Schedule|Appendix|Title|Part|Rule|Req|Requirement)$/;
const REFERENCE_NUMBER = /^\.?\s*(\d|[IVX]+\b)/;
/**
 * A law written next to its clause ("Art. 26 DORA", "Article 28(3) GDPR", "DORA Art. 29", "NIS2
 * Article 21(2)(d)"): it says where the buyer's question comes from, and the practice asked about is
 * still the vendor's. Alone ("Are you DORA compliant?") it is what is asked, and stays a name.
 */
const CLAUSE = "(art|arts|article|articles|sec|section|recital|annex|chapter|req|requirement)\\.?\\s?\\d";
const AFTER_CLAUSE = new RegExp(`\\b${CLAUSE}[\\d.()a-z]*\\s+(of\\s+(the\\s+)?)?$`, "i");
const BEFORE_CLAUSE = new RegExp(`^\\s+${CLAUSE}`, "i");
const citedLaw = (text: string, start: number, word: string): boolean =>
  /^[A-Z][A-Z0-9]+$/.test(word) &&
  (AFTER_CLAUSE.test(text.slice(Math.max(0, start - 40), start)) ||
    BEFORE_CLAUSE.test(text.slice(start + word.length)));
/** A SOC 2 criterion's id ("CC6.1", "A1.2", "PI1.3") and "OK" ("Is that OK?"): capitals that name nothing. */
const NOT_A_NAME = /^(CC\d{1,2}|PI\d{1,2}|[ACP]\d{1,2}|OK)$/;

/** The last word of a law's or a regulator's rulebook's title. */
const LAW_TITLE_END = /\b(Act|Acts|Principles|Regulations?|Directive|Law|Laws|Ordinance|Guidelines)$/;

/** Per index, each name already looked up: a name recurs across a workbook's rows. */
const knownByIndex = new WeakMap<MatchIndex, Map<string, boolean>>();

function isKnown(index: MatchIndex, word: string): boolean {
  const lower = word.toLowerCase();
  if (DEFINED_TERMS.has(lower) || FORM_WORDS.has(lower) || REGULATORS.has(lower)) return true;
  let known = knownByIndex.get(index);
  if (!known) {
    known = new Map();
    knownByIndex.set(index, known);
  }
  let result = known.get(word);
  if (result === undefined) {
    // The library's own spelling first (cheap); else any of the word's stems in any field.
    const tokens = index.lexicon.has(word.toLowerCase()) ? null : tokenize(word);
    result =
      tokens === null ||
      tokens.length === 0 ||
      tokens.some(
        (t) => index.questions.postings.has(t) || index.answers.postings.has(t) || index.controls.postings.has(t),
      );
    if (known.size >= 10_000) known.clear();
    known.set(word, result);
  }
  return result;
}

/**
 * A name in a party's place: the owner of data, people or premises ("Contoso data", "Contoso's
 * users", "Northwind customer records") or the one notified ("notify Fabrikam"). Buyers write their
 * own name so; it says whose, not what, and narrows nothing. Not before "systems" or "networks"
 * ("SCADA networks" is a technology) and never an acronym.
 */
const PARTY_AFTER =
  /^('s|s')?\s+(own\s+)?((customer|client|employee|staff|student|patient|user|personal|business|corporate|production)\s+)?(data|information|content|records|files|users|staff|employees|personnel|customers|clients|students|patients|premises|sites?|offices?|polic(y|ies)|requirements|standards|contracts?)\b/i;
// Not "to", "with", "by": "send logs to Splunk", "integrate with Workday" name a product.
const PARTY_BEFORE = /\b(notify|notifies|notified|inform|informs|informed|tell|alert|on behalf of)\s+$/i;
function inPartyPlace(text: string, start: number, word: string): boolean {
  return PARTY_AFTER.test(text.slice(start + word.length)) || PARTY_BEFORE.test(text.slice(0, start));
}

/** The names in the ask (outside examples and asides) that no library text uses. */
export function unknownNames(index: MatchIndex, ask: string): string[] {
  // Most asks have no capital past their first letter, or only capitalised words the library
  // writes ("MFA", "SOC", "ISO"): nothing more to read.
  if (!/[A-Z]/.test(ask.slice(1))) return [];
  let unknownWord = false;
  for (const m of ask.matchAll(CAPITALISED_WORD))
    if (m.index !== 0 && !isKnown(index, m[0])) {
      unknownWord = true;
      break;
    }
  if (!unknownWord) return [];
  const text = ask.replace(PARENTHESES, " ").replace(EXAMPLES, " ");
  const out: string[] = [];
  for (const m of text.matchAll(CAPITALISED_RUN)) {
    const words = [...m[0].matchAll(/\S+/g)].map((w) => ({ word: w[0], at: m.index + (w.index ?? 0) }));
    // The sentence's first word is capitalised by grammar, not because it is a name.
    const before = text.slice(0, m.index);
    if (/^\s*$/.test(before) || /[.?!]\s*$/.test(before)) words.shift();
    const lone = words.length === 1;
    // A law's title ("the Australian Privacy Act", "Modern Slavery Act 2015", "Australian Privacy
    // Principles"): a word of it the library never writes names a law the library does not answer for.
    const namesALaw = !lone && LAW_TITLE_END.test(m[0]);
    for (const { word, at } of words) {
      // A lone capitalised word mid-sentence is a name ("Splunk"); in a title-cased run ("the European
      // Economic Area", "the Information Security Policy") only acronyms and inner capitals are.
      if (!lone && !ACRONYM_OR_CAMEL.test(word) && !namesALaw) continue;
      if (isKnown(index, word) || NOT_A_NAME.test(word) || citedLaw(text, at, word)) continue;
      // An acronym stays a name even in a party's place: "SCADA data", "OT staff" name a technology.
      if (lone && !/^[A-Z0-9-]+$/.test(word) && inPartyPlace(text, at, word)) continue;
      if (lone && REFERENCE_WORD.test(word) && REFERENCE_NUMBER.test(text.slice(at + word.length))) continue;
      out.push(word);
    }
  }
  return out;
}
