// The console's Node side in one object: every method of the console API (electron/contract/)
// implemented once, whatever the transport. `call` validates the input with the contract's
// schema, checks the roles, runs the handler and validates the output, and turns every failure
// into a problem document, so IPC and the browser host answer alike.
import { createHash } from 'node:crypto';
import { toIso, type Role } from '../../../core';
import {
  METHODS,
  isMethodName,
  problem,
  type ConsoleProblem,
  type MethodName,
  type MethodSpec,
  type OutputOf,
  type ParsedInputOf,
  type Session,
  type Settings,
} from '../../contract';
import { AuditRuns, type AuditRunner } from '../audit/audit-runs';
import { acknowledgeConflict, exportDecisions, getDecision, listConflicts, listDecisions } from '../decisions/records';
import { DecisionRefused, decide, previewBatch, undo, type DecideContext } from '../decisions/decide';
import { verifyJournal } from '../decisions/journal';
import { createEventBus, type EventBus } from '../events';
import { NotFound, type QueryContext } from '../queries/context';
import { dashboard } from '../queries/dashboard';
import { designerProfile, searchDesigners } from '../queries/designers';
import { flagItem, submissionItem } from '../queries/items';
import { BadCursor, queueCounts, queuePage } from '../queries/queues';
import { previewSanctions, statementFor } from '../queries/sanctions';
import { PlatformRefusal, PlatformUnauthorized, PlatformUnreachable, createPlatformClient } from '../sync/platform-client';
import { FailsafeStop } from '../sync/sync-engine';
import type { SecretStore } from './secrets';
import { createSettingsStore, type SettingsStore } from './settings-store';
import { normalisePlatformUrl, openWorkspace, type Workspace, type WorkspaceDeps } from './workspace';

export interface ConsoleOptions {
  dataDir: string;
  secrets: SecretStore;
  now?: () => number;
  random?: () => number;
  log?: (line: string) => void;
  /** Command-line settings that win for this run (`--undo-seconds`). */
  settingsOverrides?: Partial<Settings>;
  /** The workspace is the built-in demo (its platform was started for it). */
  demo?: boolean;
  pageSize?: number;
  pollMs?: number;
  fetch?: typeof fetch;
  /** Where audits run: a worker thread in the host and the app; in-process by default. */
  auditRunner?: AuditRunner;
}

export type CallResult<M extends MethodName = MethodName> = { ok: true; value: OutputOf<M> } | { ok: false; problem: ConsoleProblem };

export interface ConsoleService {
  readonly events: EventBus;
  /** Any method by name (the transports); typed by the contract when the name is known. */
  call<M extends MethodName>(method: M, input: unknown): Promise<CallResult<M>>;
  call(method: string, input: unknown): Promise<CallResult>;
  /**
   * Signs in directly (the host's --platform and the demo workspace). With `offline: 'resume'`,
   * an unreachable platform opens the last workspace of that address, to sync when it returns.
   */
  signIn(platformUrl: string, token: string, options?: { offline?: 'fail' | 'resume' }): Promise<Session>;
  /** Opens the last workspace if its token is still kept. */
  resume(): Promise<boolean>;
  workspace(): Workspace | null;
  close(): Promise<void>;
}

/** A problem a handler throws on purpose. */
class Problem extends Error {
  constructor(readonly problem: ConsoleProblem) {
    super(problem.detail);
  }
}

const secretKey = (platformUrl: string, moderatorId: string) => `token:${createHash('sha256').update(`${platformUrl}\n${moderatorId}`).digest('hex')}`;

function can(roles: readonly Role[]) {
  const admin = roles.includes('admin');
  return { decideSubmissions: admin || roles.includes('quality'), decideFlags: admin || roles.includes('trust_safety'), audit: admin || roles.includes('auditor') };
}

type Handlers = { [M in MethodName]: (input: ParsedInputOf<M>) => Promise<OutputOf<M>> };

