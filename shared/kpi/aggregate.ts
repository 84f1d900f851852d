/** Small statistics of the report (docs/kpi.md: rate, mean, median). */
import type { Csat, Rate, Times } from './kpiTypes.ts';

export function rate(total: number, met: number): Rate {
  return { total, met, rate: total === 0 ? null : met / total };
}

export function times(values: readonly number[]): Times {
  if (values.length === 0) return { mean: null, median: null, count: 0 };
  // A typed array sorts numerically, without a comparator call per pair.
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const sum = sorted.reduce((s, v) => s + v, 0);
  const median = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { mean: sum / n, median, count: n };
}

export function csat(scores: readonly number[], closed: number): Csat {
  const count = scores.length;
  return {
    count,
    mean: count === 0 ? null : scores.reduce((s, v) => s + v, 0) / count,
    closed,
    ratedShare: closed === 0 ? null : count / closed,
  };
}
