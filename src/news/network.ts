// Social networks over which retail opinions and news spread, built from a seeded stream (no
// graph library). Both builders return an undirected simple graph (no self-loops, no repeated
// edges) in compressed adjacency form: node i's neighbours are neighbours[offsets[i] ..
// offsets[i + 1]), so reading them allocates nothing.
//   Watts & Strogatz (1998): ring lattice, each node linked to its k/2 nearest on each side
//     (n k / 2 edges); each edge (i, i + j) is rewired with probability beta to (i, u), u uniform
//     among nodes not i and not already linked to i. Edge count is kept; small world.
//   Barabasi & Albert (1999): start from a complete graph on m + 1 nodes; each new node links to m
//     distinct existing nodes chosen with probability proportional to degree (by drawing from the
//     list of edge endpoints). m (m + 1) / 2 + (n - m - 1) m edges; connected; scale-free degrees.
import { uniformInt } from '../core/distributions.ts';
import type { RandomSource } from '../core/rng.ts';

export interface SocialNetwork {
  readonly n: number;
  readonly edges: number;
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
}

/** Degree of node i. */
export function degree(g: SocialNetwork, i: number): number {
  return g.offsets[i + 1] - g.offsets[i];
}

function fromEdges(n: number, a: number[], b: number[]): SocialNetwork {
  const deg = new Int32Array(n + 1);
  for (let e = 0; e < a.length; e++) {
    deg[a[e]]++;
    deg[b[e]]++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + deg[i];
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(2 * a.length);
  for (let e = 0; e < a.length; e++) {
    neighbours[fill[a[e]]++] = b[e];
    neighbours[fill[b[e]]++] = a[e];
  }
  return { n, edges: a.length, offsets, neighbours };
}

const key = (i: number, j: number, n: number): number => (i < j ? i * n + j : j * n + i);

/** Watts-Strogatz small world on n nodes, even k (degree before rewiring), rewiring probability beta. */
export function wattsStrogatz(n: number, k: number, beta: number, rng: RandomSource): SocialNetwork {
  if (!Number.isInteger(n) || n < 3) throw new RangeError(`network size n must be an integer >= 3, got ${n}`);
  if (!Number.isInteger(k) || k < 2 || k % 2 !== 0 || k >= n) throw new RangeError(`k must be an even integer in [2, n), got ${k}`);
  if (!(beta >= 0 && beta <= 1)) throw new RangeError(`beta must be in [0, 1], got ${beta}`);
  const a: number[] = [];
  const b: number[] = [];
  const present = new Set<number>();
  for (let i = 0; i < n; i++) {
    for (let j = 1; j <= k / 2; j++) {
      const t = (i + j) % n;
      a.push(i);
      b.push(t);
      present.add(key(i, t, n));
    }
  }
  const linked = new Int32Array(n); // degree of each node, to know when a node is saturated
  for (let e = 0; e < a.length; e++) {
    linked[a[e]]++;
    linked[b[e]]++;
  }
  for (let e = 0; e < a.length; e++) {
    if (rng.nextFloat() >= beta) continue;
    const i = a[e];
    if (linked[i] >= n - 1) continue;
    let u: number;
    do u = uniformInt(rng, 0, n - 1);
    while (u === i || present.has(key(i, u, n)));
    present.delete(key(i, b[e], n));
    linked[b[e]]--;
    present.add(key(i, u, n));
    linked[u]++;
    b[e] = u;
  }
  return fromEdges(n, a, b);
}

/** Barabasi-Albert scale-free network on n nodes, m links per new node. */
export function barabasiAlbert(n: number, m: number, rng: RandomSource): SocialNetwork {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`m must be an integer >= 1, got ${m}`);
  if (!Number.isInteger(n) || n < m + 1) throw new RangeError(`network size n must be an integer >= m + 1 = ${m + 1}, got ${n}`);
  const a: number[] = [];
  const b: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i <= m; i++) {
    for (let j = i + 1; j <= m; j++) {
      a.push(i);
      b.push(j);
      ends.push(i, j);
    }
  }
  const chosen = new Int32Array(m);
  for (let v = m + 1; v < n; v++) {
    let c = 0;
    while (c < m) {
      const t = ends[uniformInt(rng, 0, ends.length - 1)];
      let dup = false;
      for (let x = 0; x < c; x++) if (chosen[x] === t) dup = true;
      if (!dup) chosen[c++] = t;
    }
    for (let x = 0; x < m; x++) {
      a.push(v);
      b.push(chosen[x]);
      ends.push(v, chosen[x]);
    }
  }
  return fromEdges(n, a, b);
}

/** Number of connected components (breadth-first search). */
export function components(g: SocialNetwork): number {
  const seen = new Uint8Array(g.n);
  const queue = new Int32Array(g.n);
  let count = 0;
  for (let s = 0; s < g.n; s++) {
    if (seen[s]) continue;
    count++;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    seen[s] = 1;
    while (head < tail) {
      const i = queue[head++];
      for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) {
        const j = g.neighbours[p];
        if (!seen[j]) {
          seen[j] = 1;
          queue[tail++] = j;
        }
      }
    }
  }
  return count;
}

/** The disjoint union of several networks: node j of network g becomes node (offset of g) + j. */
export function disjointUnion(networks: readonly SocialNetwork[]): SocialNetwork {
  const n = networks.reduce((t, g) => t + g.n, 0);
  const edges = networks.reduce((t, g) => t + g.edges, 0);
  const offsets = new Int32Array(n + 1);
  const neighbours = new Int32Array(2 * edges);
  let node = 0;
  let at = 0;
  for (const g of networks) {
    for (let i = 0; i < g.n; i++) {
      offsets[node + i] = at + g.offsets[i];
    }
    for (let q = 0; q < g.offsets[g.n]; q++) neighbours[at + q] = g.neighbours[q] + node;
    node += g.n;
    at += g.offsets[g.n];
  }
  offsets[n] = at;
  return { n, edges, offsets, neighbours };
}
