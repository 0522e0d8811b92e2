// RULES.md R12, "Statement of reasons" (EU DSA Art. 17(3), Santa Clara Principles): the letter a
// confirmed flag sends the designer, composed from five parts, and its transparency-database fields.
import { CATEGORIES, CATEGORY_IDS, type Category } from './categories';
import { countOf, formatDate, formatTime } from './explain';
import { DEFAULT_POLICY, type ConductClause, type Policy } from './policy';
import { applySanctions } from './sanctions';
import { addDays, toIso, toMs, type IsoTime } from './time';
import type {
  Customer,
  Designer,
  DetectorHit,
  DetectorName,
  EvidenceItem,
  Rating,
  Sanction,
} from './wire/entities';

/**
 * The detectors as the designer reads them. Kept here rather than taken from the detector
 * registry: the letter's wording is the designer's, and must not move when a detector's
 * internal title does.
 */
export const STATEMENT_DETECTOR_TITLES = {
  pressure_message: 'a message asking a customer for a rating or a change of rating',
  incentive_offer: 'a message offering something of value for a rating or review',
  rating_raised_after_contact: 'a low rating raised or removed soon after you contacted the customer',
  customer_report: 'a report from a customer',
  new_account_burst: 'a burst of five-star ratings from newly created customer accounts',
  single_designer_rater: 'a customer who rates only your designs highly',
  feedback_change_pattern: 'repeated feedback changes enabled after feedback below five stars',
  duplicate_review_text: 'near-identical reviews from different customers',
} as const satisfies Record<DetectorName, string>;

/** How each kind of evidence opens its sentence in the facts part. */
const FACT_LEADS = {
  message: 'you wrote to a customer',
  rating: 'a customer gave a rating',
  rating_change: 'a customer changed a rating of one of your designs',
  review: 'a review of your work was posted',
  report: 'a customer reported to us',
  feedback_change: 'you enabled a client to change their feedback',
  account: 'concerning a customer account',
} as const satisfies Record<EvidenceItem['kind'], string>;

export const STATEMENT_PART_TITLES = {
  measure: 'What we decided',
  facts: 'The facts we relied on',
  detection: 'How this came to our attention',
  ground: 'Why',
  redress: 'How to appeal',
} as const;
export type StatementPart = keyof typeof STATEMENT_PART_TITLES;
export type StatementParts = Record<StatementPart, string>;
/** RULES.md R12 fixes the order of the parts in the letter. */
export const STATEMENT_PART_ORDER = ['measure', 'facts', 'detection', 'ground', 'redress'] as const satisfies readonly StatementPart[];

/** An evidence item the moderator ticked: only these are relied on. */
export interface EvidenceRef {
  kind: EvidenceItem['kind'];
  id: string;
}

export interface StatementInput {
  designer: Designer;
  /** A flag, or any object carrying its hits (and its customer, to keep that customer unnamed). */
  flag: { hits: readonly Pick<DetectorHit, 'detector' | 'evidence'>[]; customerId?: string };
  tickedEvidence: readonly EvidenceRef[];
  sanctions: readonly Sanction[];
  /** The designer's ratings (others are ignored), to describe the voided ones. */
  ratings: readonly Rating[];
  clauseId: string;
  /** The moderator's own words; never pre-filled. Empty leaves the statement incomplete. */
  explanation: string;
  decidedAt: IsoTime;
  /** Not printed (moderators are not named to designers); an appeal must go to someone else. */
  moderatorId?: string;
  /** Customers whose names or ids might appear in evidence; they are replaced by "[customer]". */
  customers?: readonly Pick<Customer, 'id' | 'displayName'>[];
  /** Where to appeal, as a phrase ending the sentence "You can appeal … until …, <here>". */
  appealHow?: string;
}

export const DEFAULT_APPEAL_HOW = 'by replying to this message';

/** The EU DSA transparency database's statement fields this decision fills. */
export interface TransparencyStatement {
  decision_account: 'DECISION_ACCOUNT_SUSPENDED' | 'DECISION_ACCOUNT_TERMINATED' | null;
  /** YYYY-MM-DD, for a suspension only. */
  end_date_account_restriction: string | null;
  decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT';
  decision_facts: string;
  /** A customer's report is a notice; everything else our own initiative. */
  source_type: 'SOURCE_TYPE_OTHER_NOTIFICATION' | 'SOURCE_VOLUNTARY';
  automated_detection: 'Yes' | 'No';
  automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED';
  incompatible_content_ground: string;
  incompatible_content_explanation: string;
  category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD';
  category_specification: 'KEYWORD_INAUTHENTIC_USER_REVIEWS'[];
  /** YYYY-MM-DD */
  application_date: string;
}

