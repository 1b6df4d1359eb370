import {
  type Certification,
  type CertificationMention,
  type CertificationRole,
  readCertifications,
  recogniseCertifications,
} from "../certifications/recognise.js";
import type { MatchIndex } from "./index.js";
import { DRAFT_BAR } from "./ranker-weights.js";

/**
 * A question asking whether the vendor holds certification X may only be drafted from an entry about
 * X: the nearest certification entry by words ("SOC 1 Type II?" → the SOC 2 entry, "ISO 22301
 * certified?" → the ISO 27001 entry) would claim what the vendor does not hold. Entries about other
 * certifications, or about none (and, for a question that names a certification only as the yardstick
 * of another topic, the entries whose subject it is), stay as alternatives held under this cap.
 */
export const OTHER_CERTIFICATION_CAP = 0.3;
/**
 * The entry is about X but the question names a form the entry does not hold (a SOC 2 Type I report
 * when the entry's report is Type II, the 2013 edition of ISO 27001 when the certificate is 2022):
 * its "Yes" would not be quite true, so a reviewer words the answer. Under the draft bar.
 */
export const OTHER_FORM_CAP = Math.round(DRAFT_BAR * 0.9 * 1000) / 1000;
/**
 * An entry about this many certifications or more is a catch-all ("we hold none of SOC 1, HITRUST,
 * TISAX…"): it is drafted only for a question asking whether the vendor holds schemes it names
 * (below); otherwise an owner confirms it (review).
 */
export const CATCH_ALL = 4;

/** What matching reads of the certifications a question asks about. */
export interface CertificationAsk {
  /**
   * holding: only an entry about one of them may be drafted. yardstick: the question is about
   * another topic, measured by them, so no entry whose subject they are may be. mention (named
   * otherwise: "Does the ISO 27001 certificate scope include…"): no entry whose subject is another
   * certification may be.
   */
  readonly role: CertificationRole;
  readonly certifications: ReadonlySet<Certification>;
  /** The form named per certification: soc2 → "type1", iso27001 → "2013", csa-star → "2". */
  readonly forms: ReadonlyMap<Certification, string>;
}

interface EntryCertifications {
  /** Certifications the entry's own question and phrasings name: what it may answer. */
  readonly about: ReadonlySet<Certification>;
  /**
   * Those named in at least half of them: its subject. "Do you monitor your critical suppliers?"
   * names SOC 2 in one phrasing (suppliers' reports): about SOC 2, but SOC 2 is not its subject.
   */
  readonly subject: ReadonlySet<Certification>;
  /** The entry answers "No": it holds none of them, whatever forms it names. */
  readonly declines: boolean;
  /** Forms its question, phrasings or answer name, per certification ("soc2" → {"type2"}). */
  readonly forms: ReadonlyMap<Certification, ReadonlySet<string>>;
}

function formOf(m: CertificationMention): string | undefined {
  return m.reportType ?? m.edition ?? m.level;
}

/**
 * Read from each entry's own texts, not from a list of entry ids: its question and phrasings say what
 * it is about (not its answer, which names what is held instead: "No. We hold ISO/IEC 27001:2022…");
 * all three say which form it holds. Kept per index, computed once.
 */
const byIndex = new WeakMap<MatchIndex, readonly EntryCertifications[]>();

