// RULES.md R12: the detectors that read star ratings and their history — a low rating raised
// after the designer's message, five-star bursts from new accounts, one-designer raters.
import { formatDuration } from '../explain';
import type { Policy } from '../policy';
import { DAY_MS, HOUR_MS, toMs, type IsoTime } from '../time';
import type { EvidenceItem, Message, Rating, Submission } from '../wire/entities';
import { excerpt, formatGap, stars, timeline } from './evidence';
import { byTime, lastBefore, pairKey, pushTo, windowEpisodes } from './grouping';
import type { DetectionContext, Hit, ManipulationFacts } from './types';

/**
 * Lookups a caller may add to the facts. Detectors never need them, and are more exact with
 * them; `detectManipulation` requires only `ManipulationFacts`.
 */
export interface ManipulationLookups {
  /** Submission → project, so `single_designer_rater` can count a customer's projects exactly. */
  submissions?: readonly Pick<Submission, 'id' | 'projectId'>[];
}

export type DetectionFacts = ManipulationFacts & ManipulationLookups;

interface StarChange {
  stars: number | null;
  at: IsoTime;
  ms: number;
}

/**
 * A rating's history as it stood at `asOfMs`. Voiding is not applied: a voided rating stops
 * counting toward the designer's average (R1), but what the customer did still happened, and
 * the detectors look at behaviour, not at the average.
 */
function historyUpTo(rating: Pick<Rating, 'history'>, asOfMs: number): StarChange[] {
  const out: StarChange[] = [];
  for (const change of rating.history) {
    const ms = toMs(change.at);
    // History is oldest first (SYNC-API.md): the first change after the time ends it.
    if (ms > asOfMs) break;
    out.push({ stars: change.stars, at: change.at, ms });
  }
  return out;
}

/** The change in force at `ms` (the last one at or before it), or undefined before the first. */
function changeInForce(changes: readonly StarChange[], ms: number): StarChange | undefined {
  return changes[lastBefore(changes, ms + 1)];
}

interface Contact {
  ms: number;
  id: string;
  message: Message;
}

/**
 * `rating_raised_after_contact`: a rating that stood at `maxLowStars` or fewer when the
 * designer wrote to the customer is raised by `minRaise` stars or more, or removed, less than
 * `withinHours` after that message. The level is read at the message, not just before the
 * change, so 1 → 2 → 3 after one message is a raise of 2. Of several messages in the window
 * the latest that qualifies is named; one message counts once per rating, so a raise and a
 * later removal after the same message are one hit, not two.
 */
export function ratingRaisedAfterContact(facts: DetectionFacts, context: DetectionContext, policy: Policy): Hit[] {
  const rule = policy.detectors.ratingRaisedAfterContact;
  const asOfMs = toMs(context.asOf);
  const windowMs = rule.withinHours * HOUR_MS;

  // Most ratings never change: index messages only for the pairs whose rating did.
  const changed: { rating: Rating; changes: StarChange[] }[] = [];
  const pairs = new Set<string>();
  for (const rating of facts.ratings) {
    if (rating.history.length < 2) continue;
    const changes = historyUpTo(rating, asOfMs);
    if (changes.length < 2) continue;
    changed.push({ rating, changes });
    pairs.add(pairKey(rating.designerId, rating.customerId));
  }
  if (changed.length === 0) return [];

  const contacts = new Map<string, Contact[]>();
  for (const message of facts.messages) {
    if (message.fromRole !== 'designer') continue;
    const key = pairKey(message.designerId, message.customerId);
    if (!pairs.has(key)) continue;
    const ms = toMs(message.sentAt);
    if (ms <= asOfMs) pushTo(contacts, key, { ms, id: message.id, message });
  }
  for (const list of contacts.values()) list.sort(byTime);

  const hits: Hit[] = [];
  for (const { rating, changes } of changed) {
    const messages = contacts.get(pairKey(rating.designerId, rating.customerId));
    if (messages === undefined) continue;
    const named = new Set<string>();
    for (const change of changes.slice(1)) {
      // Messages strictly before the change, newest first, while less than the window before it.
      for (let k = lastBefore(messages, change.ms); k >= 0; k--) {
        const contact = messages[k];
        if (contact === undefined || change.ms - contact.ms >= windowMs) break;
        const standing = changeInForce(changes, contact.ms);
        if (standing === undefined || standing.stars === null || standing.stars > rule.maxLowStars) continue;
        if (change.stars !== null && change.stars - standing.stars < rule.minRaise) continue;
        if (!named.has(contact.id)) {
          named.add(contact.id);
          hits.push(raisedHit(rating, standing, standing.stars, change, contact, rule.score, rule.withinHours));
        }
        break;
      }
    }
  }
  return hits;
}

