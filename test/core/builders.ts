// Fixture builders for rule-core tests: a valid wire entity with sensible defaults, changed
// by `overrides` (Actual's makeX pattern). Defaults sit on 2026-11-02, the fixtures' day.
import type {
  Contract,
  Customer,
  Designer,
  Message,
  Project,
  Rating,
  Report,
  Review,
  ReviewExtension,
  Submission,
} from '../../core';

export const T0 = '2026-11-02T10:00:00.000Z';

export function makeDesigner(overrides: Partial<Designer> = {}): Designer {
  const designer = {
    id: 'd1',
    rev: 1,
    handle: 'ana',
    displayName: 'Ana Design',
    country: 'PT',
    joinedAt: '2026-01-10T09:00:00.000Z',
    verification: 'verified' as const,
    accountStatus: 'active' as const,
    ...overrides,
  };
  // Unless given, the history says the designer has been as it is since joining.
  const { joinedAt: at, verification, accountStatus, suspendedUntil } = designer;
  return { ...designer, history: overrides.history ?? [{ at, verification, accountStatus, ...(suspendedUntil === undefined ? {} : { suspendedUntil }) }] };
}

export function makeCustomer(overrides: Partial<Customer> = {}): Customer {
  return { id: 'c1', rev: 1, displayName: 'Bean & Co', createdAt: '2026-03-01T09:00:00.000Z', ...overrides };
}

/** A 3-day logo contest launched at T0: launch window 7.2 h, ending 17:12. */
export function makeProject(overrides: Partial<Project> = {}): Project {
  return {
    id: 'p1',
    rev: 1,
    customerId: 'c1',
    title: 'Logo for a coffee roaster',
    category: 'logo',
    kind: 'contest',
    launchedAt: T0,
    endsAt: '2026-11-05T10:00:00.000Z',
    status: 'open',
    ...overrides,
  };
}

export function makeSubmission(overrides: Partial<Submission> = {}): Submission {
  return {
    id: 's1',
    rev: 1,
    projectId: 'p1',
    designerId: 'd1',
    kind: 'original',
    submittedAt: '2026-11-02T11:00:00.000Z',
    status: 'visible',
    assetId: 'a-s1',
    ...overrides,
  };
}

let ratingSeq = 0;
/** A rating set once at `at` (default a month before T0); pass `history` for changes. */
export function makeRating(stars: number | null, overrides: Partial<Rating> & { at?: string } = {}): Rating {
  const { at = '2026-10-01T12:00:00.000Z', ...rest } = overrides;
  ratingSeq += 1;
  return {
    id: `r${ratingSeq}`,
    rev: 1,
    submissionId: `r${ratingSeq}`,
    designerId: 'd1',
    customerId: 'c1',
    category: 'logo',
    stars,
    history: [{ stars, at }],
    ...rest,
  };
}

/** n ratings of the given stars each, for the designer and category given. */
export function makeRatings(starsList: readonly number[], overrides: Partial<Rating> & { at?: string } = {}): Rating[] {
  return starsList.map((stars) => makeRating(stars, overrides));
}

export function makeContract(overrides: Partial<Contract> = {}): Contract {
  return {
    id: 'k1',
    rev: 1,
    customerId: 'c1',
    designerId: 'd1',
    title: 'Brand refresh',
    startedAt: '2026-09-01T09:00:00.000Z',
    closedAt: T0,
    ...overrides,
  };
}

export function makeReview(overrides: Partial<Review> = {}): Review {
  return {
    id: 'v1',
    rev: 1,
    contractId: 'k1',
    authorRole: 'client',
    kind: 'final',
    overall: 5,
    text: 'Great work, very responsive.',
    postedAt: '2026-11-03T10:00:00.000Z',
    ...overrides,
  };
}

export function makeExtension(overrides: Partial<ReviewExtension> = {}): ReviewExtension {
  return {
    id: 'x1',
    rev: 1,
    contractId: 'k1',
    requestedBy: 'client',
    requestedAt: '2026-11-20T10:00:00.000Z',
    status: 'approved',
    decidedAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  };
}

let messageSeq = 0;
export function makeMessage(body: string, overrides: Partial<Message> = {}): Message {
  messageSeq += 1;
  return {
    id: `m${messageSeq}`,
    rev: 1,
    designerId: 'd1',
    customerId: 'c1',
    projectId: 'p1',
    fromRole: 'designer',
    body,
    sentAt: T0,
    ...overrides,
  };
}

export function makeReport(overrides: Partial<Report> = {}): Report {
  return {
    id: 'rep1',
    rev: 1,
    customerId: 'c1',
    designerId: 'd1',
    category: 'rating_pressure',
    body: 'The designer keeps asking me to change my 2 stars to 5.',
    createdAt: T0,
    ...overrides,
  };
}