export function entryCertifications(index: MatchIndex): readonly EntryCertifications[] {
  let all = byIndex.get(index);
  if (all) return all;
  all = index.entries.map((e) => {
    const about = new Set<Certification>();
    const counts = new Map<Certification, number>();
    const forms = new Map<Certification, Set<string>>();
    const texts = [e.question, ...e.phrasings];
    for (const text of texts)
      for (const c of new Set(recogniseCertifications(text).map((m) => m.certification))) {
        about.add(c);
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
    const subject = new Set([...counts].filter(([, n]) => 2 * n >= texts.length).map(([c]) => c));
    for (const text of [...texts, e.answer])
      for (const m of recogniseCertifications(text)) {
        const form = formOf(m);
        if (!form || !about.has(m.certification)) continue;
        const set = forms.get(m.certification) ?? new Set<string>();
        set.add(form);
        forms.set(m.certification, set);
      }
    return { about, subject, forms, declines: e.short === "No" };
  });
  byIndex.set(index, all);
  return all;
}

/** The certifications the question names and how, or null when it names none. */
export function askedCertifications(text: string): CertificationAsk | null {
  const reading = readCertifications(text);
  if (!reading) return null;
  const forms = new Map<Certification, string>();
  for (const m of reading.mentions) {
    const form = formOf(m);
    if (form) forms.set(m.certification, form);
  }
  return { role: reading.role, certifications: new Set(reading.mentions.map((m) => m.certification)), forms };
}

/** Whether entry `entry` may be drafted for this question at all (else it is capped hard). */
export function answersCertification(index: MatchIndex, ask: CertificationAsk, entry: number): boolean {
  const e = entryCertifications(index)[entry];
  if (!e) return false;
  let shared = false;
  for (const c of ask.certifications) if (e.about.has(c)) shared = true;
  if (ask.role === "holding") return shared;
  // A yardstick's own certification entries answer the certificate, not the topic measured by it.
  if (ask.role === "yardstick") {
    if (e.about.size >= CATCH_ALL) return false;
    for (const c of ask.certifications) if (e.subject.has(c)) return false;
  }
  // Named otherwise ("a SOC 1 report covering controls relevant to our financial reporting"): an
  // entry whose subject is another certification answers for that one, not for the one named.
  if (e.subject.size > 0 && !shared) return false;
  return true;
}

/** Per certification, the forms the library's entries about it name: what the vendor holds. */
const heldByIndex = new WeakMap<MatchIndex, ReadonlyMap<Certification, ReadonlySet<string>>>();

function heldForms(index: MatchIndex): ReadonlyMap<Certification, ReadonlySet<string>> {
  let held = heldByIndex.get(index);
  if (held) return held;
  const all = new Map<Certification, Set<string>>();
  for (const e of entryCertifications(index)) {
    if (e.declines) continue;
    for (const [c, forms] of e.forms) {
      const set = all.get(c) ?? new Set<string>();
      for (const f of forms) set.add(f);
      all.set(c, set);
    }
  }
  held = all;
  heldByIndex.set(index, held);
  return held;
}

/**
 * The highest confidence entry `entry` may keep for this question: 1 when nothing holds it back,
 * else one of the caps above.
 */
export function certificationCap(index: MatchIndex, ask: CertificationAsk, entry: number): number {
  const e = entryCertifications(index)[entry];
  if (!e || !answersCertification(index, ask, entry)) return OTHER_CERTIFICATION_CAP;
  // A form the library never names for this certification, while it names others: not held as asked.
  if (ask.role === "holding")
    for (const [c, form] of ask.forms) {
      const held = heldForms(index).get(c);
      if (e.about.has(c) && held && !held.has(form)) return OTHER_FORM_CAP;
    }
  if (e.about.size < CATCH_ALL) return 1;
  return ask.role === "holding" && declinesAllAsked(e, ask) ? 1 : OTHER_FORM_CAP;
}

/**
 * A catch-all's "No" stands for the schemes its own question and phrasings name, and the library
 * owner reviews that list (its reviewBy date): "Do you hold HITRUST?" is drafted "No" from it. A
 * scheme it does not name ("ISAE 3000?"), or a form other than the one it declines ("CSA STAR
 * Level 1" when it declines Level 2), stays for review.
 */
function declinesAllAsked(e: EntryCertifications, ask: CertificationAsk): boolean {
  if (!e.declines) return false;
  for (const c of ask.certifications) {
    if (!e.about.has(c)) return false;
    const asked = ask.forms.get(c);
    const declined = e.forms.get(c);
    if (asked && declined && !declined.has(asked)) return false;
  }
  return true;
}

/** The entries held back when the question names no certification this module recognises. */
interface HeldBack {
  /** Catch-alls ("we hold none of SOC 1, HITRUST, TISAX…"): their list may not name what was asked. */
  readonly catchAlls: ReadonlySet<string>;
  /** Entries whose subject is a certification: held back for a scheme the library never names. */
  readonly certificationEntries: ReadonlySet<string>;
  /** Every acronym-like name the library's entries write, lower-cased: the schemes it can speak of. */
  readonly names: ReadonlySet<string>;
}

const heldBackByIndex = new WeakMap<MatchIndex, HeldBack>();

function heldBack(index: MatchIndex): HeldBack {
  let held = heldBackByIndex.get(index);
  if (held) return held;
  const catchAlls = new Set<string>();
  const certificationEntries = new Set<string>();
  const names = new Set<string>();
  entryCertifications(index).forEach((e, i) => {
    const entry = index.entries[i];
    if (!entry) return;
    if (e.about.size >= CATCH_ALL) catchAlls.add(entry.id);
    if (e.subject.size > 0) certificationEntries.add(entry.id);
    for (const text of [entry.question, ...entry.phrasings, entry.answer])
      for (const m of text.matchAll(SCHEME_NAME)) names.add(m[0].toLowerCase());
  });
  held = { catchAlls, certificationEntries, names };
  heldBackByIndex.set(index, held);
  return held;
}

/** Words of holding a scheme: certified, accreditation, attestation, a label, an authorisation. */
const HOLDING_VOCABULARY = /\b(?:certif\w*|accredit\w*|attest\w*|label|authori[sz](?:ed|ation)|registered)\b/i;
/** A scheme's name as buyers write it: an acronym, possibly with digits or a suffix ("CMMC", "ISMS-P", "K-ISMS"). */
const SCHEME_NAME = /\b[A-Z][A-Z0-9]+(?:[-/][A-Z0-9]+)*\b/g;

/**
 * For a question that names no certification askedCertifications recognises, the highest confidence
 * an entry may keep, by id. The catch-all always goes to review ("a current CMMC Level 2
 * certification?" matched by its words to "we hold none of SOC 1, HITRUST, TISAX…"). A question
 * about holding a scheme the library never names ("certified under the ISMS-P scheme?") holds back
 * the certification entries too: they match it by "certified" and "ISMS" alone, and their "Yes" would
 * claim another scheme. Both stay candidates, under the draft bar, for a reviewer.
 */
export function capWithoutCertification(index: MatchIndex, ask: string): (entryId: string) => number {
  const held = heldBack(index);
  const unknownScheme = (vocabulary: RegExp) =>
    vocabulary.test(ask) && [...ask.matchAll(SCHEME_NAME)].some((m) => !held.names.has(m[0].toLowerCase()));
  // Compliance with a law or framework the library never names ("Are you FERPA compliant?", "Do you
  // comply with GLBA?"): no entry speaks to it, and the nearest compliance entry (the CCPA's) was
  // drafted as if it did. Every entry stays a candidate for a reviewer, under the draft bar.
  if (unknownScheme(COMPLIANCE_VOCABULARY)) return () => OTHER_FORM_CAP;
  const unknownHeld = unknownScheme(HOLDING_VOCABULARY);
  return (id) => (held.catchAlls.has(id) || (unknownHeld && held.certificationEntries.has(id)) ? OTHER_FORM_CAP : 1);
}

/** Words of complying with a law, regulation or framework. */
const COMPLIANCE_VOCABULARY = /\b(?:complian\w*|comply|complies|conform\w*|adhere\w*)\b/i;
