// RULES.md R12: the grouping every behaviour detector shares. Detectors run over hundreds of
// thousands of ratings and messages, so facts are grouped once with Maps, never rescanned.

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** One key per designer–customer pair; ids never contain NUL, so two pairs never collide. */
export function pairKey(designerId: string, customerId: string): string {
  return `${designerId}\u0000${customerId}`;
}

export interface Timed {
  /** Epoch milliseconds of the fact. */
  ms: number;
  /** A stable id, to order facts that happened in the same millisecond. */
  id: string;
}

export function byTime(a: Timed, b: Timed): number {
  return a.ms - b.ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The episodes in which at least `minCount` facts fall inside one window of `windowMs`,
 * read as half-open like every window of the rules (docs/rules-readings.md): facts count
 * together when the last is less than `windowMs` after the first, so at exactly the window's
 * length they no longer do. Overlapping qualifying windows merge into one episode, so a long
 * run yields one hit with all its facts rather than one hit per sliding position.
 * `sorted` must be in time order; two pointers keep this linear.
 */
export function windowEpisodes<T extends Timed>(sorted: readonly T[], minCount: number, windowMs: number): T[][] {
  const episodes: T[][] = [];
  let open: { from: number; to: number } | null = null;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    const last = sorted[end];
    if (last === undefined) break;
    while (last.ms - (sorted[start]?.ms ?? last.ms) >= windowMs) start++;
    if (end - start + 1 < minCount) continue;
    if (open !== null && start <= open.to) open.to = end;
    else {
      if (open !== null) episodes.push(sorted.slice(open.from, open.to + 1));
      open = { from: start, to: end };
    }
  }
  if (open !== null) episodes.push(sorted.slice(open.from, open.to + 1));
  return episodes;
}

/** The last index in `sorted` whose `ms` is below `ms`, or -1: a binary search. */
export function lastBefore(sorted: readonly { ms: number }[], ms: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid]?.ms ?? Infinity) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