export interface Statement {
  status: 'complete' | 'incomplete';
  parts: StatementParts;
  /** The letter to the designer: the parts under their titles. */
  text: string;
  /** What the moderator still has to supply, one sentence each, prefixed by the part. */
  missing: string[];
  appeal: { until: IsoTime; notReviewedBy?: string };
  transparency: TransparencyStatement;
  policyVersion: string;
}

const ymd = (iso: IsoTime) => toIso(toMs(iso)).slice(0, 10);
const withoutFinalStop = (s: string) => s.trim().replace(/[.\s]+$/u, '');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every customer name and id with "[customer]": a reporting customer is not named
 * (R12), and evidence details and quoted messages are free text that may name one.
 */
function makeRedactor(input: StatementInput): (text: string) => string {
  const words = new Set<string>();
  const add = (w: string | undefined) => {
    const t = w?.trim();
    if (t) words.add(t);
  };
  add(input.flag.customerId);
  for (const c of input.customers ?? []) {
    add(c.id);
    add(c.displayName);
  }
  // An "account" item's id is the customer's (wire/entities.ts, evidenceItemSchema).
  for (const hit of input.flag.hits) for (const item of hit.evidence.items) if (item.kind === 'account') add(item.id);
  if (words.size === 0) return (text) => text;
  // Longest first, so "Bean & Co Ltd" is not left as "[customer] Ltd"; whole words only, so
  // the id "c1" does not eat into "abc12".
  const alternatives = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  return (text) => text.replace(pattern, '[customer]');
}

// ---- 1. Measure ----------------------------------------------------------------------------

function composeMeasure(input: StatementInput, missing: string[]): string {
  const { designer, sanctions, decidedAt } = input;
  if (sanctions.length === 0) {
    missing.push('measure: choose at least one sanction.');
    return '';
  }
  const after = applySanctions({ designer, ratings: [], sanctions, at: decidedAt }).designer;
  const wasBanned = designer.accountStatus === 'banned';
  const lines: string[] = [];
  const scope = 'This applies to your account on the whole marketplace, in every country where it operates.';

  if (sanctions.some((s) => s.type === 'ban')) {
    lines.push(wasBanned ? 'Your account remains banned permanently.' : 'Your account is banned permanently.', scope);
  } else {
    const days = Math.max(0, ...sanctions.map((s) => (s.type === 'suspend' ? s.days : 0)));
    if (days > 0) {
      const until = addDays(decidedAt, days);
      if (wasBanned) {
        lines.push(`Your account remains banned permanently; the suspension for ${countOf(days, 'day')} this decision imposes does not change that.`);
      } else {
        lines.push(`Your account is suspended for ${countOf(days, 'day')}, until ${formatDate(until)}, ${formatTime(until)}.`);
        if (after.suspendedUntil === undefined) {
          lines.push('A suspension already in force has no end date, so your account stays suspended after that.');
        } else if (toMs(after.suspendedUntil) > toMs(until)) {
          lines.push(`A suspension already in force runs longer, so your account stays suspended until ${formatDate(after.suspendedUntil)}, ${formatTime(after.suspendedUntil)}.`);
        }
        lines.push(scope);
      }
    }
  }

  if (sanctions.some((s) => s.type === 'warn')) {
    lines.push('You receive a formal warning; a later breach may lead to suspension or a ban.');
  }

  const voided = voidedRatings(input, missing);
  if (voided.size > 0) {
    for (const category of CATEGORY_IDS) {
      const n = voided.get(category);
      if (n === undefined) continue;
      const verb = n === 1 ? 'counts' : 'count';
      lines.push(`${countOf(n, 'rating')} no longer ${verb} toward your ${CATEGORIES[category].toLowerCase()} rating.`);
    }
    lines.push(`They stop counting from ${formatDate(decidedAt)}, in your overall rating too, and stay on record.`);
  }
  return lines.join('\n');
}