export function createConsole(options: ConsoleOptions): ConsoleService {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => undefined);
  const events = createEventBus(log);
  const settings: SettingsStore = createSettingsStore(options.dataDir, options.settingsOverrides);
  const deps: WorkspaceDeps = {
    dataDir: options.dataDir,
    events,
    now,
    random,
    log,
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  };
  let current: Workspace | null = null;
  let audits: AuditRuns | null = null;
  // Sign-in and sign-out one at a time.
  let switching: Promise<unknown> = Promise.resolve();

  function ws(): Workspace {
    if (current === null) throw new Problem(problem(401, 'signed-out', 'No one is signed in: sign in to a platform first.'));
    return current;
  }

  function queryContext(w: Workspace): QueryContext {
    return { read: w.db.read, platformNow: () => w.engine.platformNow(), policy: () => w.policy(), moderatorId: w.moderatorId };
  }

  function decideContext(w: Workspace): DecideContext {
    return { ...queryContext(w), write: w.db.write, transaction: (durability, work) => w.db.transaction(durability, work), roles: w.moderator().roles, undoMs: () => settings.get().undoSeconds * 1000, localNow: now };
  }

  function session(w: Workspace): Session {
    const moderator = w.moderator();
    const policy = w.policy();
    return {
      signedIn: true,
      moderator,
      platformUrl: w.platformUrl,
      policyVersion: policy.version,
      policy,
      serverTime: toIso(w.engine.platformNow()),
      clockOffsetMs: Math.round(w.engine.platformNow() - now()),
      demo: options.demo === true,
      can: can(moderator.roles),
    };
  }

  /** Whether the cache holds the whole period an audit asks about, and what it lacks. */
  function coverage(w: Workspace, to: string): { complete: boolean; missing: string[] } {
    const status = w.engine.status();
    const missing: string[] = [];
    if (status.lastSyncedAt === null) missing.push('The cache has never been synced: it holds nothing of the platform yet.');
    else if (Date.parse(status.lastSyncedAt) < Date.parse(to)) {
      missing.push(`The cache was last synced at ${status.lastSyncedAt}: what the platform did after that is not in it.`);
    }
    if (status.progress?.phase === 'resync') missing.push('A resync is under way: the cache is being refilled from the start.');
    if (status.failsafe !== undefined) missing.push(`A sync is waiting for confirmation to delete ${status.failsafe.deletes} records.`);
    return { complete: missing.length === 0, missing };
  }

  function auditsFor(w: Workspace): AuditRuns {
    return new AuditRuns({
      db: w.db,
      policy: () => w.policy(),
      platformNow: () => w.engine.platformNow(),
      events,
      log,
      coverage: (to) => coverage(w, to),
      ...(options.auditRunner === undefined ? {} : { runner: options.auditRunner }),
    });
  }

  async function closeCurrent(): Promise<void> {
    const w = current;
    current = null;
    audits?.cancelAll();
    audits = null;
    if (w !== null) await w.close();
  }

  async function signIn(platformUrl: string, token: string, signInOptions: { offline?: 'fail' | 'resume' } = {}): Promise<Session> {
    const url = normalisePlatformUrl(platformUrl);
    const run = switching.then(async () => {
      // Who is this token? Asked before anything is opened, so a wrong address or token changes nothing.
      const probe = createPlatformClient({ baseUrl: url, token, now, ...(options.fetch === undefined ? {} : { fetch: options.fetch }) });
      let meta = null;
      let moderatorId: string;
      try {
        meta = (await probe.meta()).meta;
        moderatorId = meta.moderator.id;
      } catch (error) {
        if (error instanceof PlatformUnauthorized) throw new Problem(problem(401, 'platform-unauthorized', `The platform at ${url} does not accept this token. Check the token and try again.`));
        const last = settings.lastWorkspace();
        if (error instanceof PlatformUnreachable && signInOptions.offline === 'resume' && last !== null && last.platformUrl === url) {
          // The sync engine checks at its first contact that the token is this moderator's.
          log(`the platform at ${url} is unreachable; opening the last workspace offline`);
          moderatorId = last.moderatorId;
        } else if (error instanceof PlatformUnreachable) {
          throw new Problem(problem(503, 'platform-unreachable', `Could not reach a platform at ${url}: ${error.message}. Check the address and that the platform is running.`));
        } else throw error;
      }
      await closeCurrent();
      const w = await openWorkspace(deps, url, token, moderatorId, meta);
      current = w;
      audits = auditsFor(w);
      await options.secrets.set(secretKey(url, moderatorId), token);
      settings.setLastWorkspace({ platformUrl: url, moderatorId });
      w.engine.start();
      events.emit({ type: 'session.changed' });
      return session(w);
    });
    switching = run.catch(() => undefined);
    return run;
  }

  async function resume(): Promise<boolean> {
    const last = settings.lastWorkspace();
    if (last === null) return false;
    const token = await options.secrets.get(secretKey(last.platformUrl, last.moderatorId));
    if (token === undefined) return false;
    const run = switching.then(async () => {
      await closeCurrent();
      const w = await openWorkspace(deps, last.platformUrl, token, last.moderatorId, null);
      current = w;
      audits = auditsFor(w);
      w.engine.start();
      events.emit({ type: 'session.changed' });
      return true;
    });
    switching = run.catch(() => undefined);
    return run;
  }

  const handlers: Handlers = {
    'session.get': async () => (current === null ? { signedIn: false as const, ...(settings.lastWorkspace() === null ? {} : { platformUrl: settings.lastWorkspace()?.platformUrl ?? '' }) } : session(current)),
    'session.signIn': async (input) => signIn(input.platformUrl, input.token),
    'session.signOut': async () => {
      const w = current;
      const run = switching.then(async () => {
        if (w !== null) await options.secrets.delete(secretKey(w.platformUrl, w.moderatorId));
        settings.setLastWorkspace(null);
        await closeCurrent();
        events.emit({ type: 'session.changed' });
      });
      switching = run.catch(() => undefined);
      await run;
      return { signedIn: false as const, ...(w === null ? {} : { platformUrl: w.platformUrl }) };
    },

    'sync.status': async () => ws().engine.status(),
    'sync.now': async () => ({ cursor: await ws().engine.syncNow() }),
    'sync.confirmDeletions': async () => {
      const w = ws();
      await w.engine.confirmDeletions();
      return w.engine.status();
    },

    'queues.counts': async () => queueCounts(queryContext(ws())),
    'queues.page': async (input) => queuePage(queryContext(ws()), input),
    'items.get': async (input) => (input.subjectType === 'submission' ? submissionItem(queryContext(ws()), input.subjectId) : flagItem(queryContext(ws()), input.subjectId)),
    'assets.get': async (input) => {
      const w = ws();
      const cached: { content_type: string; body: Buffer } | undefined = await w.db.read('assets').where({ asset_id: input.assetId }).first('content_type', 'body');
      if (cached !== undefined) return { assetId: input.assetId, contentType: cached.content_type, dataUrl: `data:${cached.content_type.split(';')[0]};base64,${cached.body.toString('base64')}` };
      const asset = await w.platform.asset(input.assetId);
      const contentType = asset.contentType.split(';')[0]?.trim() ?? 'application/octet-stream';
      if (!/^image\/(svg\+xml|png|jpeg|webp|gif)$/.test(contentType)) throw new Problem(problem(404, 'not-an-image', `Asset ${input.assetId} is ${contentType}, not an image.`));
      await w.db.write('assets').insert({ asset_id: input.assetId, content_type: contentType, etag: asset.etag, body: asset.body, fetched_at: toIso(now()) }).onConflict('asset_id').merge();
      return { assetId: input.assetId, contentType, dataUrl: `data:${contentType};base64,${asset.body.toString('base64')}` };
    },

    'claims.claim': async (input) => {
      const w = ws();
      try {
        const answer = await w.platform.claim(input.subjectType, input.subjectId);
        await w.engine.syncNow().catch(() => undefined);
        events.emit({ type: 'claims.changed', subjectType: input.subjectType, subjectId: input.subjectId });
        if (answer.kind === 'claimed') return { claimed: true, expiresAt: answer.claim.expiresAt };
        const holder: { display_name: string } | undefined = await w.db.read('moderators').where({ id: answer.claim.moderatorId }).first('display_name');
        return { claimed: false, heldBy: holder?.display_name ?? answer.claim.moderatorId, expiresAt: answer.claim.expiresAt };
      } catch (error) {
        // Claims are advice: offline, the moderator works on without one.
        if (error instanceof PlatformUnreachable) return { claimed: false };
        throw error;
      }
    },
    'claims.release': async (input) => {
      const w = ws();
      try {
        await w.platform.release(input.subjectType, input.subjectId);
        events.emit({ type: 'claims.changed', subjectType: input.subjectType, subjectId: input.subjectId });
        return { released: true };
      } catch (error) {
        if (error instanceof PlatformUnreachable) return { released: false };
        throw error;
      }
    },

    'decisions.decide': async (input) => {
      const w = ws();
      const queued = await decide(decideContext(w), input);
      events.emit({ type: 'decision.changed', decisionId: queued.decisionId, subjectType: input.subjectType, subjectId: input.subjectId, state: 'queued' });
      events.emit({ type: 'queues.changed', queues: [queued.queue], subjectIds: [input.subjectId] });
      await w.engine.refreshCounts();
      w.engine.wakePusher();
      return { decisionId: queued.decisionId, state: 'queued' as const, sendsAt: queued.sendsAt };
    },
    'decisions.undo': async (input) => {
      const w = ws();
      const subject = await undo(decideContext(w), input.decisionId);
      events.emit({ type: 'decision.changed', decisionId: input.decisionId, subjectType: subject.subjectType, subjectId: subject.subjectId, state: 'undone' });
      events.emit({ type: 'queues.changed', queues: subject.subjectType === 'submission' ? ['held', 'review'] : ['flags'], subjectIds: [subject.subjectId] });
      await w.engine.refreshCounts();
      w.engine.wakePusher();
      return { decisionId: input.decisionId, state: 'undone' as const };
    },
    'decisions.preview': async (input) => ({ items: await previewBatch(queryContext(ws()), input.subjectIds, input.outcome) }),
    'decisions.batch': async (input) => {
      const w = ws();
      const decided: Array<{ subjectId: string; decisionId: string }> = [];
      const skipped: Array<{ subjectId: string; reason: string }> = [];
      for (const subjectId of new Set(input.subjectIds)) {
        try {
          const queued = await decide(decideContext(w), {
            subjectType: 'submission',
            subjectId,
            outcome: input.outcome,
            ...(input.reasonCode === undefined ? {} : { reasonCode: input.reasonCode }),
            ...(input.note === undefined ? {} : { note: input.note }),
          });
          decided.push({ subjectId, decisionId: queued.decisionId });
          events.emit({ type: 'decision.changed', decisionId: queued.decisionId, subjectType: 'submission', subjectId, state: 'queued' });
        } catch (error) {
          // A wrong reason or role is wrong for every row: refuse the whole batch before anything is written.
          if (error instanceof DecisionRefused && (error.status === 400 || error.status === 403) && decided.length === 0) throw error;
          if (error instanceof DecisionRefused || error instanceof NotFound) skipped.push({ subjectId, reason: error.message });
          else throw error;
        }
      }
      events.emit({ type: 'queues.changed', queues: ['held', 'review'], subjectIds: decided.map((d) => d.subjectId).slice(0, 200) });
      await w.engine.refreshCounts();
      w.engine.wakePusher();
      return { decided, skipped };
    },
    'decisions.list': async (input) => {
      const { limit, after, ...filter } = input;
      return listDecisions(ws().db.read, filter, limit, after);
    },
    'decisions.get': async (input) => getDecision(ws().db.read, input.decisionId),
    'flags.previewSanctions': async (input) => previewSanctions(queryContext(ws()), input.flagId, input.sanctions),
    'flags.composeStatement': async (input) => statementFor(queryContext(ws()), input),

    'conflicts.list': async (input) => listConflicts(ws().db.read, input.includeAcknowledged, input.limit),
    'conflicts.acknowledge': async (input) => {
      const w = ws();
      const acknowledged = await acknowledgeConflict(w.db.write, input.decisionId);
      await w.engine.refreshCounts();
      events.emit({ type: 'conflicts.changed', count: w.engine.status().conflicts });
      return { acknowledged };
    },

    'journal.verify': async () => verifyJournal(ws().db.read),
    'journal.export': async (input) => {
      const result = await exportDecisions(ws().db.read, input);
      return { filename: `decisions-${toIso(now()).slice(0, 10)}.csv`, ...result };
    },

    'designers.get': async (input) => designerProfile(queryContext(ws()), input.designerId),
    'designers.search': async (input) => ({ items: await searchDesigners(queryContext(ws()), input.query, input.limit) }),

    'dashboard.get': async (input) => dashboard(queryContext(ws()), input.days),
    'audit.run': async (input) => {
      ws();
      if (audits === null) throw new Problem(problem(401, 'signed-out', 'No one is signed in.'));
      return audits.start(input.from, input.to);
    },
    'audit.get': async (input) => {
      ws();
      const run = audits?.get(input.runId);
      if (run === undefined) throw new NotFound(`No audit run ${input.runId}.`);
      return run;
    },
    'audit.export': async (input) => {
      ws();
      const exported = audits?.exportCsv(input.runId);
      if (exported === undefined) throw new NotFound(`No finished audit run ${input.runId}.`);
      return exported;
    },

    'settings.get': async () => settings.get(),
    'settings.set': async (input) => {
      const next = settings.set(input);
      events.emit({ type: 'settings.changed' });
      return next;
    },
  };

  function toProblem(error: unknown, method: MethodName): ConsoleProblem {
    if (error instanceof Problem) return error.problem;
    if (error instanceof DecisionRefused) return problem(error.status, error.kind, error.message);
    if (error instanceof NotFound) return problem(404, 'not-found', error.message);
    if (error instanceof BadCursor || error instanceof RangeError) return problem(400, 'validation', error.message);
    if (error instanceof PlatformUnauthorized) return problem(401, 'platform-unauthorized', `The platform no longer accepts this sign-in: ${error.message} Sign in again.`);
    if (error instanceof PlatformUnreachable) return problem(503, 'platform-unreachable', `The platform could not be reached: ${error.message}`);
    if (error instanceof FailsafeStop) return problem(409, 'deletions-need-confirmation', error.message);
    if (error instanceof PlatformRefusal) return problem(error.status === 403 ? 403 : error.status === 404 ? 404 : 409, 'platform-refused', error.problem.detail);
    log(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return problem(500, 'internal', `${method} failed on the console's side; it has been logged. Try again, and restart the console if it keeps failing.`);
  }

  async function call(method: string, input: unknown): Promise<CallResult> {
    if (!isMethodName(method)) return { ok: false, problem: problem(404, 'unknown-method', `There is no console API method ${JSON.stringify(method.slice(0, 100))}.`) };
    const spec = METHODS[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
      return { ok: false, problem: problem(400, 'validation', `Invalid input for ${method}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues) };
    }
    const spec_: MethodSpec = spec;
    if (spec_.signedOut !== true && current === null) return { ok: false, problem: problem(401, 'signed-out', 'No one is signed in: sign in to a platform first.') };
    const allowed = spec_.roles;
    if (allowed !== undefined && current !== null) {
      const roles = current.moderator().roles;
      if (!allowed.some((role) => roles.includes(role))) {
        return { ok: false, problem: problem(403, 'forbidden', `${method} needs one of the roles ${allowed.join(', ')}; you have ${roles.join(', ')}.`) };
      }
    }
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown>;
      const output = await handler(parsed.data);
      const checked = spec.output.safeParse(output);
      if (!checked.success) {
        log(`${method} answered outside its contract: ${checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        return { ok: false, problem: problem(500, 'internal', `${method} produced an answer outside the console API contract; it has been logged.`) };
      }
      return { ok: true, value: checked.data as OutputOf<MethodName> };
    } catch (error) {
      return { ok: false, problem: toProblem(error, method) };
    }
  }

  return {
    events,
    // The output was just checked against the method's own schema: that is its type.
    call: call as ConsoleService['call'],
    signIn,
    resume,
    workspace: () => current,
    async close() {
      await switching;
      await closeCurrent();
    },
  };
}
