// A short round of the crash soak on every run of the suite (npm run soak does the long one):
// kill -9 of the browser host at random moments while the platform injects faults, then a
// restart on the same data. Nothing acknowledged may be lost, nothing decided twice.
import { describe, expect, it } from 'vitest';
import { soak } from './soak';

describe('kill -9 at random moments', () => {
  it('loses and doubles no decision', async () => {
    const result = await soak({ runs: 3, seed: Date.now() % 100_000, perRun: 6 });
    expect(result.failures).toEqual([]);
    expect(result).toMatchObject({ runs: 3, kills: 3, lost: 0, doubled: 0 });
  }, 240_000);
});