/** Voided ratings of this designer by category; a name that is not one of them is missing. */
function voidedRatings(input: StatementInput, missing: string[]): Map<Category, number> {
  const ids = new Set<string>();
  for (const s of input.sanctions) if (s.type === 'void_ratings') for (const id of s.ratingIds) ids.add(id);
  const mine = new Map(input.ratings.filter((r) => r.designerId === input.designer.id).map((r) => [r.id, r]));
  const byCategory = new Map<Category, number>();
  for (const id of ids) {
    const rating = mine.get(id);
    if (rating === undefined) {
      missing.push(`measure: rating ${id} is not a rating of this designer.`);
      continue;
    }
    byCategory.set(rating.category, (byCategory.get(rating.category) ?? 0) + 1);
  }
  return byCategory;
}

// ---- 2. Facts ------------------------------------------------------------------------------

/** The ticked items, found in the hits, merged where two detectors cite the same record. */
function tickedItems(input: StatementInput, missing: string[]): EvidenceItem[] {
  const key = (ref: EvidenceRef) => `${ref.kind}\u0000${ref.id}`;
  const found = new Map<string, EvidenceItem>();
  for (const hit of input.flag.hits) {
    for (const item of hit.evidence.items) {
      const k = key(item);
      const seen = found.get(k);
      if (seen === undefined) {
        found.set(k, item);
      } else if (item.spans !== undefined) {
        const spans = [...(seen.spans ?? [])];
        for (const span of item.spans) {
          if (!spans.some((s) => s.start === span.start && s.end === span.end)) spans.push(span);
        }
        found.set(k, { ...seen, spans });
      }
    }
  }
  if (input.tickedEvidence.length === 0) {
    missing.push('facts: tick at least one piece of evidence to rely on.');
    return [];
  }
  const items: EvidenceItem[] = [];
  const taken = new Set<string>();
  for (const ref of input.tickedEvidence) {
    const k = key(ref);
    if (taken.has(k)) continue;
    taken.add(k);
    const item = found.get(k);
    if (item === undefined) missing.push(`facts: the ticked ${ref.kind} ${ref.id} is not in this flag's evidence.`);
    else items.push(item);
  }
  // Stable sort: the letter reads as a timeline, whatever order the boxes were ticked in.
  return items.sort((a, b) => toMs(a.at) - toMs(b.at));
}

function describeFact(item: EvidenceItem, redact: (text: string) => string): string {
  const opening = `On ${formatDate(item.at)} ${FACT_LEADS[item.kind]}`;
  const spans = [...(item.spans ?? [])].sort((a, b) => a.start - b.start);
  if (item.kind === 'message' && spans.length > 0) {
    return `${opening}: ${spans.map((s) => `“${redact(s.text.trim())}”`).join(' … ')}.`;
  }
  const detail = withoutFinalStop(redact(item.detail));
  return detail ? `${opening}: ${detail}.` : `${opening}.`;
}

// ---- 3. Detection --------------------------------------------------------------------------

function detectorsOf(input: StatementInput): DetectorName[] {
  return [...new Set(input.flag.hits.map((h) => h.detector))];
}

function composeDetection(detectors: readonly DetectorName[]): string {
  const reported = detectors.includes('customer_report');
  const automated = detectors.filter((d) => d !== 'customer_report');
  const lines: string[] = [];
  if (reported) lines.push('A customer reported this to us.');
  if (automated.length > 0) {
    const what = automated.map((d) => STATEMENT_DETECTOR_TITLES[d]).join('; ');
    lines.push(`Our automated detection ${reported ? 'also raised it' : 'raised this case'}: ${what}.`);
  } else {
    lines.push('No automated detection was involved in raising it.');
  }
  lines.push(
    'A person on our trust and safety team reviewed the evidence and took this decision; it was not taken by automated means.',
  );
  return lines.join('\n');
}

// ---- 4. Ground -----------------------------------------------------------------------------

function composeGround(
  input: StatementInput,
  policy: Policy,
  missing: string[],
): { ground: string; clause: ConductClause | undefined; explanation: string } {
  const clause = policy.conduct.clauses.find((c) => c.id === input.clauseId);
  if (clause === undefined) {
    missing.push(
      input.clauseId.trim()
        ? `ground: clause "${input.clauseId}" is not in the code of conduct (policy ${policy.version}).`
        : 'ground: cite a clause of the code of conduct.',
    );
  }
  // Verbatim but for surrounding whitespace: these are the moderator's words, not ours.
  const explanation = input.explanation.trim();
  if (!explanation) missing.push('ground: the moderator’s own explanation of why the facts breach the clause.');
  const lines = [
    clause === undefined
      ? `This breaches our code of conduct (policy version ${policy.version}).`
      : `This breaches clause ${clause.id}, “${clause.title}”, of our code of conduct (policy version ${policy.version}): “${clause.text}”`,
  ];
  if (explanation) lines.push(`The moderator who decided explains:\n${explanation}`);
  return { ground: lines.join('\n'), clause, explanation };
}

