// An in-memory stand-in for the console's Node side, for component tests only (the end-to-end
// suite runs the real browser host). It speaks through the renderer's own client builder, so
// every input is parsed with the contract's input schema and every answer with its output schema:
// the double cannot drift from the contract without these tests failing.
import { DEFAULT_POLICY, REJECT_REASONS, type Category, type Role } from '../../core';
import { METHODS, type ConsoleEvent, type MethodName, type OutputOf, type ParsedInputOf, type SubmissionItem, type SubmissionRow, type SyncStatus } from '../../electron/contract';
import { clientFromCall } from '../../renderer/src/api/client';
import { ConsoleApiError } from '../../renderer/src/api/errors';
import type { Connection, ConnectionState } from '../../renderer/src/api/events';
import type { Ticker } from '../../renderer/src/features/clock/clock';

export const T0 = Date.parse('2026-11-02T12:00:00.000Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

type Handlers = { [M in MethodName]?: (input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>> };

export interface FakeOptions {
  held?: number;
  review?: number;
  roles?: Role[];
  signedIn?: boolean;
  undoSeconds?: number;
}

const CATEGORIES: Category[] = ['logo', 'web', 'app', 'print'];

function makeRow(i: number, queue: 'held' | 'review'): SubmissionRow {
  const category = CATEGORIES[i % CATEGORIES.length] ?? 'logo';
  const submittedAt = queue === 'review' ? T0 - (i % 50) * HOUR : T0 - HOUR * 2;
  return {
    subjectType: 'submission',
    id: `${queue === 'held' ? 'sub-h' : 'sub-r'}${String(i).padStart(6, '0')}`,
    rev: 1,
    status: queue === 'held' ? 'held' : 'pending_review',
    kind: 'original',
    submittedAt: iso(submittedAt),
    ...(queue === 'held' ? { releaseAt: iso(T0 + (i + 1) * 60_000 * 7) } : { reviewDueAt: iso(submittedAt + 48 * HOUR) }),
    assetId: `asset-${i}`,
    designer: { id: `d-${i % 40}`, handle: `designer${i % 40}`, displayName: `Designer ${i % 40}`, verification: queue === 'review' ? 'unverified' : 'verified', accountStatus: 'active' },
    rating: { category, value: queue === 'held' ? '2.31' : null, count: queue === 'held' ? 13 : 0 },
    project: {
      id: `p-${i % 25}`,
      title: `Project ${i % 25}`,
      category,
      kind: 'contest',
      status: 'open',
      launchedAt: iso(T0 - 10 * HOUR),
      endsAt: iso(T0 + 3 * 24 * HOUR),
      launchWindowEndsAt: iso(T0 + 2 * HOUR + 5 * 60_000),
    },
    lookers: [],
  };
}

export class FakeConsole {
  rows: SubmissionRow[] = [];
  decided = new Map<string, { decisionId: string; outcome: string; reasonCode?: string; note?: string; state: 'queued' | 'sending' | 'applied' | 'undone' }>();
  calls: { method: MethodName; input: unknown }[] = [];
  claims = new Set<string>();
  settings = { undoSeconds: 5, theme: 'light' as 'light' | 'dark' | 'auto', blurImages: false };
  sync: SyncStatus = { state: 'online', cursor: 10, lastSyncedAt: iso(T0 - 12_000), outbox: 0, conflicts: 0, live: true, outboxStalled: false, serverTime: iso(T0) };
  signedIn: boolean;
  roles: Role[];
  now = T0;
  private listeners = new Set<(e: ConsoleEvent) => void>();
  private seq = 0;
  /** Methods made to fail on their next call. */
  failNext = new Map<MethodName, ConsoleApiError>();
  overrides: Handlers = {};

  constructor(options: FakeOptions = {}) {
    for (let i = 0; i < (options.held ?? 30); i += 1) this.rows.push(makeRow(i, 'held'));
    for (let i = 0; i < (options.review ?? 10); i += 1) this.rows.push(makeRow(i, 'review'));
    this.signedIn = options.signedIn ?? true;
    this.roles = options.roles ?? ['quality'];
    if (options.undoSeconds !== undefined) this.settings.undoSeconds = options.undoSeconds;
  }

  emit(event: ConsoleEvent): void {
    for (const l of [...this.listeners]) l(event);
  }

  queueRows(queue: 'held' | 'review' | 'flags'): SubmissionRow[] {
    const status = queue === 'held' ? 'held' : 'pending_review';
    const rows = this.rows.filter((r) => r.status === status && !this.decided.has(r.id));
    return rows.sort((a, b) => (queue === 'held' ? (a.releaseAt ?? '').localeCompare(b.releaseAt ?? '') : (a.reviewDueAt ?? '').localeCompare(b.reviewDueAt ?? '')) || a.id.localeCompare(b.id));
  }

  item(id: string): SubmissionItem {
    const row = this.rows.find((r) => r.id === id);
    if (row === undefined) throw new ConsoleApiError({ status: 404, type: 'not-found', detail: `No item ${id} in the cache.` });
    const pending = this.decided.get(id);
    return {
      ...row,
      explanation: `Held: ${row.project.category} rating 2.31 over 13 rated designs is below 2.5; the 3-day contest’s launch window ends 14:05 UTC, in 2 h 05 min.`,
      policyVersion: DEFAULT_POLICY.version,
      designer: {
        ...row.designer,
        country: 'PT',
        joinedAt: iso(T0 - 400 * 24 * HOUR),
        overall: { category: 'overall', value: '2.80', count: 40 },
        ratings: [{ category: row.project.category, value: row.rating.value, count: row.rating.count }],
        trend: [
          { at: iso(T0 - 5 * HOUR), value: 2.9 },
          { at: iso(T0 - 3 * HOUR), value: 2.8 },
        ],
        decisions: { approved: 3, rejected: 1, pending: 0 },
        flags: { open: 0, confirmed: 0, dismissed: 0 },
      },
      project: row.project,
      ...(pending !== undefined && pending.state !== 'undone'
        ? { pending: { decisionId: pending.decisionId, outcome: pending.outcome === 'reject' ? 'reject' : 'approve', state: 'queued', sendsAt: iso(this.now + this.settings.undoSeconds * 1000) } }
        : {}),
      decidable: pending === undefined || pending.state === 'undone',
    };
  }

  private handlers: Handlers = {
    'session.get': () =>
      this.signedIn
        ? {
            signedIn: true,
            moderator: { id: 'm-1', displayName: 'Ana Moderator', roles: this.roles },
            platformUrl: 'http://127.0.0.1:7070',
            policyVersion: DEFAULT_POLICY.version,
            policy: DEFAULT_POLICY,
            serverTime: iso(this.now),
            clockOffsetMs: 0,
            demo: true,
            can: { decideSubmissions: this.roles.some((r) => r === 'quality' || r === 'admin'), decideFlags: this.roles.some((r) => r === 'trust_safety' || r === 'admin'), audit: this.roles.some((r) => r === 'auditor' || r === 'admin') },
          }
        : { signedIn: false, platformUrl: 'http://127.0.0.1:7070' },
    'session.signIn': (input) => {
      if (input.token !== 'good') throw new ConsoleApiError({ status: 401, type: 'unauthorized', detail: 'The platform refused the token.' });
      this.signedIn = true;
      const s = this.handlers['session.get']?.({});
      if (s === undefined || s instanceof Promise || !s.signedIn) throw new Error('fake session');
      return s;
    },
    'session.signOut': () => {
      this.signedIn = false;
      return { signedIn: false };
    },
    'sync.status': () => ({ ...this.sync, outbox: [...this.decided.values()].filter((d) => d.state === 'queued').length }),
    'queues.counts': () => ({
      held: this.queueRows('held').length,
      review: this.queueRows('review').length,
      reviewDueSoon: 0,
      reviewOverdue: this.queueRows('review').filter((r) => Date.parse(r.reviewDueAt ?? '') < this.now).length,
      flags: 7,
    }),
    'queues.page': (input) => {
      let rows = this.queueRows(input.queue);
      const f = input.filter ?? {};
      if (f.category !== undefined) rows = rows.filter((r) => r.project.category === f.category);
      if (f.designerId !== undefined) rows = rows.filter((r) => r.designer.id === f.designerId);
      if (f.projectId !== undefined) rows = rows.filter((r) => r.project.id === f.projectId);
      if (input.order === 'desc') rows = [...rows].reverse();
      const offset = input.offset ?? 0;
      const items = rows.slice(offset, offset + input.limit);
      return { items, total: rows.length, next: offset + input.limit < rows.length ? String(offset + input.limit) : null, offset };
    },
    'items.get': (input) => this.item(input.subjectId),
    'assets.get': (input) => ({ assetId: input.assetId, contentType: 'image/svg+xml', dataUrl: 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0naHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmcnLz4=' }),
    'claims.claim': (input) => {
      this.claims.add(input.subjectId);
      return { claimed: true };
    },
    'claims.release': (input) => ({ released: this.claims.delete(input.subjectId) }),
    'decisions.decide': (input) => {
      if (input.outcome === 'reject' && (input.reasonCode === undefined || !Object.hasOwn(REJECT_REASONS, input.reasonCode))) {
        throw new ConsoleApiError({ status: 400, type: 'validation', detail: 'A reject needs a reason code.' });
      }
      if (input.reasonCode === 'other' && (input.note ?? '').trim() === '') throw new ConsoleApiError({ status: 400, type: 'validation', detail: '“Other” needs a note.' });
      const already = this.decided.get(input.subjectId);
      if (already !== undefined && already.state !== 'undone') throw new ConsoleApiError({ status: 409, type: 'not-decidable', detail: 'It was already decided here.' });
      this.seq += 1;
      const decisionId = `dec-${this.seq}`;
      this.decided.set(input.subjectId, { decisionId, outcome: input.outcome, ...(input.reasonCode === undefined ? {} : { reasonCode: input.reasonCode }), ...(input.note === undefined ? {} : { note: input.note }), state: 'queued' });
      return { decisionId, state: 'queued', sendsAt: iso(this.now + this.settings.undoSeconds * 1000) };
    },
    'decisions.undo': (input) => {
      for (const [subjectId, d] of this.decided) {
        if (d.decisionId === input.decisionId) {
          if (d.state !== 'queued') throw new ConsoleApiError({ status: 409, type: 'too-late', detail: 'It has left the machine.' });
          this.decided.delete(subjectId);
          return { decisionId: input.decisionId, state: 'undone' };
        }
      }
      throw new ConsoleApiError({ status: 404, type: 'not-found', detail: 'No such decision.' });
    },
    'decisions.preview': (input) => ({
      items: input.subjectIds.map((subjectId) => ({ subjectId, from: 'held', to: input.outcome === 'approve' ? 'scheduled' : 'rejected', detail: input.outcome === 'approve' ? 'Shown when the launch window ends.' : 'Never shown to the customer.' })),
    }),
    'decisions.batch': (input) => {
      const decided = input.subjectIds.map((subjectId) => {
        this.seq += 1;
        const decisionId = `dec-${this.seq}`;
        this.decided.set(subjectId, { decisionId, outcome: input.outcome, state: 'queued', ...(input.reasonCode === undefined ? {} : { reasonCode: input.reasonCode }) });
        return { subjectId, decisionId };
      });
      return { decided, skipped: [] };
    },
    'conflicts.list': () => ({ items: [], total: 0 }),
    'conflicts.acknowledge': () => ({ acknowledged: true }),
    'designers.search': (input) => ({
      items: this.rows
        .map((r) => r.designer)
        .filter((d, i, all) => d.handle.includes(input.query) && all.findIndex((x) => x.id === d.id) === i)
        .slice(0, input.limit),
    }),
    'settings.get': () => this.settings,
    'settings.set': (input) => {
      this.settings = { ...this.settings, ...input };
      return this.settings;
    },
  };

  private async call(method: MethodName, raw: unknown): Promise<unknown> {
    const failure = this.failNext.get(method);
    if (failure !== undefined) {
      this.failNext.delete(method);
      throw failure;
    }
    const parsed = METHODS[method].input.safeParse(raw);
    if (!parsed.success) throw new ConsoleApiError({ status: 400, type: 'validation', detail: `${method}: ${parsed.error.issues[0]?.message ?? 'bad input'}` });
    this.calls.push({ method, input: parsed.data });
    const handler: ((input: never) => unknown) | undefined = this.overrides[method] ?? this.handlers[method];
    if (handler === undefined) throw new ConsoleApiError({ status: 404, type: 'not-found', detail: `${method} is not in the fake console.` });
    // The input was parsed by this very method's schema just above; TypeScript cannot follow the
    // method name through the lookup, so the handler's parameter is widened here once.
    return handler(parsed.data as never);
  }

  readonly api = clientFromCall(
    (method, input) => this.call(method, input),
    (listener) => {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    },
  );

  callsOf(method: MethodName): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.input);
  }
}

/** A connection whose state the test sets. */
export class FakeConnection implements Connection {
  private current: ConnectionState = 'open';
  private listeners = new Set<(s: ConnectionState) => void>();
  state = () => this.current;
  subscribe = (l: (s: ConnectionState) => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  set(state: ConnectionState): void {
    this.current = state;
    for (const l of this.listeners) l(state);
  }
}

/** A clock the test moves by hand. */
export class ManualTicker implements Ticker {
  private listeners = new Set<() => void>();
  constructor(private current: number = T0) {}
  now = () => this.current;
  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  advance(ms: number): void {
    this.current += ms;
    for (const l of this.listeners) l();
  }
}
