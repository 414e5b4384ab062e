// Value per share against one parameter: a grid `path=from:to:step`, each point evaluated (and,
// by default, with the installed base refitted so base-year NVIDIA revenue agrees with what was
// known on 24 Jan 2025), with the value ratio after / before a DeepSeek-like efficiency jump.
import { calibrateBaseYear } from './calibrate.ts';
import { shockRatio } from './model.ts';
import { ParamError, resolveParameterPath, setParameter, type EconomyParams } from './params.ts';

export interface SweepSpec {
  path: string;
  values: number[];
}

/** Parse `path=from:to:step` (step > 0, at most 10 000 points). */
export function parseSweepSpec(text: string): SweepSpec {
  const m = /^([^=]+)=([^:]+):([^:]+):([^:]+)$/.exec(text);
  if (!m) throw new ParamError(`sweep must look like path=from:to:step, got ${JSON.stringify(text)}`);
  const path = resolveParameterPath(m[1].trim());
  const [from, to, step] = [m[2], m[3], m[4]].map((x, i) => {
    const v = x.trim() === '' ? NaN : Number(x);
    if (!Number.isFinite(v)) throw new ParamError(`sweep ${['from', 'to', 'step'][i]} must be a number, got ${JSON.stringify(x)}`);
    return v;
  });
  if (!(step > 0)) throw new ParamError(`sweep step must be > 0, got ${step}`);
  if (to < from) throw new ParamError(`sweep to must be >= from (${from}), got ${to}`);
  const n = Math.floor((to - from) / step + 1e-9) + 1;
  if (n > 10_000) throw new ParamError(`sweep must have at most 10000 points, got ${n}`);
  const values = Array.from({ length: n }, (_, i) => from + i * step);
  return { path, values };
}

export interface SweepPoint {
  value: number;
  nvdaValuePerShare: number;
  avgoValuePerShare: number;
  /** Value after / before an efficiency jump of `jump` (see shockRatio). */
  nvdaShockRatio: number;
  avgoShockRatio: number;
  /** Base-year NVIDIA revenue ($B) at this point. */
  nvdaBaseRevenue: number;
  /** Why this point has no values (NaN), e.g. the base year cannot be fitted. */
  error?: string;
}

export function sweep(params: EconomyParams, spec: SweepSpec, options: { calibrate?: boolean; jump?: number } = {}): SweepPoint[] {
  const jump = options.jump ?? 27;
  return spec.values.map((value) => {
    try {
      let p = setParameter(params, spec.path, String(value));
      if (options.calibrate !== false) p = calibrateBaseYear(p, { broadcom: false }).params;
      const s = shockRatio(p, jump);
      const r = s.before;
      return {
        value,
        nvdaValuePerShare: r.nvda.valuePerShare,
        avgoValuePerShare: r.avgo.valuePerShare,
        nvdaShockRatio: s.nvda,
        avgoShockRatio: s.avgo,
        nvdaBaseRevenue: r.nvda.revenue[0],
      };
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      return { value, nvdaValuePerShare: NaN, avgoValuePerShare: NaN, nvdaShockRatio: NaN, avgoShockRatio: NaN, nvdaBaseRevenue: NaN, error: e.message };
    }
  });
}
