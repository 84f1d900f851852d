/**
 * The names of the ticket lists behind the report's numbers (docs/kpi.md, "Splits and lists") and
 * which of them a report carries: all, the team's (no split), or none (fetched per figure).
 */
import { channels, priorities, products } from '../vocabulary/enums.ts';

/** The lists of one group's figures: the team's, or a split's after its prefix (`byChannel.email.`). */
export const figureListKeys = [
  'sla.total',
  'sla.met',
  'sla.breached',
  'withoutEscalation.total',
  'withoutEscalation.met',
  'withoutEscalation.missed',
  'documented.total',
  'documented.met',
  'documented.missed',
  'csat.closed',
  'csat.rated',
  'volume.total',
  'firstContactMinutes',
  'resolutionMinutes',
] as const;

export const kpiListScopes = ['all', 'team', 'none'] as const;
/** `all`: every list; `team`: all but the splits' (`by…`); `none`: no list (the report's numbers alone). */
export type KpiListScope = (typeof kpiListScopes)[number];

const teamKeys: ReadonlySet<string> = new Set([
  ...figureListKeys,
  ...priorities.flatMap((p) => [`sla.${p}.total`, `sla.${p}.met`, `sla.${p}.breached`]),
  'repeats.count',
  'repeats.quarter',
  'repeats.previousQuarter',
]);

const splitPrefixes: ReadonlySet<string> = new Set([
  ...priorities.map((p) => `byPriority.${p}.`),
  ...channels.map((c) => `byChannel.${c}.`),
  ...[...products, 'none'].map((p) => `byProduct.${p}.`),
]);
const figureKeys: ReadonlySet<string> = new Set(figureListKeys);

/** Is `key` the name of a list the full report holds (possibly empty)? */
export function isKpiListKey(key: string): boolean {
  if (teamKeys.has(key)) return true;
  const dot = key.indexOf('.', key.indexOf('.') + 1);
  return dot > 0 && splitPrefixes.has(key.slice(0, dot + 1)) && figureKeys.has(key.slice(dot + 1));
}
