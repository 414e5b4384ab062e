// The retail crowd's opinions on its social network (src/news/network.ts): node i holds
// opinion o_i = +1 (optimist) or -1 (pessimist), and nbrSum_i = sum of its neighbours' opinions,
// kept up to date on every switch (O(degree) per switch), so a retail trader reads its
// neighbours' mean opinion x_i = nbrSum_i / deg_i in O(1) at each wake-up. Shared by all retail
// traders of a run (one object, built by the scenario).
import { degree, type SocialNetwork } from '../news/network.ts';

export class RetailCrowd {
  readonly opinion: Int8Array;
  readonly nbrSum: Float64Array;
  /** Switches so far (both directions). */
  switches = 0;

  /** `initial[i]` is node i's opinion (+1 or -1). */
  constructor(
    readonly network: SocialNetwork,
    initial: ArrayLike<number>,
  ) {
    if (initial.length !== network.n) throw new RangeError(`need one initial opinion per node (${network.n}), got ${initial.length}`);
    this.opinion = new Int8Array(network.n);
    for (let i = 0; i < network.n; i++) {
      const o = initial[i];
      if (o !== 1 && o !== -1) throw new RangeError(`opinion of node ${i} must be +1 or -1, got ${o}`);
      this.opinion[i] = o;
    }
    this.nbrSum = new Float64Array(network.n);
    const g = network;
    for (let i = 0; i < g.n; i++) {
      let s = 0;
      for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) s += this.opinion[g.neighbours[p]];
      this.nbrSum[i] = s;
    }
  }

  /** Neighbours' mean opinion x_i in [-1, 1] (0 for an isolated node). */
  neighbourMean(i: number): number {
    const d = degree(this.network, i);
    return d === 0 ? 0 : this.nbrSum[i] / d;
  }

  /** Share of optimists. */
  optimistShare(): number {
    let c = 0;
    for (let i = 0; i < this.opinion.length; i++) if (this.opinion[i] > 0) c++;
    return c / this.opinion.length;
  }

  /** Flips node i's opinion and updates its neighbours' sums. */
  flip(i: number): void {
    const o = -this.opinion[i];
    this.opinion[i] = o;
    const g = this.network;
    for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) this.nbrSum[g.neighbours[p]] += 2 * o;
    this.switches++;
  }
}
