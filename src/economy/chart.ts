// An SVG picture of one model run: compute used by segment and the rental price (left), and
// NVIDIA's and Broadcom's revenue and earnings (right). A pure function from results to text.
import type { EconomyResult } from './model.ts';

interface Series {
  name: string;
  values: readonly number[];
  color: string;
  dashed?: boolean;
}

const W = 460;
const H = 300;
const PAD = { left: 56, right: 16, top: 34, bottom: 64 };

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function fmt(x: number): string {
  const a = Math.abs(x);
  if (a >= 1000) return x.toFixed(0);
  if (a >= 10) return x.toFixed(0);
  if (a >= 1) return x.toFixed(1);
  return x.toPrecision(2);
}

function panel(x0: number, title: string, unit: string, labels: readonly number[], series: readonly Series[]): string {
  const all = series.flatMap((s) => s.values.filter(Number.isFinite));
  const hi = Math.max(0, ...all);
  const lo = Math.min(0, ...all);
  const span = hi - lo || 1;
  const pw = W - PAD.left - PAD.right;
  const ph = H - PAD.top - PAD.bottom;
  const px = (i: number) => x0 + PAD.left + (labels.length === 1 ? pw / 2 : (i * pw) / (labels.length - 1));
  const py = (v: number) => PAD.top + ph - ((v - lo) / span) * ph;
  const out: string[] = [];
  out.push(`<text x="${x0 + W / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>`);
  for (let k = 0; k <= 4; k++) {
    const v = lo + (span * k) / 4;
    out.push(`<line x1="${x0 + PAD.left}" x2="${x0 + W - PAD.right}" y1="${py(v).toFixed(1)}" y2="${py(v).toFixed(1)}" stroke="#ddd"/>`);
    out.push(`<text x="${x0 + PAD.left - 6}" y="${(py(v) + 4).toFixed(1)}" text-anchor="end" font-size="11">${fmt(v)}</text>`);
  }
  out.push(`<text x="${x0 + 12}" y="${PAD.top + ph / 2}" font-size="11" transform="rotate(-90 ${x0 + 12} ${PAD.top + ph / 2})" text-anchor="middle">${esc(unit)}</text>`);
  labels.forEach((l, i) => out.push(`<text x="${px(i).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle" font-size="11">${l}</text>`));
  series.forEach((s, k) => {
    const pts = s.values.map((v, i) => `${px(i).toFixed(1)},${py(v).toFixed(1)}`).join(' ');
    out.push(`<polyline points="${pts}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    const lx = x0 + PAD.left + (k % 2) * 200;
    const ly = H - 26 + Math.floor(k / 2) * 16;
    out.push(`<line x1="${lx}" x2="${lx + 18}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    out.push(`<text x="${lx + 24}" y="${ly}" font-size="11">${esc(s.name)}</text>`);
  });
  return out.join('\n');
}

/** The SVG document for one evaluation. */
export function economyChartSvg(r: EconomyResult, title = 'shocklab compute economy'): string {
  const left = panel(0, 'Compute used and rental price', 'GPU-hours (bn) / $ per hour x 100', r.years, [
    { name: 'inference GPU-hours (bn)', values: r.computeDemand.inference, color: '#1f77b4' },
    { name: 'training GPU-hours (bn)', values: r.computeDemand.training, color: '#ff7f0e' },
    { name: 'rental $/GPU-hour x 100', values: r.rental.price.map((x) => x * 100), color: '#2ca02c', dashed: true },
  ]);
  const right = panel(W, 'NVIDIA and Broadcom', '$ billion', r.years, [
    { name: 'NVDA revenue', values: r.nvda.revenue, color: '#76b900' },
    { name: 'NVDA earnings', values: r.nvda.earnings, color: '#76b900', dashed: true },
    { name: 'AVGO revenue', values: r.avgo.revenue, color: '#cc092f' },
    { name: 'AVGO earnings', values: r.avgo.earnings, color: '#cc092f', dashed: true },
  ]);
  const foot = `NVDA value/share $${r.nvda.valuePerShare.toFixed(2)}, AVGO value/share $${r.avgo.valuePerShare.toFixed(2)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H + 24}" viewBox="0 0 ${2 * W} ${H + 24}" font-family="sans-serif">`,
    `<title>${esc(title)}</title>`,
    `<rect width="100%" height="100%" fill="white"/>`,
    left,
    right,
    `<text x="${W}" y="${H + 16}" text-anchor="middle" font-size="12">${esc(foot)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
