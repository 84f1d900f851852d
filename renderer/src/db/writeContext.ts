import type { Actor } from '#shared/domain/workflow.ts';
import type { SlaSetup } from '#shared/domain/ticketDeadlines.ts';

/** What every repository write needs to know: who writes, when (server-corrected), under which SLA. */
export interface WriteContext {
  actor: Actor;
  /** The current instant corrected by the server clock offset (renderer/src/sync/clock.ts). */
  now: () => number;
  sla: SlaSetup;
  newId: () => string;
}
