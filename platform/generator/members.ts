// Designers and customers: who joins, their latent quality, verification and suspensions over
// their time in the log, and how organic work picks one of them.
import { DAY_MS } from '../../core/time';
import { CATEGORY_LIST, CATEGORY_PROFILE, CATEGORY_SHARES, LANG_OF, LANG_WEIGHTS, NCAT } from './market-profile';
import type { CustomerRec, DesignerRec, Verification } from './model';
import { BRAND_NAMES, BUSINESS_KINDS, COUNTRIES, FIRST_NAMES, LAST_NAMES } from './text/names';
import type { World } from './world';

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function joinDesigner(world: World): DesignerRec | null {
  const idx = world.designers.length;
  if (idx >= world.designerCapacity) return null;
  const rng = world.rng;
  const lang = LANG_OF[rng.weighted(LANG_WEIGHTS)] ?? 'en';
  const first = rng.pick(FIRST_NAMES[lang]);
  const last = rng.pick(LAST_NAMES[lang]);
  const country = rng.pick(COUNTRIES[lang]);
  // R4: one in five designers starts unverified; under half of them are verified later.
  const verification: Verification = rng.chance(0.2) ? 'unverified' : 'verified';
  const primary = rng.weighted(CATEGORY_SHARES);
  const cats = [primary];
  const affinity = [1];
  for (const extra of [0.5, 0.25]) {
    if (!rng.chance(extra)) continue;
    const c = rng.weighted(CATEGORY_SHARES);
    if (cats.includes(c)) continue;
    cats.push(c);
    affinity.push(rng.between(0.2, 0.6));
  }
  const designer: DesignerRec = {
    idx,
    id: `d${idx + 1}`,
    lang,
    first,
    verification,
    active: true,
    planted: false,
    cats,
    affinity,
    activity: Math.min(40, rng.pareto(1.6)),
    publishedPositive: 0,
    publishedCounted: 0,
    enablings: [],
    youngFiveStars: [],
  };
  // Latent quality per category: a general skill plus a per-category part; about 7% are
  // weak in one of their categories, the designers R3 exists for.
  const skill = rng.normal();
  const mu = new Float64Array(NCAT);
  for (let c = 0; c < NCAT; c++) {
    const profile = CATEGORY_PROFILE[CATEGORY_LIST[c] ?? 'logo'];
    mu[c] = profile.mean + profile.sd * (0.75 * skill + 0.66 * rng.normal());
  }
  if (rng.chance(0.07)) mu[rng.chance(0.6) ? primary : rng.pick(cats)] = rng.between(1.4, 2.3);
  world.designerQuality.set(idx, { skill, mu });
  world.designers.push(designer);
  world.emit({
    at: world.iso(),
    type: 'designer.joined',
    data: {
      id: designer.id,
      handle: `${slug(first)}${slug(last).slice(0, 12)}_${idx.toString(36)}`,
      displayName: `${first} ${last}`,
      country,
      verification,
    },
  });
  updateWeights(world, designer);
  planDesignerLife(world, designer);
  return designer;
}

export function skillOf(world: World, designer: DesignerRec): number {
  return world.designerQuality.get(designer.idx)?.skill ?? 0;
}

export function muOf(world: World, designer: DesignerRec, cat: number): number {
  return world.designerQuality.get(designer.idx)?.mu[cat] ?? 3;
}

export function updateWeights(world: World, designer: DesignerRec): void {
  const factor = !designer.active ? 0 : designer.verification === 'revoked' ? 0.5 : 1;
  for (let k = 0; k < designer.cats.length; k++) {
    const cat = designer.cats[k] ?? 0;
    world.samplers[cat]?.set(designer.idx, designer.activity * (designer.affinity[k] ?? 0) * factor);
  }
}

