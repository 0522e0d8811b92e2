// The generator's own picture of the marketplace while it simulates: just enough of each
// entity to decide what happens next and to predict what the rules will do with it (R3/R4
// visibility, R7 eligibility, R8 publication). Records of finished projects and contracts are
// dropped as the simulation moves on, so memory follows the work in flight.
import type { Category } from '../../core/categories';
import type { Lang } from './text/fill';

export type Verification = 'verified' | 'unverified' | 'revoked';
export type Party = 'client' | 'designer';

export interface DesignerRec {
  idx: number;
  id: string;
  lang: Lang;
  first: string;
  verification: Verification;
  /** Not suspended. */
  active: boolean;
  /** Taken by a planted scenario: no organic verification or status change may spoil it. */
  planted: boolean;
  /** Categories the designer works in (indexes into CATEGORY_LIST) with their affinities. */
  cats: number[];
  affinity: number[];
  activity: number;
  /** R6 as the profile stands (published, counted client reviews). */
  publishedPositive: number;
  publishedCounted: number;
  /** Organic feedback-change enablings, so no designer drifts into the R12 pattern by chance. */
  enablings: number[];
  /** Five-star ratings from young accounts in the last day, for the burst look-alike check. */
  youngFiveStars: { at: number; customer: CustomerRec; submissionId: string }[];
}

export interface CustomerRec {
  idx: number;
  id: string;
  lang: Lang;
  createdAt: number;
  brand: string;
  kind: string;
  /** Harsh or generous rater. */
  bias: number;
  /** Driven by a planted scenario: no organic ratings or projects. */
  scripted: boolean;
}

export interface SubmissionRec {
  id: string;
  project: ProjectRec;
  designer: DesignerRec;
  at: number;
  /** When the customer can first see it; Infinity while it waits for the 48-hour review (R4). */
  visibleAt: number;
  stars: number | null;
  rated: boolean;
  withdrawn: boolean;
  /** Rated only by a planted scenario. */
  scripted: boolean;
}

export interface ProjectRec {
  id: string;
  customer: CustomerRec;
  cat: number;
  kind: 'contest' | 'mini_contest';
  launchedAt: number;
  endsAt: number;
  /** launchedAt + W (R2). */
  launchEnd: number;
  status: 'open' | 'closed' | 'cancelled';
  subs: SubmissionRec[];
  /** Designers entered, with how many designs each (R7 counts designers in mini contests). */
  entrants: Map<DesignerRec, number>;
  /** Position in the open-projects list, -1 once closed. */
  openIndex: number;
  scripted: boolean;
}

export interface ReviewRec {
  id: string;
  author: Party;
  postedAt: number;
  publishedAt: number | null;
  positive: boolean;
  /** Some stars below five: a feedback change has something to change. */
  underFive: boolean;
}

export interface ContractRec {
  id: string;
  customer: CustomerRec;
  designer: DesignerRec;
  lang: Lang;
  startedAt: number;
  closedAt: number | null;
  /** 0..1: how well it went, which drives reviews and private feedback. */
  satisfaction: number;
  client: ReviewRec | null;
  designerReview: ReviewRec | null;
  enabledAt: number | null;
  /** Driven by a planted scenario: it posts and changes reviews itself. */
  scripted: boolean;
}

/** A recent designer–customer pair with a place to talk, where a planted message can land. */
export interface Context {
  designer: DesignerRec;
  customer: CustomerRec;
  projectId?: string;
  contractId?: string;
  at: number;
}

export type CategoryList = readonly Category[];
