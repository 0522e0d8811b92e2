// GET /v1/changes: one page of the feed, streamed from the store in chunks (never the whole
// answer in memory). Each entity appears once, at the seq of its latest change; the stored
// JSON goes out as it is, without a parse and re-serialise.
import type { FeedRow, Store } from '../store/store';
import { HttpProblem } from './problem';
import type { Reply, Sink } from './reply';

export const FEED_MAX_LIMIT = 5000;
export const FEED_DEFAULT_LIMIT = 1000;
const CHUNK_ROWS = 500;

function intParam(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d{1,15}$/.test(raw)) throw new HttpProblem(422, 'validation', `${name}: expected a whole number ≥ 0, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

export function feedQuery(params: URLSearchParams): { after: number; limit: number } {
  const after = intParam(params, 'after', 0);
  const limit = intParam(params, 'limit', FEED_DEFAULT_LIMIT);
  if (limit < 1) throw new HttpProblem(422, 'validation', 'limit: expected at least 1');
  // SYNC-API caps N at 5000; a larger ask gets the largest page rather than an error.
  return { after, limit: Math.min(limit, FEED_MAX_LIMIT) };
}

function changeJson(row: FeedRow): string {
  const head = `{"seq":${row.seq},"type":${JSON.stringify(row.type)},"op":"${row.deleted ? 'delete' : 'upsert'}","id":${JSON.stringify(row.id)}`;
  return row.deleted || row.data === null ? `${head}}` : `${head},"data":${row.data}}`;
}

export function changesReply(store: Store, after: number, limit: number): Reply {
  return {
    kind: 'stream',
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
    produce: async (sink: Sink) => {
      let last = after;
      let sent = 0;
      let hasMore = false;
      if (!(await sink.write('{"changes":['))) return;
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
