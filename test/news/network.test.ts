// Social networks: edge counts, simplicity, connectivity, degree shape, reproducibility.
import { describe, expect, it } from 'vitest';
import { stream } from '../../src/core/rng.ts';
import { barabasiAlbert, components, degree, wattsStrogatz, type SocialNetwork } from '../../src/news/network.ts';

function edgeSet(g: SocialNetwork): Set<string> {
  const s = new Set<string>();
  for (let i = 0; i < g.n; i++) {
    for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) {
      const j = g.neighbours[p];
      expect(j).not.toBe(i);
      s.add(i < j ? `${i}-${j}` : `${j}-${i}`);
    }
  }
  return s;
}

describe('Watts-Strogatz', () => {
  it('beta = 0 is the ring lattice: n k / 2 edges, every degree k, connected', () => {
    const g = wattsStrogatz(100, 6, 0, stream(1, 'ws'));
    expect(g.edges).toBe(300);
    for (let i = 0; i < g.n; i++) expect(degree(g, i)).toBe(6);
    expect(edgeSet(g).size).toBe(300);
    expect(components(g)).toBe(1);
    expect(edgeSet(g).has('0-3')).toBe(true);
    expect(edgeSet(g).has('0-4')).toBe(false);
  });

  it('rewiring keeps the edge count, stays simple, connected, and is reproducible per seed', () => {
    const g = wattsStrogatz(2_000, 8, 0.1, stream(7, 'ws'));
    expect(g.edges).toBe(8_000);
    expect(edgeSet(g).size).toBe(8_000); // no duplicates
    expect(components(g)).toBe(1);
    const again = wattsStrogatz(2_000, 8, 0.1, stream(7, 'ws'));
    expect(Array.from(again.neighbours)).toEqual(Array.from(g.neighbours));
    const other = wattsStrogatz(2_000, 8, 0.1, stream(8, 'ws'));
    expect(Array.from(other.neighbours)).not.toEqual(Array.from(g.neighbours));
    // about beta of the edges moved away from the lattice
    let lattice = 0;
    for (const e of edgeSet(g)) {
      const [a, b] = e.split('-').map(Number);
      const d = Math.min(b - a, 2_000 - (b - a));
      if (d <= 4) lattice++;
    }
    expect(1 - lattice / 8_000).toBeGreaterThan(0.08);
    expect(1 - lattice / 8_000).toBeLessThan(0.12);
  });

  it('refuses odd k and bad beta', () => {
    expect(() => wattsStrogatz(10, 3, 0.1, stream(1))).toThrow(/k must be an even integer/);
    expect(() => wattsStrogatz(10, 4, 1.5, stream(1))).toThrow(/beta must be in \[0, 1\], got 1.5/);
  });
});

describe('Barabasi-Albert', () => {
  it('has m (m + 1) / 2 + (n - m - 1) m edges, is simple and connected', () => {
    const n = 3_000;
    const m = 3;
    const g = barabasiAlbert(n, m, stream(3, 'ba'));
    expect(g.edges).toBe((m * (m + 1)) / 2 + (n - m - 1) * m);
    expect(edgeSet(g).size).toBe(g.edges);
    expect(components(g)).toBe(1);
    for (let i = 0; i < n; i++) expect(degree(g, i)).toBeGreaterThanOrEqual(m);
  });

  it('has a heavy-tailed degree distribution (hubs far above the mean)', () => {
    const g = barabasiAlbert(5_000, 2, stream(4, 'ba'));
    let max = 0;
    for (let i = 0; i < g.n; i++) max = Math.max(max, degree(g, i));
    const mean = (2 * g.edges) / g.n;
    expect(max).toBeGreaterThan(15 * mean);
    // a ring lattice of the same mean degree has max = mean
    const ws = wattsStrogatz(5_000, 4, 0, stream(4));
    let wsMax = 0;
    for (let i = 0; i < ws.n; i++) wsMax = Math.max(wsMax, degree(ws, i));
    expect(wsMax).toBe(4);
  });

  it('refuses n <= m', () => {
    expect(() => barabasiAlbert(3, 3, stream(1))).toThrow(/n must be an integer >= m \+ 1 = 4, got 3/);
  });
});