function raisedHit(
  rating: Rating,
  standing: StarChange,
  before: number,
  change: StarChange,
  contact: Contact,
  score: number,
  withinHours: number,
): Hit {
  const gap = formatGap(change.ms - contact.ms);
  const of = `designer ${rating.designerId}'s submission ${rating.submissionId}`;
  const what =
    change.stars === null
      ? `The customer removed their ${stars(before)} rating of ${of}`
      : `The customer's rating of ${of} went from ${before} to ${stars(change.stars)}`;
  const items: EvidenceItem[] = [
    { kind: 'rating', id: rating.id, at: standing.at, detail: `${stars(before)} for submission ${rating.submissionId}` },
    {
      kind: 'message',
      id: contact.id,
      at: contact.message.sentAt,
      detail: excerpt(contact.message.body),
    },
    {
      kind: 'rating_change',
      id: rating.id,
      at: change.at,
      detail:
        change.stars === null
          ? `${stars(before)} rating removed, ${gap} after the designer's message`
          : `raised from ${before} to ${stars(change.stars)}, ${gap} after the designer's message`,
    },
  ];
  return {
    detector: 'rating_raised_after_contact',
    designerId: rating.designerId,
    customerId: rating.customerId,
    score,
    at: change.at,
    evidence: {
      summary: `${what} ${gap} after the designer's message ${contact.id} (the rule looks ${withinHours} h after a message).`,
      items: timeline(items),
    },
  };
}

interface FiveStar {
  ms: number;
  id: string;
  rating: Rating;
  at: IsoTime;
  customerId: string;
  customerCreatedAt: IsoTime;
  customerCreatedMs: number;
}

/**
 * `new_account_burst`: `minRatings` five-star ratings for one designer within `withinHours`
 * from customer accounts younger than `maxAccountAgeDays` when they rated. A rating counts
 * once, when it first showed five stars (raising 3 → 5 counts; 5 → 4 → 5 counts once). The
 * ratings need not come from different customers: one new account rating five submissions in
 * a day is the same pattern. The hit names no customer, since it is about the designer (see
 * flags.ts for how such hits join). A customer missing from the facts has no known age and
 * never counts.
 */
export function newAccountBurst(facts: DetectionFacts, context: DetectionContext, policy: Policy): Hit[] {
  const rule = policy.detectors.newAccountBurst;
  const asOfMs = toMs(context.asOf);
  const maxAgeMs = rule.maxAccountAgeDays * DAY_MS;
  const accounts = new Map<string, { at: IsoTime; ms: number }>();
  for (const customer of facts.customers) accounts.set(customer.id, { at: customer.createdAt, ms: toMs(customer.createdAt) });

  const byDesigner = new Map<string, FiveStar[]>();
  for (const rating of facts.ratings) {
    const account = accounts.get(rating.customerId);
    if (account === undefined) continue;
    for (const change of rating.history) {
      if (change.stars !== 5) continue;
      const ms = toMs(change.at);
      // "Younger than" 7 days: an account exactly 7 days old is no longer new.
      if (ms <= asOfMs && ms - account.ms < maxAgeMs) {
        pushTo(byDesigner, rating.designerId, {
          ms,
          id: rating.id,
          rating,
          at: change.at,
          customerId: rating.customerId,
          customerCreatedAt: account.at,
          customerCreatedMs: account.ms,
        });
      }
      break;
    }
  }

  const hits: Hit[] = [];
  for (const [designerId, list] of byDesigner) {
    if (list.length < rule.minRatings) continue;
    list.sort(byTime);
    for (const burst of windowEpisodes(list, rule.minRatings, rule.withinHours * HOUR_MS)) {
      hits.push(burstHit(designerId, burst, rule.score, rule.maxAccountAgeDays));
    }
  }
  return hits;
}

function burstHit(designerId: string, burst: readonly FiveStar[], score: number, maxAccountAgeDays: number): Hit {
  const first = burst[0];
  const last = burst[burst.length - 1];
  if (first === undefined || last === undefined) throw new RangeError('a burst has at least one rating');
  const items: EvidenceItem[] = [];
  const customers = new Set<string>();
  for (const five of burst) {
    if (!customers.has(five.customerId)) {
      customers.add(five.customerId);
      items.push({ kind: 'account', id: five.customerId, at: five.customerCreatedAt, detail: 'account opened' });
    }
    items.push({
      kind: 'rating',
      id: five.rating.id,
      at: five.at,
      detail: `5 stars for submission ${five.rating.submissionId}, from an account ${formatDuration(five.ms - five.customerCreatedMs)} old`,
    });
  }
  const accounts = customers.size === 1 ? 'one customer account' : `${customers.size} customer accounts`;
  return {
    detector: 'new_account_burst',
    designerId,
    score,
    at: last.at,
    evidence: {
      summary: `Designer ${designerId} received ${burst.length} five-star ratings within ${formatGap(last.ms - first.ms)} from ${accounts} younger than ${maxAccountAgeDays} days.`,
      items: timeline(items),
    },
  };
}

