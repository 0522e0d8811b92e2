// RULES.md R12, `duplicate_review_text`: near-identical texts by word-shingle Jaccard, found
// without comparing every pair, since one designer can have thousands of reviews.

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ASCII_WORD = /[a-z0-9]+/g;
const BEYOND_PLAIN_ASCII = /[^\t\n\r -~]/;

/** Words for comparison: case, punctuation and compatibility forms (ﬁ, full-width) do not count. */
export function words(text: string): string[] {
  // Most reviews are plain ASCII, where NFKC and Unicode classes change nothing: skip them.
  if (!BEYOND_PLAIN_ASCII.test(text)) return text.toLowerCase().match(ASCII_WORD) ?? [];
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

/** Common elements of two ascending integer arrays without repeats: one merge pass. */
function overlap(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      common += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return common;
}

/** Each id's rank when ordered by frequency, rarest first, ties by id: a counting sort, linear. */
function ranksByFrequency(frequency: readonly number[]): Int32Array {
  let most = 0;
  for (const f of frequency) most = Math.max(most, f);
  const start = new Int32Array(most + 2);
  for (const f of frequency) start[f + 1] = (start[f + 1] ?? 0) + 1;
  for (let f = 1; f < start.length; f++) start[f] = (start[f] ?? 0) + (start[f - 1] ?? 0);
  const rankOf = new Int32Array(frequency.length);
  frequency.forEach((f, id) => {
    const rank = start[f] ?? 0;
    rankOf[id] = rank;
    start[f] = rank + 1;
  });
  return rankOf;
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

  // Shingles become ranks in one global order, rarest first (ties by first appearance, so the
  // order follows the input's); each set becomes its ranks ascending, so a prefix is a slice
  // and an overlap is a merge of sorted integers rather than string lookups.
  const idOf = new Map<string, number>();
  const frequency: number[] = [];
  const ids = sets.map((set) => {
    const out = new Int32Array(set.size);
    let k = 0;
    for (const shingle of set) {
      let id = idOf.get(shingle);
      if (id === undefined) {
        id = frequency.length;
        idOf.set(shingle, id);
        frequency.push(0);
      }
      frequency[id] = (frequency[id] ?? 0) + 1;
      out[k++] = id;
    }
    return out;
  });
  const rankOf = ranksByFrequency(frequency);
  const rankFrequency = new Int32Array(frequency.length);
  frequency.forEach((f, id) => (rankFrequency[rankOf[id] ?? 0] = f));

  const firstCopy = new Map<string, number>();
  const postings = new Map<number, number[]>();
  const ranked: Int32Array[] = [];
  ids.forEach((setIds, i) => {
    const size = setIds.length;
    if (size === 0) return;
    const ranks = setIds.map((id) => rankOf[id] ?? 0).sort();
    ranked[i] = ranks;
    const needed = Math.max(0, Math.ceil(minJaccard * size - SLACK));
    const prefix = ranks.subarray(0, Math.min(size, size - needed + 1));
    // A set whose prefix holds only shingles no other set has can match nothing (the prefixes
    // of a matching pair share a shingle) and has no identical copy: most sets, in practice.
    if ((rankFrequency[prefix[prefix.length - 1] ?? 0] ?? 0) < 2) return;

    // Identical sets (the common case for a pasted template) collapse onto their first copy.
    const key = ranks.join(',');
    const first = firstCopy.get(key);
    if (first !== undefined) {
      join(first, i, 1);
      return;
    }
    firstCopy.set(key, i);

    const candidates = new Set<number>();
    for (const rank of prefix) for (const j of postings.get(rank) ?? []) candidates.add(j);
    for (const rank of prefix) {
      const list = postings.get(rank);
      if (list === undefined) postings.set(rank, [i]);
      else list.push(i);
    }
    for (const j of [...candidates].sort((x, y) => x - y)) {
      const other = ranked[j];
      if (other === undefined || find(i) === find(j)) continue;
      if (Math.min(size, other.length) < minJaccard * Math.max(size, other.length) - SLACK) continue;
      const common = overlap(ranks, other);
      const similarity = common / (size + other.length - common);
      if (similarity >= minJaccard) join(j, i, similarity);
    }
  });

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
