// The median of a benchmark's runs (the mean of the two middle values for an even count), shared
// by the benchmarks that report medians of fresh-process runs.
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
