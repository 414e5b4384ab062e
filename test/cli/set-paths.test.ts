// Dotted paths (`--set a.b=v`, fitted parameters) may not name __proto__, prototype or
// constructor: setting through one would change every object of the process (prototype
// pollution), not one field of the scenario.
import { describe, expect, it } from 'vitest';
import { checkFitParams, withPath } from '../../src/analysis/fit-params.ts';
import { shocklabInProcess } from './helpers.ts';

describe('dotted paths', () => {
  it('refuses a --set through __proto__, constructor or prototype, and leaves Object.prototype alone', async () => {
    for (const path of ['__proto__.polluted', 'agents.constructor.prototype.polluted', 'agents.__proto__.polluted']) {
      const r = await shocklabInProcess(['run', '--preset', 'zi-smoke', '--set', `${path}=1`]);
      expect(r.code, path).toBe(2);
      expect(r.stderr, path).toMatch(/is not a field name\n$/);
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), path).toBe(false);
    }
  });

  it('refuses a fitted parameter whose path reaches a prototype', () => {
    expect(() => checkFitParams({ params: [{ path: 'agents.__proto__.polluted', lo: 0, hi: 1 }] })).toThrow(/"__proto__" is not a field name/);
    expect(() => withPath({ agents: {} }, 'agents.__proto__.polluted', 1)).toThrow(/"__proto__" is not a field name/);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
});
