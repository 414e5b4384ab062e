// Times one full compute-economy evaluation (7 years, two segments of logit-Bertrand, rental
// clearing, budgets, NVDA/AVGO accounts and DCF): warm-up, then many timed batches; prints the
// median microseconds per evaluation against the 1 ms target. Also times the evaluation without
// the schema check (what a calibration loop would call) and a 27x shock ratio (two evaluations).
import { defaultEconomyParams, evaluateEconomy, shockRatio } from '../src/economy/index.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function time(label: string, fn: () => unknown, batches = 60, perBatch = 50): number {
  for (let i = 0; i < 200; i++) fn(); // warm-up
  const per: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = process.hrtime.bigint(); // clock-ok
    for (let i = 0; i < perBatch; i++) fn();
    const t1 = process.hrtime.bigint(); // clock-ok
    per.push(Number(t1 - t0) / 1000 / perBatch);
  }
  const m = median(per);
  console.log(`${label.padEnd(44)} median ${m.toFixed(1).padStart(8)} us  (${batches} x ${perBatch})`);
  return m;
}

const full = time('evaluateEconomy (checked parameters)', () => evaluateEconomy(defaultEconomyParams));
time('evaluateEconomy (check: false)', () => evaluateEconomy(defaultEconomyParams, { check: false }));
time('shockRatio x27 (two evaluations)', () => shockRatio(defaultEconomyParams, 27), 30, 20);
console.log(`one full model evaluation: ${full.toFixed(1)} us (target <= 1000 us): ${full <= 1000 ? 'OK' : 'OVER TARGET'}`);
