import { describe, expect, it } from "vitest";
import { readEvalSet } from "../../eval/dataset.js";
import {
  answersCertification,
  askedCertifications,
  capWithoutCertification,
  certificationCap,
  OTHER_FORM_CAP,
} from "../../src/domain/matching/certification-guard.js";
import { gramSimilarities } from "../../src/domain/matching/char-grams.js";
import { calibrationInput, type Features, probabilityOf, relevanceOf } from "../../src/domain/matching/features.js";
import type { MatchIndex } from "../../src/domain/matching/index.js";
import {
  askedThing,
  buildQuery,
  type Candidate,
  matchQuery,
  type Query,
  SHORTLIST,
} from "../../src/domain/matching/match.js";
import { RELEVANCE } from "../../src/domain/matching/ranker-weights.js";
import { regulationNotNamed } from "../../src/domain/matching/regulation-guard.js";
import { normalizeText, tokenize } from "../../src/domain/matching/tokenize.js";
import { unknownNames } from "../../src/domain/matching/unknown-names.js";
import { shippedLibrary } from "./helpers.js";
import { idfOf, plainEntryScores } from "./plain-bm25.js";

/**
 * matchQuery is written for speed (issue 13): compiled term tables, one pass for the coverage
 * sums, the returned candidates' explanations read only for them, concepts tried only at word
 * starts. Below is the ranker as plainly as it can be written (map and set lookups, every feature
 * of every shortlisted entry, a full sort): on real buyer questions the two must agree exactly,
 * every number to the last bit, since the draft bar and the reports read them.
 */

