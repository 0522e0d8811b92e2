import { describe, expect, it } from 'vitest';
import { useEngines } from './helpers';

const { fresh } = useEngines();

describe('review: project.launched compares times as instants', () => {
  it('refuses a project that ends before its launch when the two times differ in precision', async () => {
    const { engine } = await fresh();
    const result = await engine.applyEvents([
      // Launched half a second after it ends; as strings "…00Z" sorts after "…00.500Z".
      { at: '2026-11-02T10:00:00.500Z', type: 'project.launched', data: { id: 'p1', customerId: 'c1', category: 'logo', kind: 'contest', endsAt: '2026-11-02T10:00:00Z' } },
      // Ends at the very instant it launches.
      { at: '2026-11-02T11:00:00.000Z', type: 'project.launched', data: { id: 'p2', customerId: 'c1', category: 'logo', kind: 'contest', endsAt: '2026-11-02T11:00:00Z' } },
    ]);
    expect(result).toEqual({
      applied: 0,
      refused: [
        { index: 0, reasonCode: 'ends_before_launch' },
        { index: 1, reasonCode: 'ends_before_launch' },
      ],
    });
    expect(engine.world.tables.project.size).toBe(0);
  });
});