interface CurrentRating {
  ms: number;
  id: string;
  rating: Rating;
  stars: number;
  at: IsoTime;
}

/**
 * `single_designer_rater`: a customer with `minRatings` ratings over `minProjects` projects
 * whose five stars all go to one designer and who gives every other designer at most
 * `maxOtherStars`. Ratings are read as they stand at `asOf` (removed ones do not count). The
 * customer must have rated some other designer: a customer who only ever rated one designer
 * shows loyalty, not the "low to everyone else" half of the pattern.
 *
 * Projects: a rating names its submission, not its project. With `facts.submissions` the
 * count is exact; a rating whose submission is not there counts only by its category (a
 * project has one category), which gives a lower bound, so without the lookup the detector
 * fires less often, never wrongly. Counting distinct submissions instead would make the
 * threshold empty, since every rating is of its own submission.
 */
export function singleDesignerRater(facts: DetectionFacts, context: DetectionContext, policy: Policy): Hit[] {
  const rule = policy.detectors.singleDesignerRater;
  const asOfMs = toMs(context.asOf);
  const projectOf = new Map<string, string>();
  for (const submission of facts.submissions ?? []) projectOf.set(submission.id, submission.projectId);

  const byCustomer = new Map<string, CurrentRating[]>();
  for (const rating of facts.ratings) {
    const history = historyUpTo(rating, asOfMs);
    const current = history[history.length - 1];
    if (current === undefined || current.stars === null) continue;
    pushTo(byCustomer, rating.customerId, { ms: current.ms, id: rating.id, rating, stars: current.stars, at: current.at });
  }

  const hits: Hit[] = [];
  for (const [customerId, list] of byCustomer) {
    if (list.length < rule.minRatings) continue;
    const fiveStarDesigners = new Set<string>();
    for (const r of list) if (r.stars === 5) fiveStarDesigners.add(r.rating.designerId);
    const [favourite] = fiveStarDesigners;
    if (fiveStarDesigners.size !== 1 || favourite === undefined) continue;
    const others = list.filter((r) => r.rating.designerId !== favourite);
    if (others.length === 0 || others.some((r) => r.stars > rule.maxOtherStars)) continue;
    const projects = projectCount(list, projectOf);
    if (projects.count < rule.minProjects) continue;
    list.sort(byTime);
    hits.push(singleRaterHit(customerId, favourite, list, others, projects, projectOf, rule.score, rule.maxOtherStars));
  }
  return hits;
}

interface ProjectCount {
  count: number;
  /** False when some rating's project was only bounded by its category. */
  exact: boolean;
}

/** Distinct projects, exact where the submission's project is known, else a lower bound by category. */
function projectCount(list: readonly CurrentRating[], projectOf: ReadonlyMap<string, string>): ProjectCount {
  const projects = new Set<string>();
  const knownCategories = new Set<string>();
  const unknownCategories = new Set<string>();
  for (const { rating } of list) {
    const project = projectOf.get(rating.submissionId);
    if (project === undefined) unknownCategories.add(rating.category);
    else {
      projects.add(project);
      knownCategories.add(rating.category);
    }
  }
  let count = projects.size;
  for (const category of unknownCategories) if (!knownCategories.has(category)) count += 1;
  return { count, exact: unknownCategories.size === 0 };
}

function singleRaterHit(
  customerId: string,
  favourite: string,
  list: readonly CurrentRating[],
  others: readonly CurrentRating[],
  projects: ProjectCount,
  projectOf: ReadonlyMap<string, string>,
  score: number,
  maxOtherStars: number,
): Hit {
  const last = list[list.length - 1];
  if (last === undefined) throw new RangeError('a customer here has ratings');
  const items: EvidenceItem[] = list.map((r) => {
    const project = projectOf.get(r.rating.submissionId);
    const where = project === undefined ? `a ${r.rating.category} project` : `project ${project}`;
    return {
      kind: 'rating',
      id: r.rating.id,
      at: r.at,
      detail:
        r.rating.designerId === favourite
          ? `${stars(r.stars)} to this designer (${where})`
          : // No other designer's id: evidence details can reach the flagged designer's statement.
            `${stars(r.stars)} to another designer (${where})`,
    };
  });
  const favouriteCount = list.length - others.length;
  const otherDesigners = new Set(others.map((r) => r.rating.designerId)).size;
  return {
    detector: 'single_designer_rater',
    designerId: favourite,
    customerId,
    score,
    at: last.at,
    evidence: {
      summary: `Customer ${customerId}'s ${list.length} ratings over ${projects.exact ? '' : 'at least '}${projects.count} projects give 5 stars only to designer ${favourite} (rated ${favouriteCount} times) and at most ${stars(maxOtherStars)} to ${otherDesigners === 1 ? 'the one other designer' : `each of the ${otherDesigners} other designers`} rated.`,
      items: timeline(items),
    },
  };
}
