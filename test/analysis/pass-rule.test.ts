// The pass rule: pooled estimate in band AND at least 8 of 10 seeds in band (ceil(0.8 n) of n),
// with at least 10 seeds.
import { describe, expect, it } from 'vitest';
import { passRule } from '../../src/analysis/pass-rule.ts';

const seeds = (inBand: number, n = 10) => Array.from({ length: n }, (_, i) => i < inBand);

describe('passRule', () => {
  it('passes 8 of 10 and 10 of 10 with the pooled estimate in band', () => {
    expect(passRule(true, seeds(8))).toEqual({ pass: true, seedsInBand: 8, seeds: 10, required: 8, reason: '' });
    expect(passRule(true, seeds(10)).pass).toBe(true);
  });

  it('fails 7 of 10, and fails 10 of 10 when the pooled estimate is out of band', () => {
    expect(passRule(true, seeds(7))).toMatchObject({ pass: false, seedsInBand: 7, reason: '7 of 10 seeds in band, 8 needed' });
    expect(passRule(false, seeds(10))).toMatchObject({ pass: false, reason: 'pooled estimate out of band' });
  });

  it('scales to other seed counts and refuses fewer than the minimum', () => {
    expect(passRule(true, seeds(16, 20)).pass).toBe(true);
    expect(passRule(true, seeds(15, 20))).toMatchObject({ pass: false, required: 16 });
    expect(passRule(true, seeds(9, 11))).toMatchObject({ pass: true, required: 9 });
    expect(passRule(true, seeds(9, 9))).toMatchObject({ pass: false, reason: '9 seeds, the rule needs at least 10' });
    expect(passRule(true, seeds(3, 3), { minSeeds: 3 }).pass).toBe(true);
    expect(passRule(true, seeds(4, 5), { minSeeds: 3 })).toMatchObject({ pass: true, required: 4 });
  });
});
