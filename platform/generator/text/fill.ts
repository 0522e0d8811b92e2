// Template filling for generated text: `{slot}` is replaced by a random entry of the slot's pool,
// or by a value the caller passes (a name, a concept number). An unknown slot throws, so a
// typo in a template fails the generator's tests rather than leaking braces into a dataset.
import type { Rng } from '../rng';

export type Lang = 'en' | 'fr' | 'es';
export const LANGS: readonly Lang[] = ['en', 'fr', 'es'];

export type Pools = Readonly<Record<string, readonly string[]>>;

const SLOT = /\{(\w+)\}/g;

export function fill(rng: Rng, template: string, pools: Pools, values: Readonly<Record<string, string>> = {}): string {
  return template.replace(SLOT, (_match, slot: string) => {
    const value = values[slot];
    if (value !== undefined) return value;
    const pool = pools[slot];
    if (pool === undefined) throw new Error(`template slot {${slot}} has no pool: ${template}`);
    return fill(rng, rng.pick(pool), pools, values);
  });
}

/** The slots a template uses, for the tests that check every template fills. */
export function slotsOf(template: string): string[] {
  return [...template.matchAll(SLOT)].map((m) => m[1] ?? '');
}
