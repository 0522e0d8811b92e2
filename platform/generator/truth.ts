// The ground truth of a generated dataset: what the generator planted, so detectors can be
// scored (per case and per message), which events it expects the rules to refuse, and the
// organic look-alikes it knows a detector may fire on without anything being wrong.
import type { DetectorName } from '../../core/wire/entities';
import type { EventType } from '../../core/wire/events';
import type { IsoTime } from '../../core/time';
import type { SizeCounts, SizeName } from './sizes';
import type { Lang } from './text/fill';

export type RecordType = 'message' | 'rating' | 'review' | 'contract' | 'report' | 'customer';

/** A record a case relies on; a rating's id is its submission's id (SYNC-API.md). */
export interface RecordRef {
  type: RecordType;
  id: string;
}

export interface PlantedCase {
  caseId: string;
  /** The R12 detector that should fire on it. */
  kind: DetectorName;
  designerId: string;
  /** Absent when the case spans several customers (a burst, a duplicate-text ring). */
  customerId?: string;
  records: RecordRef[];
  /** When the behaviour was complete: the time of the latest record, as a detector's hit carries it. */
  at: IsoTime;
  note: string;
}

export interface ExpectedRefusal {
  /** Position in the log's `events` array (0-based), as `POST /v1/dev/events` reports refusals. */
  index: number;
  at: IsoTime;
  type: EventType;
  /** The event's own id, or its contract's id for `feedback_change.enabled`. */
  id: string;
  reasonCode: string;
  note: string;
}

/** Organic activity that matches a detector's pattern without being manipulation: a true negative a detector may flag. */
export interface Decoy {
  kind: DetectorName;
  designerId: string;
  customerId?: string;
  records: RecordRef[];
  at: IsoTime;
  note: string;
}

export interface PlantedMessage {
  id: string;
  lang: Lang;
  /** pressure: asks for stars, a rating or a review change; incentive: also offers something of value for it. */
  label: 'pressure' | 'incentive';
}

export interface DatasetStats {
  events: number;
  eventsByType: Partial<Record<EventType, number>>;
  firstEventAt: IsoTime | null;
  lastEventAt: IsoTime | null;
  designers: number;
  customers: number;
  projects: number;
  miniContests: number;
  cancelledProjects: number;
  submissions: number;
  revisions: number;
  withdrawn: number;
  /** Submissions rated at least once (rating entities). */
  ratings: number;
  ratingRemovals: number;
  messages: number;
  messagesByLang: Record<Lang, number>;
  contracts: number;
  reviews: number;
  reports: number;
  /** Submissions the generator expects R3 to hold / R4 to queue (its own prediction of the rules). */
  predictedHeld: number;
  predictedPendingReview: number;
  /** At the end: designers unverified or revoked, and their share of all designers. */
  unverifiedOrRevoked: number;
  unverifiedShare: number;
  /** At the end: designers with a counted rating, and those rated below 2.5 in at least one category. */
  ratedDesigners: number;
  heldWorthyDesigners: number;
  heldWorthyShare: number;
}

export interface GroundTruth {
  format: 'marketplace-ground-truth/1';
  generator: {
    seed: number;
    size: SizeName | 'custom';
    targets: SizeCounts;
    start: IsoTime;
    spanDays: number;
  };
  cases: PlantedCase[];
  /** Every planted manipulative designer message; every other message is organic and benign. */
  messages: {
    pressure: string[];
    incentive: string[];
    planted: PlantedMessage[];
  };
  expectedRefusals: ExpectedRefusal[];
  decoys: Decoy[];
  stats: DatasetStats;
}

/** The share intervals the generator is tuned to hold for every size (asserted by its tests on `small`). */
export const TARGET_SHARES = {
  /** Designers unverified or revoked at the end (PRODUCT/R4: about 10–15%). */
  unverified: { min: 0.08, max: 0.17 },
  /** Rated designers whose rating is below 2.5 in some category (R3 holds). */
  heldWorthy: { min: 0.08, max: 0.25 },
} as const;
