// Weighted choice among a growing population (designers by activity in a category) in
// O(log n): a Fenwick tree of weights. Sampling two million submissions by scanning 100,000
// weights each time would dominate generation.

export class WeightedSampler {
  private readonly tree: Float64Array;
  private readonly weights: Float64Array;
  private readonly topBit: number;

  constructor(readonly capacity: number) {
    this.tree = new Float64Array(capacity + 1);
    this.weights = new Float64Array(capacity);
    let bit = 1;
    while (bit * 2 <= capacity) bit *= 2;
    this.topBit = bit;
  }

  weight(i: number): number {
    return this.weights[i] ?? 0;
  }

  set(i: number, weight: number): void {
    const delta = weight - (this.weights[i] ?? 0);
    if (delta === 0) return;
    this.weights[i] = weight;
    for (let j = i + 1; j <= this.capacity; j += j & -j) this.tree[j] = (this.tree[j] ?? 0) + delta;
  }

  total(): number {
    let sum = 0;
    for (let j = this.capacity; j > 0; j -= j & -j) sum += this.tree[j] ?? 0;
    return sum;
  }

  /** The index whose cumulative weight covers `u × total` (u uniform in [0, 1)); -1 when all weights are 0. */
  sample(u: number): number {
    const total = this.total();
    // Below this, float residue from removed weights is all that is left.
    if (total <= 1e-9) return -1;
    let target = u * total;
    let pos = 0;
    for (let bit = this.topBit; bit > 0; bit >>= 1) {
      const next = pos + bit;
      if (next <= this.capacity) {
        const t = this.tree[next] ?? 0;
        if (t <= target) {
          pos = next;
          target -= t;
        }
      }
    }
    // pos is the count of leading entries whose sum is <= target: the answer is entry `pos`,
    // unless rounding walked past the last entry with weight.
    let i = Math.min(pos, this.capacity - 1);
    while (i > 0 && (this.weights[i] ?? 0) === 0) i -= 1;
    return (this.weights[i] ?? 0) > 0 ? i : -1;
  }
}
