// What every query needs: the read connections, the platform's clock, the policy in force and
// who is asking. Queries never write.
import type { Knex } from 'knex';
import type { Policy } from '../../../core';

export interface QueryContext {
  read: Knex;
  /** The platform's clock now, ms. */
  platformNow: () => number;
  policy: () => Policy;
  moderatorId: string;
}

/** A lookup that may find nothing: the host answers 404. */
export class NotFound extends Error {
  override name = 'NotFound';
}

/** The parsed `data` JSON of a cache row. */
export function parseData<T>(row: { data: string }): T {
  return JSON.parse(row.data) as T;
}