function reference(index: MatchIndex, query: Query, limit: number): Candidate[] {
  const { weights, focusTerms, analysis } = query;
  if (weights.size === 0) return [];
  const { bestDoc, bestScore, answer, control, mass, selfQ, selfA, selfC } = plainEntryScores(index, weights);

  // The shortlist: every entry by its combined score, a stable sort, the first SHORTLIST.
  const combined = index.entries
    .map((_, e) => ({
      e,
      score:
        (bestScore[e] as number) / selfQ +
        (0.3 * (answer[e] as number)) / selfA +
        (0.3 * (control[e] as number)) / selfC,
    }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, Math.max(limit, SHORTLIST));

  const share = (has: (term: string) => boolean) => {
    if (mass === 0) return 0;
    let shared = 0;
    for (const [t, w] of weights) if (has(t)) shared += w * idfOf(index.questions, t);
    return shared / mass;
  };
  const known = (t: string) => index.questions.idf.has(t) || index.answers.idf.has(t) || index.controls.idf.has(t);
  const asked = [...weights].filter(([t, w]) => t.startsWith("§") && w === 1).map(([t]) => t);

  const scored = combined.flatMap(({ e, score }) => {
    const entry = index.entries[e];
    const terms = index.entryTerms[e];
    const topic = index.topicTerms[e] ?? new Set<string>();
    if (!entry || !terms) return [];
    const doc = (bestDoc[e] as number) >= 0 ? index.questions.docs[bestDoc[e] as number] : undefined;
    const shared = doc ? focusTerms.filter((t) => doc.tf.has(t)) : [];
    let dice = 0;
    if (doc) {
      let queryMass = 0;
      let sharedMass = 0;
      for (const t of focusTerms) {
        queryMass += idfOf(index.questions, t);
        if (doc.tf.has(t)) sharedMass += idfOf(index.questions, t);
      }
      let docMass = 0;
      for (const t of doc.tf.keys()) docMass += idfOf(index.questions, t);
      dice = queryMass + docMass === 0 ? 0 : (2 * sharedMass) / (queryMass + docMass);
    }
    const features: Features = {
      coverage: share((t) => terms.has(t)),
      topicCoverage: share((t) => topic.has(t)),
      phrasingCoverage: doc ? share((t) => doc.tf.has(t)) : 0,
      dice,
      questionStrength: Math.min(1.5, (bestScore[e] as number) / selfQ),
      answerStrength: Math.min(1.5, (answer[e] as number) / selfA),
      controlStrength: Math.min(1.5, (control[e] as number) / selfC),
      conceptShare: asked.length === 0 ? 0.5 : asked.filter((t) => terms.has(t)).length / asked.length,
      unknownShare: share((t) => !known(t)),
      queryTerms: Math.min(1, Math.log1p(focusTerms.length) / Math.log1p(6)),
      longQuestion: analysis.context !== "" ? 1 : 0,
      governance: analysis.intent === "governance" ? 1 : 0,
      // char-grams.ts has its own test against a plain cosine (char-grams.test.ts).
      gramSimilarity: gramSimilarities(index.grams, query.wording, [e])[0] ?? 0,
    };
    const ordinal = doc?.ordinal ?? 0;
    // A governance template, or a question asking for a process, procedure, policy or plan, favours the
    // entries whose own questions name a policy, procedure, plan, programme or standard, by 0.225 times
    // the square of their coverage.
    const namesPolicy = [entry.question, ...entry.phrasings].some((t) =>
      /\b(polic(y|ies)|procedures?|plans?|programs?|programmes?|standards?)\b/i.test(t),
    );
    const asksForPolicy =
      analysis.intent === "governance" || /\b(process(es)?|procedures?|polic(y|ies)|plans?)\b/i.test(analysis.ask);
    const policyBonus = asksForPolicy && namesPolicy ? 0.225 * features.coverage ** 2 : 0;
    // An entry about past events (its question and half its phrasings: "Have you ever…", "in the last
    // three years") loses 0.45 for a question that names no past event.
    const past =
      /\b(in recent (years|months)|recently|ever|to date|historically|previously|experienced|suffered|have there been|has there been|were there|did you (have|suffer|experience|notify|report)|have you (had|notified|reported|suffered|experienced|disclosed)|(has|have) (your|the) (company|organi[sz]ation|firm) had|had any|(in|during|over) the (past|last|previous) (year|twelve months|\d+ (yrs?|years?|months?))|(past|last|previous|preceding) (\d+|few|two|three|five|twelve|twenty-four|thirty-six) (yrs?|years?|months?)|last (year|twelve months)|in the past|so far|until now|up to now|before(?=\s*\??\s*$)|^any (data |security )?(breach|breaches|incidents?|compromises?))\b/i;
    const entryAboutThePast =
      past.test(entry.question) && 2 * entry.phrasings.filter((t) => past.test(t)).length >= entry.phrasings.length;
    const historyPenalty = entryAboutThePast && !past.test(`${analysis.ask} ${analysis.context}`) ? 0.45 : 0;
    // A question about what the product lets customers' users do favours, by 0.225, the entries whose
    // question or half of whose phrasings speak of customers (as actors) or their users.
    const productAsk =
      /\b(end[\s-]?users?(?! (devices?|workstations?|computing|endpoints?|systems?|equipment|hardware|laptops?|machines?))|(customer|client|tenant|institution|institutional|application|app|platform|product) (users?|admins?|administrators?)|(allow|allows|enable|enables|let|lets|permit|permits) (customers|clients|users|tenants|institutions|the institution|us|our (users|admins|administrators)) to|provides? (customers|clients|users|tenants|institutions|the institution|us) with|(does|do|can|will|is|are) (your|the) (product|application|app|solution|platform|software|saas) (support|supports|offer|provide|allow|enable|enforce|have|include|integrate|expose|let)|(enforceable|configurable|available|enabled|managed|controlled) by (the |our )?(customer|client|hospital|institution|university|school|district|tenant|organi[sz]ation|admins?|administrators)|(can|does|will) (your|the) (product|application|app|solution|platform|software|saas) (automatically )?((sign|log|time) (\w+ )?(out|off)|lock|end|force|restrict|mask|redact)|(can|could|may|will) our (own )?(users|admins?|administrators|staff|team|people) (configure|set|change|adjust|choose|define|manage|control|enable|disable|turn)|(can|could|may) we (require|enforce|mandate|force|make)\b[^?]{0,30}\b(our|all) (\w+ ){0,2}(users|admins?|administrators|staff|employees|people|managers|members)|\bour (own )?(team|staff|users|people|employees)('?s|')? (logins?|log-?ins|accounts?|sessions?|sign[\s-]?ins?|passwords?)|(how|where|whom?) (do|can|should|would|may) (we|customers|clients|our (\w+ )?(team|staff|users|people)) (reach|contact|report|notify|escalate))\b/i;
    const customerSide =
      /\b((customers?|clients?|tenants?|institutions?)(?!'?s? (data|information|records|content|files|personal|environment))|end[\s-]?users?|(your|their|our|application|app|platform|product|customer) users|(the|your) (application|app|product|solution|platform)|in-app|in the app)\b/i;
    const forProductUsers =
      customerSide.test(entry.question) ||
      2 * entry.phrasings.filter((t) => customerSide.test(t)).length >= entry.phrasings.length;
    const audienceBonus = productAsk.test(analysis.ask) && forProductUsers ? 0.225 : 0;
    // A question about the vendor's own people ("everyone on your team", "your engineers") that
    // names neither the buyer nor customers holds back those same entries by 0.225.
    const workforceAsk =
      /\b(everyone|everybody|anyone|all|each)( of)? (on|at|in|across) your (team|company|organi[sz]ation|business|firm)\b|\byour (own |whole |entire )?((system|it|cloud|platform|database|network) )?(team|staff|employees|people|engineers|developers|workforce|personnel|contractors|admins|administrators|sysadmins|support (staff|team|engineers))\b|\ball (of )?your (staff|employees|people|engineers|team)\b/i.test(
        analysis.ask,
      ) && !/\b(we|us|our|customers?|clients?|tenants?|end[\s-]?users?)\b/i.test(analysis.ask);
    const workforcePenalty = workforceAsk && forProductUsers ? 0.225 : 0;
    // A best phrasing that names the other side of a contrast the ask names one side of (physical /
    // logical, inbound / outbound, at rest / in transit, the staff / the sub-processors, internal /
    // external or third-party, networks / the physical, encrypted / wiped or disposed of, vulnerabilities /
    // incidents), and none of
    // the asked side, loses 0.225.
    const sides = [
      [["physic"], ["logic"]],
      [["inbound"], ["outbound"]],
      [["§rest"], ["§transit"]],
      [["personnel", "staff", "employe"], ["§subprocessor"]],
      [["intern"], ["extern", "third"]],
      [["network"], ["physic"]],
      [["encrypt"], ["wipe", "dispos", "shred", "degauss"]],
      [["vulner"], ["incid"]],
    ].flatMap(([a, b]) => [
      [a, b],
      [b, a],
    ]) as [string[], string[]][];
    const contradicted =
      doc !== undefined &&
      sides.some(
        ([named, other]) =>
          named.some((t) => weights.get(t) === 1) &&
          !other.some((t) => weights.has(t)) &&
          other.some((t) => doc.tf.has(t)) &&
          !named.some((t) => doc.tf.has(t)),
      );
    const contrastPenalty = contradicted ? 0.225 : 0;
    // An existence question ("Is there a risk register…?") favours, by 0.1, the entries one of whose
    // questions names the thing it asks for.
    // For "an <topic> program" the thing is the topic, its words one after another in the text.
    const thingText = askedThing(analysis.ask);
    const programme = thingText?.endsWith(" program") ? thingText.slice(0, -" program".length) : null;
    const thing = thingText ? tokenize(programme ?? thingText).filter((t) => !t.startsWith("§")) : [];
    const namesThing =
      thing.length > 0 &&
      [entry.question, ...entry.phrasings].some((text) => {
        const words = tokenize(text).filter((t) => !t.startsWith("§"));
        if (programme === null) return thing.every((t) => words.includes(t));
        return words.some((_, i) => thing.every((t, k) => words[i + k] === t));
      });
    const thingBonus = namesThing ? 0.15 : 0;
    // When a programme is asked for, a best phrasing naming only programmes of words the question
    // never has loses 0.225 ("an audit and assurance programme" for "an access control program"). A
    // programme is of the word before it, past how it is run ("risk management", "a planned
    // programme" names nothing), and of the word before each "and" too.
    const runs =
      /^(management|governance|compliance|assurance|oversight|response|handling|formal|documented|defined|established|dedicated|overall|comprehensive|annual|ongoing|planned)$/;
    const ends = /^(a|an|the|this|that|your|our|its|their|any|such|own|whole|entire|to|of|by|in|with|for|under|from)$/;
    const headsOf = (phrase: string): string[] => {
      const heads: string[] = [];
      let wanted = true;
      for (const word of phrase.split(" ").reverse()) {
        if (ends.test(word)) break;
        if (word === "and" || word === "or") wanted = true;
        else if (wanted && !runs.test(word)) {
          heads.push(word);
          wanted = false;
        }
      }
      return heads;
    };
    const docText = doc
      ? normalizeText(doc.ordinal === 0 ? entry.question : (entry.phrasings[doc.ordinal - 1] ?? ""))
      : "";
    const programmes = [...docText.matchAll(/((?:[a-z0-9-]+ ){0,3}[a-z0-9-]+) programs?\b/g)].map((m) =>
      headsOf(m[1] as string),
    );
    const otherProgramme =
      programme !== null &&
      programmes.some((h) => h.length > 0) &&
      !programmes.some((h) => h.some((w) => tokenize(w).some((t) => weights.has(t))))
        ? 0.225
        : 0;
    return [
      {
        entry,
        score,
        // An entry the rules read as the wrong kind gets no credit for the gram reading.
        relevance:
          relevanceOf(features) -
          (historyPenalty > 0 ||
          contrastPenalty > 0 ||
          otherProgramme > 0 ||
          workforcePenalty > 0 ||
          (productAsk.test(analysis.ask) && !forProductUsers)
            ? RELEVANCE.gram * features.gramSimilarity
            : 0) +
          policyBonus +
          audienceBonus +
          thingBonus -
          historyPenalty -
          contrastPenalty -
          otherProgramme -
          workforcePenalty,
        penalty: historyPenalty,
        features,
        matchedTerms: [...new Set([...shared, ...[...weights.keys()].filter((t) => terms.has(t))])],
        matchedText: (ordinal === 0 ? entry.question : entry.phrasings[ordinal - 1]) ?? entry.question,
        phrasingTerms: shared,
      },
    ];
  });
  scored.sort((a, b) => b.relevance - a.relevance || b.score - a.score);
  // The certification guard: for a question naming a certification, every candidate is calibrated
  // over the whole ranking, capped, and the ones that may answer it put first.
  const ask = askedCertifications(analysis.ask);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  // Consensus reads the leaders as they stand without the past-events penalty.
  const leaders = [...scored]
    .sort((a, b) => b.relevance + b.penalty - (a.relevance + a.penalty) || b.score - a.score)
    .slice(0, 5);
  const all = scored.slice(0, ask ? scored.length : limit).map((c, i) => {
    const rival = i === 0 ? scored[1] : scored[0];
    const lead = c.relevance - (rival?.relevance ?? 0);
    const others = leaders.filter((o) => o !== c);
    const consensus =
      others.length === 0
        ? 1
        : others.filter((o) => o.entry.controls.some((id) => c.entry.controls.includes(id))).length / others.length;
    const confidence = round(probabilityOf(calibrationInput(c.features, c.relevance, lead, consensus)));
    const entry = index.entries.indexOf(c.entry);
    // With no certification named, a name the ask turns on that the library never writes holds
    // every candidate under the draft bar as well.
    const cap = ask
      ? certificationCap(index, ask, entry)
      : Math.min(
          capWithoutCertification(index, analysis.ask)(c.entry.id),
          unknownNames(index, analysis.ask).length > 0 || regulationNotNamed(index, analysis.ask, c.entry.id)
            ? OTHER_FORM_CAP
            : 1,
        );
    const candidate: Candidate = {
      entryId: c.entry.id,
      score: round(c.score),
      confidence: Math.min(confidence, cap),
      relevance: c.relevance,
      lead,
      matchedTerms: c.matchedTerms,
      matchedText: c.matchedText,
      phrasingTerms: c.phrasingTerms,
      features: c.features,
    };
    return { candidate, eligible: ask === null || answersCertification(index, ask, entry) };
  });
  return [...all.filter((c) => c.eligible), ...all.filter((c) => !c.eligible)].slice(0, limit).map((c) => c.candidate);
}

describe("matchQuery against the plain ranker", () => {
  it("gives the same candidates, features and confidences on the tuning set's questions", async () => {
    const prepared = await shippedLibrary();
    const items = readEvalSet("fixtures/eval/tuning.jsonl").slice(0, 400);
    let compared = 0;
    for (const item of items) {
      const query = buildQuery(prepared.index, item.text, item.previous);
      for (const limit of [1, 4, SHORTLIST]) {
        const got = matchQuery(prepared.index, query, limit);
        const want = reference(prepared.index, query, limit);
        // Serialised as the reports are, keys in order; then every number, bit for bit.
        if (JSON.stringify(got) !== JSON.stringify(want)) expect(got).toEqual(want);
        expect(got).toEqual(want);
        compared += got.length;
      }
    }
    expect(compared).toBeGreaterThan(2_000);
  });

  it("gives the same on rows asking for a programme, which the tuning set's first questions do not", async () => {
    const prepared = await shippedLibrary();
    for (const text of [
      "Do you have an access control programme?",
      "Is there an established privacy programme?",
      "Is there an incident management programme?",
      "Is there a business continuity program?",
      "Is there an asset management programme approved by management?",
    ]) {
      const query = buildQuery(prepared.index, text);
      for (const limit of [1, 4, SHORTLIST])
        expect(matchQuery(prepared.index, query, limit)).toEqual(reference(prepared.index, query, limit));
    }
  });
});