// ---- 5. Redress ----------------------------------------------------------------------------

function composeRedress(until: IsoTime, how: string): string {
  return [
    `You can appeal this decision until ${formatDate(until)}, ${formatTime(until)}, ${how}.`,
    'Someone other than the moderator who took this decision will review your appeal, and we will tell you the outcome and its reasons.',
    'You may also turn to a certified out-of-court dispute settlement body or to the courts.',
  ].join('\n');
}

// ---- The statement -------------------------------------------------------------------------

/**
 * Composes the statement of reasons for a confirmed flag. Never throws: what the moderator
 * still has to supply (the explanation, a known clause, ticked evidence, a sanction) is listed
 * in `missing`, and the statement is `incomplete` until it is empty.
 */
export function composeStatement(input: StatementInput, policy: Policy = DEFAULT_POLICY): Statement {
  const missing: string[] = [];
  const redact = makeRedactor(input);

  const measure = composeMeasure(input, missing);
  const facts = tickedItems(input, missing)
    .map((item) => describeFact(item, redact))
    .join('\n');
  const detectors = detectorsOf(input);
  const detection = composeDetection(detectors);

  const { ground, clause, explanation } = composeGround(input, policy, missing);

  const until = addDays(input.decidedAt, policy.appeals.windowDays);
  const redress = composeRedress(until, input.appealHow?.trim() || DEFAULT_APPEAL_HOW);

  const parts: StatementParts = { measure, facts, detection, ground, redress };
  const name = input.designer.displayName.trim() || input.designer.handle;
  const sections = STATEMENT_PART_ORDER
    .filter((part) => parts[part] !== '')
    .map((part) => `${STATEMENT_PART_TITLES[part]}\n${parts[part]}`);
  const text = [
    `Dear ${name},`,
    `On ${formatDate(input.decidedAt)} our trust and safety team decided that your account breached our code of conduct. This statement gives the measures we took, the facts and rule they rest on, and how to appeal.`,
    ...sections,
  ].join('\n\n');

  const types = new Set(input.sanctions.map((s) => s.type));
  const suspendDays = Math.max(0, ...input.sanctions.map((s) => (s.type === 'suspend' ? s.days : 0)));
  const decisionAccount = types.has('ban')
    ? 'DECISION_ACCOUNT_TERMINATED'
    : suspendDays > 0
      ? 'DECISION_ACCOUNT_SUSPENDED'
      : null;

  const transparency: TransparencyStatement = {
    decision_account: decisionAccount,
    end_date_account_restriction:
      decisionAccount === 'DECISION_ACCOUNT_SUSPENDED' ? ymd(addDays(input.decidedAt, suspendDays)) : null,
    decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    decision_facts: facts,
    source_type: detectors.includes('customer_report') ? 'SOURCE_TYPE_OTHER_NOTIFICATION' : 'SOURCE_VOLUNTARY',
    automated_detection: detectors.some((d) => d !== 'customer_report') ? 'Yes' : 'No',
    automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
    incompatible_content_ground:
      clause === undefined ? '' : `${clause.id} ${clause.title} (code of conduct, policy ${policy.version})`,
    incompatible_content_explanation: explanation,
    category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
    category_specification: ['KEYWORD_INAUTHENTIC_USER_REVIEWS'],
    application_date: ymd(input.decidedAt),
  };

  const appeal: Statement['appeal'] = { until };
  if (input.moderatorId !== undefined) appeal.notReviewedBy = input.moderatorId;

  return {
    status: missing.length === 0 ? 'complete' : 'incomplete',
    parts,
    text,
    missing,
    appeal,
    transparency,
    policyVersion: policy.version,
  };
}

/**
 * What the console shows before the moderator types: every part composed from the evidence,
 * the explanation left empty (RULES.md R12: typed, required, never pre-filled), so the result
 * is always incomplete and names the explanation as missing.
 */
export function prefillStatement(input: Omit<StatementInput, 'explanation'>, policy: Policy = DEFAULT_POLICY): Statement {
  return composeStatement({ ...input, explanation: '' }, policy);
}
