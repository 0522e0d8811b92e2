// Fault injection for the console's reliability tests (development mode): added latency, a
// share of 500s, dropped connections and truncated bodies. Seeded, so a run can be repeated;
// never applied to /v1/dev/* so a test can always turn it off again.
import type { FaultSettings } from '../../core';

export type Roll = { kind: 'none' } | { kind: 'error' } | { kind: 'drop' } | { kind: 'truncate' };

export class Faults {
  private settings: Required<Omit<FaultSettings, 'seed'>> = { latencyMs: 0, errorRate: 0, dropRate: 0, truncateRate: 0 };
  private state = 1;

  constructor(initial: FaultSettings = {}) {
    this.set(initial);
  }

  /** Replaces the fields given; a new seed restarts the sequence of rolls. */
  set(settings: FaultSettings): void {
    this.settings = {
      latencyMs: settings.latencyMs ?? this.settings.latencyMs,
      errorRate: settings.errorRate ?? this.settings.errorRate,
      dropRate: settings.dropRate ?? this.settings.dropRate,
      truncateRate: settings.truncateRate ?? this.settings.truncateRate,
    };
    if (settings.seed !== undefined) this.state = settings.seed >>> 0;
  }

  current(): FaultSettings {
    return { ...this.settings };
  }

  get latencyMs(): number {
    return this.settings.latencyMs;
  }

  get active(): boolean {
    const s = this.settings;
    return s.latencyMs > 0 || s.errorRate > 0 || s.dropRate > 0 || s.truncateRate > 0;
  }

  /** mulberry32 step. */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** One roll per request: the shares add up, so errorRate 0.2 + dropRate 0.1 fails 30%. */
  roll(): Roll {
    const { errorRate, dropRate, truncateRate } = this.settings;
    if (errorRate + dropRate + truncateRate === 0) return { kind: 'none' };
    const r = this.next();
    if (r < errorRate) return { kind: 'error' };
    if (r < errorRate + dropRate) return { kind: 'drop' };
    if (r < errorRate + dropRate + truncateRate) return { kind: 'truncate' };
    return { kind: 'none' };
  }
}
