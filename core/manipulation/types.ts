// RULES.md R12: the shapes shared by every manipulation detector. A detector is a pure
// function over the facts the platform holds; each hit names one designer (and customer,
// where there is one), a score 0–100 and the evidence a person needs to see why.
import type { Policy } from '../policy';
import type { IsoTime } from '../time';
import type {
  Contract,
  Customer,
  Designer,
  DetectorName,
  Evidence,
  Message,
  Rating,
  Report,
  Review,
} from '../wire/entities';

export interface ManipulationFacts {
  designers: readonly Designer[];
  customers: readonly Customer[];
  messages: readonly Message[];
  ratings: readonly Rating[];
  reviews: readonly Review[];
  reports: readonly Report[];
  contracts: readonly Contract[];
}

export interface DetectionContext {
  /** Only facts at or before this time are looked at. */
  asOf: IsoTime;
}

export interface Hit {
  detector: DetectorName;
  designerId: string;
  customerId?: string;
  score: number;
  /** When the behaviour happened (the latest fact it relies on): flags join hits by this time. */
  at: IsoTime;
  evidence: Evidence;
}

export type Detector = (facts: ManipulationFacts, context: DetectionContext, policy: Policy) => Hit[];
