// RULES.md R12, `duplicate_review_text`: near-identical texts by word-shingle Jaccard, found
// without comparing every pair, since one designer can have thousands of reviews.

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Words for comparison: case, punctuation and compatibility forms (ﬁ, full-width) do not count. */
export function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
}

/**
 * The set of `size`-word shingles ("great logo fast", "logo fast delivery", …). A text with
 * fewer than `size` words has none and is never called a duplicate: "Great job!" from two
 * customers is ordinary, not copied.
 */
export function wordShingles(text: string, size: number): Set<string> {
  const list = words(text);
  const shingles = new Set<string>();
  for (let i = 0; i + size <= list.length; i++) shingles.add(list.slice(i, i + size).join(' '));
  return shingles;
}

/** |a ∩ b| / |a ∪ b|; 0 when both are empty (nothing to compare is not "identical"). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const shingle of small) if (large.has(shingle)) common += 1;
  const union = a.size + b.size - common;
  return union === 0 ? 0 : common / union;
}

export interface SimilarPair {
  /** Indexes into the sets given, `a < b`. */
  a: number;
  b: number;
  similarity: number;
}

export interface NearDuplicateGroup {
  /** Indexes into the sets given, ascending; at least two. */
  members: number[];
  /** The verified pairs that joined the group: every member is in at least one. */
  pairs: SimilarPair[];
}

// Filters must never drop a true pair: a product such as 0.7 × 10 comes out as 7.000000000000001
// in binary floating point, so bounds are loosened by this much. The final check is exact.
const SLACK = 1e-9;

/**
 * Groups of sets whose Jaccard similarity is at least `minJaccard`, joined transitively (a
 * group is a connected component of the "near-identical" relation), which is what a copied
 * template with small edits looks like. Exact, not sampled: identical sets are collapsed first,
 * then candidates come from prefix filtering (Chaudhuri et al. 2006; Bayardo et al. 2007) —
 * with shingles in one global order, rarest first, two sets with Jaccard ≥ t must share a
 * shingle among their first |x| − ⌈t·|x|⌉ + 1, so only sets sharing a rare shingle are
 * compared, after a size filter (Jaccard ≥ t needs |small| ≥ t·|large|). Pairs already in one
 * group are not compared again. Chosen over MinHash because it gives the same answer every
 * run without a random seed, and has no false negatives for a test to trip on. (A threshold
 * of 0 would call any two texts near-identical; here they must still share a shingle.)
 */
export function nearDuplicateGroups(sets: readonly ReadonlySet<string>[], minJaccard: number): NearDuplicateGroup[] {
  const parent = sets.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) {
      const up = parent[root] ?? root;
      parent[root] = parent[up] ?? up;
      root = up;
    }
    return root;
  };
  const pairs: SimilarPair[] = [];
  const join = (a: number, b: number, similarity: number) => {
    const ra = find(a);
    const rb = find(b);
    parent[Math.max(ra, rb)] = Math.min(ra, rb);
    pairs.push({ a: Math.min(a, b), b: Math.max(a, b), similarity });
  };

  // Identical sets (the common case for a pasted template) collapse onto their first copy.
  const firstCopy = new Map<string, number>();
  const distinct: number[] = [];
  sets.forEach((set, i) => {
    if (set.size === 0) return;
    const key = [...set].sort().join('\n');
    const first = firstCopy.get(key);
    if (first === undefined) {
      firstCopy.set(key, i);
      distinct.push(i);
    } else join(first, i, 1);
  });

  const frequency = new Map<string, number>();
  for (const i of distinct) for (const shingle of sets[i] ?? []) frequency.set(shingle, (frequency.get(shingle) ?? 0) + 1);
  const rarestFirst = (x: string, y: string) => (frequency.get(x) ?? 0) - (frequency.get(y) ?? 0) || (x < y ? -1 : x > y ? 1 : 0);

  const postings = new Map<string, number[]>();
  for (const i of distinct) {
    const set = sets[i];
    if (set === undefined) continue;
    const needed = Math.max(0, Math.ceil(minJaccard * set.size - SLACK));
    const prefix = [...set].sort(rarestFirst).slice(0, Math.min(set.size, set.size - needed + 1));
    const candidates = new Set<number>();
    for (const shingle of prefix) for (const j of postings.get(shingle) ?? []) candidates.add(j);
    for (const shingle of prefix) {
      const list = postings.get(shingle);
      if (list === undefined) postings.set(shingle, [i]);
      else list.push(i);
    }
    for (const j of [...candidates].sort((x, y) => x - y)) {
      const other = sets[j];
      if (other === undefined || find(i) === find(j)) continue;
      if (Math.min(set.size, other.size) < minJaccard * Math.max(set.size, other.size) - SLACK) continue;
      const similarity = jaccard(set, other);
      if (similarity >= minJaccard) join(j, i, similarity);
    }
  }

  const groups = new Map<number, NearDuplicateGroup>();
  sets.forEach((_, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, { members: [i], pairs: [] });
    else group.members.push(i);
  });
  for (const pair of pairs) groups.get(find(pair.a))?.pairs.push(pair);
  return [...groups.values()].filter((g) => g.members.length >= 2);
}
