/** How long something has waited, in the one unit a person reads at a glance (approvals view). */
export type AgeUnit = 'lessThanMinute' | 'minutes' | 'hours' | 'days';

export interface Age {
  unit: AgeUnit;
  count: number;
}

/** Under an hour in minutes, under two days in hours, then in days (rounded down). */
export function waitingAge(since: number, now: number): Age {
  const minutes = Math.floor(Math.max(0, now - since) / 60_000);
  if (minutes < 1) return { unit: 'lessThanMinute', count: 0 };
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { unit: 'hours', count: hours };
  return { unit: 'days', count: Math.floor(hours / 24) };
}
