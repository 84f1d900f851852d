/** The current instant to the minute: deadline phrases change by the minute, so a preview re-renders once a minute. */
import { useTickerValue } from '../../state/ticker.ts';

export function useNow(): number {
  return useTickerValue((now) => Math.floor(now / 60_000) * 60_000);
}
