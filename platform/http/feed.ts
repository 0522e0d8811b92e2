// GET /v1/changes: one page of the feed, streamed from the store in chunks (never the whole
// answer in memory). Each entity appears once, at the seq of its latest change; the stored
// JSON goes out as it is, without a parse and re-serialise. A cursor this feed cannot continue
// from is a 410 `resync-required` (SYNC-API.md): a console must never wait on a feed that will
// not reach its cursor.
import { changesQuerySchema, FEED_MAX_LIMIT, parseWith, RESYNC_REQUIRED, type ChangesQuery } from '../../core';
import type { FeedRow, Store } from '../store/store';
import { HttpProblem } from './problem';
import type { Reply, Sink } from './reply';

export const FEED_DEFAULT_LIMIT = 1000;
const CHUNK_ROWS = 500;

function intParam(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d{1,15}$/.test(raw)) throw new HttpProblem(422, 'validation', `${name}: expected a whole number ≥ 0, got ${JSON.stringify(raw.slice(0, 40))}`);
  return Number(raw);
}

export type FeedQuery = ChangesQuery & { limit: number };

export function feedQuery(params: URLSearchParams): FeedQuery {
  const after = intParam(params, 'after', 0);
  const limit = intParam(params, 'limit', FEED_DEFAULT_LIMIT);
  const feedId = params.get('feedId');
  // SYNC-API caps N at 5000; a larger ask gets the largest page rather than an error.
  const parsed = parseWith(changesQuerySchema, { after, limit: Math.min(limit, FEED_MAX_LIMIT), ...(feedId === null ? {} : { feedId }) }, 'query');
  if (!parsed.ok) throw HttpProblem.validation(parsed.error, parsed.issues);
  return { ...parsed.value, limit: parsed.value.limit ?? FEED_DEFAULT_LIMIT };
}

/** 410 when the cursor is past this feed's end or belongs to another feed. */
export function checkCursor(store: Pick<Store, 'feedId' | 'lastSeq'>, query: FeedQuery): void {
  const problem = (detail: string) =>
    new HttpProblem(410, RESYNC_REQUIRED, `${detail} Keep the outbox, drop the cached entities and pull again from after=0.`, { feedId: store.feedId });
  if (query.feedId !== undefined && query.feedId !== store.feedId) {
    throw problem(`The cursor belongs to feed ${JSON.stringify(query.feedId.slice(0, 200))}; this platform serves feed ${store.feedId} (its store was reset or replaced).`);
  }
  if (query.after > store.lastSeq) {
    throw problem(`The cursor ${query.after} is beyond this feed's end (${store.lastSeq}): the platform's store was reset or replaced.`);
  }
}

function changeJson(row: FeedRow): string {
  const head = `{"seq":${row.seq},"type":${JSON.stringify(row.type)},"op":"${row.deleted ? 'delete' : 'upsert'}","id":${JSON.stringify(row.id)}`;
  return row.deleted || row.data === null ? `${head}}` : `${head},"data":${row.data}}`;
}

export function changesReply(store: Pick<Store, 'feedId' | 'feedRows'>, after: number, limit: number): Reply {
  return {
    kind: 'stream',
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
    produce: async (sink: Sink) => {
      let last = after;
      let sent = 0;
      let hasMore = false;
      if (!(await sink.write(`{"feedId":${JSON.stringify(store.feedId)},"changes":[`))) return;
      while (sent < limit) {
        const want = Math.min(CHUNK_ROWS, limit - sent);
        // One row more than wanted on the page's last chunk tells whether another page exists.
        const finalChunk = sent + want === limit;
        const rows = await store.feedRows(last, finalChunk ? want + 1 : want);
        const page = rows.slice(0, want);
        if (page.length > 0) {
          const text = page.map(changeJson).join(',');
          if (!(await sink.write(sent === 0 ? text : `,${text}`))) return;
          sent += page.length;
          last = page[page.length - 1]?.seq ?? last;
        }
        if (finalChunk) hasMore = rows.length > want;
        if (page.length < want) break;
      }
      await sink.write(`],"last":${last},"hasMore":${hasMore}}`);
    },
  };
}