/** Verification changes and the odd suspension, over the designer's time in the log. */
function planDesignerLife(world: World, designer: DesignerRec): void {
  const rng = world.rng;
  if (designer.verification === 'unverified') {
    if (rng.chance(0.45)) world.at(world.now + Math.max(DAY_MS, rng.exponential(14 * DAY_MS)), () => changeVerification(world, designer, 'verified'));
  } else if (rng.chance(0.03)) {
    world.at(world.now + rng.between(2 * DAY_MS, 70 * DAY_MS), () => {
      if (designer.verification !== 'verified') return;
      changeVerification(world, designer, 'revoked');
      if (rng.chance(0.35)) world.at(world.now + Math.max(DAY_MS, rng.exponential(10 * DAY_MS)), () => changeVerification(world, designer, 'verified'));
    });
  }
  if (rng.chance(0.004)) {
    world.at(world.now + rng.between(3 * DAY_MS, 60 * DAY_MS), () => {
      if (designer.planted || !designer.active) return;
      const until = world.now + rng.intBetween(7, 30) * DAY_MS;
      designer.active = false;
      updateWeights(world, designer);
      world.emit({ at: world.iso(), type: 'designer.status_changed', data: { id: designer.id, accountStatus: 'suspended', suspendedUntil: world.iso(until) } });
      world.at(until, () => {
        designer.active = true;
        updateWeights(world, designer);
        world.emit({ at: world.iso(), type: 'designer.status_changed', data: { id: designer.id, accountStatus: 'active' } });
      });
    });
  } else if (rng.chance(0.003)) {
    world.at(world.now + rng.between(3 * DAY_MS, 60 * DAY_MS), () => {
      if (designer.planted || !designer.active) return;
      world.emit({ at: world.iso(), type: 'designer.status_changed', data: { id: designer.id, accountStatus: 'warned' } });
    });
  }
}

export function changeVerification(world: World, designer: DesignerRec, to: Verification): void {
  if (designer.verification === to) return;
  if (designer.planted && to !== 'verified') return;
  designer.verification = to;
  updateWeights(world, designer);
  world.emit({ at: world.iso(), type: 'designer.verification_changed', data: { id: designer.id, verification: to } });
}

export function joinCustomer(world: World, scripted: boolean): CustomerRec {
  const rng = world.rng;
  const idx = world.customers.length;
  const lang = LANG_OF[rng.weighted(LANG_WEIGHTS)] ?? 'en';
  const brand = rng.pick(BRAND_NAMES);
  const kind = rng.pick(BUSINESS_KINDS[lang]);
  const customer: CustomerRec = {
    idx,
    id: `c${idx + 1}`,
    lang,
    createdAt: world.now,
    brand,
    kind,
    bias: 0.35 * rng.normal(),
    scripted,
  };
  world.customers.push(customer);
  const displayName = rng.chance(0.5)
    ? `${rng.pick(FIRST_NAMES[lang])} ${rng.pick(LAST_NAMES[lang]).charAt(0)}.`
    : lang === 'en'
      ? `${brand} ${kind.split(' ').map(capitalise).join(' ')}`
      : `${capitalise(kind)} ${brand}`;
  world.emit({ at: world.iso(), type: 'customer.joined', data: { id: customer.id, displayName } });
  return customer;
}

/** An existing customer for organic work: a newcomer waiting to start, or anyone non-scripted. */
export function pickCustomer(world: World): CustomerRec | null {
  while (world.freshCustomers.length > 0) {
    const fresh = world.freshCustomers.pop();
    if (fresh !== undefined && world.now - fresh.createdAt < 4 * DAY_MS) return fresh;
  }
  for (let tries = 0; tries < 8 && world.customers.length > 0; tries++) {
    const customer = world.rng.pick(world.customers);
    if (!customer.scripted) return customer;
  }
  return null;
}

/** A designer working in `cat`, weighted by activity; null when the category has nobody yet. */
export function pickDesigner(world: World, cat: number): DesignerRec | null {
  const sampler = world.samplers[cat];
  if (sampler === undefined) return null;
  const idx = sampler.sample(world.rng.next());
  return idx < 0 ? null : (world.designers[idx] ?? null);
}
