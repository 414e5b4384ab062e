// Attention: excitement decays exponentially, jumps with |log return| (more for falls), and the
// activity multiplier is capped.
import { describe, expect, it } from 'vitest';
import { Attention } from '../../src/agents/attention.ts';

const p = { decayNs: 1_000, gain: 100, asymmetry: 1, maxMultiplier: 5, sampleNs: 0 };

describe('Attention', () => {
  it('starts calm and ignores a first observation', () => {
    const a = new Attention(p);
    expect(a.observe(0, 100)).toBe(1);
    expect(a.observe(10, 100)).toBe(1);
  });

  it('jumps by gain x |ln(P/P0)| on a rise and twice that on a fall (asymmetry 1)', () => {
    const up = new Attention(p);
    up.observe(0, 100);
    up.observe(0, 101);
    expect(up.excitement()).toBeCloseTo(100 * Math.log(1.01), 12);
    const down = new Attention(p);
    down.observe(0, 101);
    down.observe(0, 100);
    expect(down.excitement()).toBeCloseTo(2 * 100 * Math.log(1.01), 12);
  });

  it('decays as exp(-dt / tau) and caps the multiplier', () => {
    const a = new Attention(p);
    a.observe(0, 100);
    a.observe(0, 90); // e = 200 ln(100/90) ~ 21: multiplier capped at 5
    expect(a.multiplier()).toBe(5);
    const e0 = a.excitement();
    a.observe(2_000, 90);
    expect(a.excitement()).toBeCloseTo(e0 * Math.exp(-2), 9);
    a.observe(20_000, 90);
    expect(a.multiplier()).toBeCloseTo(1 + e0 * Math.exp(-20), 9);
  });

  it('samples the mid once per interval: bounces inside a minute add nothing, the 1-minute return does', () => {
    const a = new Attention({ ...p, decayNs: 1e15, sampleNs: 60 });
    a.observe(0, 100);
    for (let t = 1; t < 60; t++) a.observe(t, t % 2 === 0 ? 100 : 100.5); // bid-ask bounce of the mid
    expect(a.excitement()).toBe(0);
    a.observe(61, 101); // first observation of the next minute: |ln(101/100)|
    expect(a.excitement()).toBeCloseTo(100 * Math.log(1.01), 9);
    a.observe(62, 90); // same minute: ignored
    expect(a.excitement()).toBeCloseTo(100 * Math.log(1.01), 9);
    a.observe(125, 100); // two minutes on, a fall from 101 to 100 (asymmetry 1 doubles it)
    expect(a.excitement()).toBeCloseTo(100 * Math.log(1.01) + 2 * 100 * Math.log(1.01), 9);
  });

  it('defaults to one-minute sampling', () => {
    const a = new Attention({ decayNs: 1e15, gain: 100, asymmetry: 0, maxMultiplier: 5 });
    a.observe(0, 100);
    a.observe(1_000_000_000, 101);
    expect(a.excitement()).toBe(0);
    a.observe(60_000_000_000, 101);
    expect(a.excitement()).toBeCloseTo(100 * Math.log(1.01), 9);
  });

  it('rejects bad parameters naming them', () => {
    expect(() => new Attention({ ...p, sampleNs: -1 })).toThrow(/sampleNs must be >= 0, got -1/);
    expect(() => new Attention({ ...p, decayNs: 0 })).toThrow(/decayNs must be > 0, got 0/);
    expect(() => new Attention({ ...p, maxMultiplier: 0.5 })).toThrow(/maxMultiplier must be >= 1, got 0.5/);
  });
});
