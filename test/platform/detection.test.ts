// Incremental R12 detection in the engine: a flag is raised as facts arrive, grows (same id,
// rev bumps) as more hits join it, and is never re-raised once decided. Sanctions through the
// decision path change the designer and the ratings.
import { describe, expect, it } from 'vitest';
import { readCorpusSplits } from '../../bench/corpus';
import { readMessage } from '../../core/manipulation/message-detectors';
import { messageScorer } from '../../core/manipulation/message-scorer';
import { flagSchema } from '../../core/wire/entities';
import { decisionRequest, ev, MODERATORS, openEngine, useEngines } from './helpers';

const { fresh, storePath, track } = useEngines();


const setup = [
  ev.designer('2026-11-02T08:00:00.000Z', 'd1'),
  ev.customer('2026-11-02T08:00:00.000Z', 'c1'),
  ev.project('2026-11-02T08:00:00.000Z', 'p1', '2026-11-12T08:00:00.000Z'),
  ev.submission('2026-11-02T09:00:00.000Z', 's1', 'p1', 'd1'),
  ev.rating('2026-11-02T09:10:00.000Z', 's1', 2),
];

describe('incremental detection', () => {
  it('raises a flag on a pressure message, then grows it with the report (same id, rev bumps)', async () => {
    const { engine } = await fresh();
    await engine.applyEvents([...setup, ev.message('2026-11-02T10:00:00.000Z', 'm1', 'd1', 'c1', 'Please change your rating to 5 stars')]);
    const flags = [...engine.world.tables.flag.values()];
    expect(flags).toHaveLength(1);
    const first = flags[0];
    expect(first).toMatchObject({ designerId: 'd1', customerId: 'c1', status: 'open', rev: 1 });
    expect(first?.hits.map((h) => h.detector)).toContain('pressure_message');

    await engine.applyEvents([
      { at: '2026-11-02T11:00:00.000Z', type: 'report.filed', data: { id: 'r1', customerId: 'c1', designerId: 'd1', category: 'rating_pressure', body: 'They keep asking me to change my rating.' } },
    ]);
    const grown = engine.world.tables.flag.get(first?.id ?? '');
    expect(grown?.rev).toBe(2);
    expect(grown?.hits.map((h) => h.detector)).toEqual(expect.arrayContaining(['pressure_message', 'customer_report']));
    expect(grown?.score ?? 0).toBeGreaterThan(first?.score ?? 0);
    expect(engine.world.tables.flag.size).toBe(1);
  });

  it('raises a flag on a message only the learned scorer reads as pressure, with its spans, on the wire', async () => {
    // A message of the corpus's train split that the phrase rules miss and the scorer flags.
    const scorer = messageScorer();
    const body = readCorpusSplits(['train']).find((m) => {
      const { analysis, probabilities } = readMessage(m.body);
      const clear = probabilities.manipulation >= scorer.threshold + 0.01;
      return analysis.pressure.length === 0 && analysis.incentive.length === 0 && clear && scorer.labelsOf(probabilities).includes('pressure_message');
    })?.body;
    if (body === undefined) throw new Error('the scorer adds nothing to the rules on its own train split');
    const { engine } = await fresh();
    await engine.applyEvents([...setup, ev.message('2026-11-02T10:00:00.000Z', 'm1', 'd1', 'c1', body)]);
    const flags = [...engine.world.tables.flag.values()];
    expect(flags).toHaveLength(1);
    const flag = flagSchema.parse(flags[0]);
    const hit = flag.hits.find((h) => h.detector === 'pressure_message');
    expect(hit?.evidence.summary).toMatch(/\(message scorer [01]\.\d\d, no phrase rule matched\): "/);
    const spans = hit?.evidence.items[0]?.spans ?? [];
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) expect(body.slice(s.start, s.end)).toBe(s.text);
  });

  it('leaves ordinary talk alone', async () => {
    const { engine } = await fresh();
    await engine.applyEvents([...setup, ev.message('2026-11-02T10:00:00.000Z', 'm1', 'd1', 'c1', 'I will remove the background and add more stars to the logo.')]);
    expect(engine.world.tables.flag.size).toBe(0);
  });

  it('confirms with sanctions: suspends the designer, voids the ratings, and the rating stops counting', async () => {
    const { engine } = await fresh();
    await engine.applyEvents([...setup, ev.message('2026-11-02T10:00:00.000Z', 'm1', 'd1', 'c1', 'Please change your rating to 5 stars')]);
    const flag = [...engine.world.tables.flag.values()][0];
    if (flag === undefined) throw new Error('no flag');
    expect(engine.world.ratingSum('d1', 'logo')).toEqual({ sum: 2, count: 1 });
    const answer = await engine.decide(MODERATORS.trust.id, decisionRequest({
      id: 'd0c1a2b3-0000-4000-8000-000000000001',
      subjectType: 'flag',
      subjectId: flag.id,
      expectedRev: flag.rev,
      outcome: 'confirm',
      sanctions: [{ type: 'suspend', days: 7 }, { type: 'void_ratings', ratingIds: ['s1'] }],
      statementOfReasons: 'You asked a customer to change a rating (CoC-4.2). You may appeal within 183 days.',
      decidedAt: '2026-11-02T10:00:00.000Z',
    }));
    expect(answer.kind).toBe('applied');
    expect(engine.world.tables.designer.get('d1')).toMatchObject({ accountStatus: 'suspended', suspendedUntil: '2026-11-09T10:00:00.000Z' });
    expect(engine.world.tables.rating.get('s1')?.voidedAt).toBe('2026-11-02T10:00:00.000Z');
    expect(engine.world.ratingSum('d1', 'logo')).toEqual({ sum: 0, count: 0 });
    expect(engine.world.tables.flag.get(flag.id)?.status).toBe('confirmed');

    // The same facts never raise the decided flag again; the suspension ends on the clock.
    await engine.applyEvents([ev.customer('2026-11-03T10:00:00.000Z', 'c2')]);
    expect([...engine.world.tables.flag.values()].filter((f) => f.status === 'open')).toEqual([]);
    await engine.moveClock(Date.parse('2026-11-09T10:00:00.000Z'));
    expect(engine.world.tables.designer.get('d1')).toMatchObject({ accountStatus: 'active' });
    expect(engine.world.tables.designer.get('d1')?.suspendedUntil).toBeUndefined();
    expect(engine.world.tables.designer.get('d1')?.history.map((h) => [h.at, h.accountStatus])).toEqual([
      ['2026-11-02T08:00:00.000Z', 'active'],
      ['2026-11-02T10:00:00.000Z', 'suspended'],
      ['2026-11-09T10:00:00.000Z', 'active'],
    ]);
  });

  it('keeps flags and decisions across a restart, answering a repeated decision id the same', async () => {
    const path = storePath();
    const first = await openEngine(path);
    await first.engine.applyEvents([...setup, ev.message('2026-11-02T10:00:00.000Z', 'm1', 'd1', 'c1', 'Please change your rating to 5 stars')]);
    const flag = [...first.engine.world.tables.flag.values()][0];
    if (flag === undefined) throw new Error('no flag');
    const body = decisionRequest({
      id: 'd0c1a2b3-0000-4000-8000-000000000002',
      subjectType: 'flag',
      subjectId: flag.id,
      expectedRev: flag.rev,
      outcome: 'dismiss',
      reasonCode: 'false_positive',
      decidedAt: '2026-11-02T10:00:00.000Z',
    });
    const answer = await first.engine.decide(MODERATORS.trust.id, body);
    await first.close();
    const second = await openEngine(path);
    track(second);
    expect(second.engine.world.tables.flag.get(flag.id)?.status).toBe('dismissed');
    const again = await second.engine.decide(MODERATORS.trust.id, body);
    expect(again).toEqual(answer);
  });
});
