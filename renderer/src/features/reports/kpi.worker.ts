/** Computes the KPI report of the local working set off the main thread (shared/kpi, docs/kpi.md). */
import { slaSetupFromConfig } from '#shared/domain/slaSetupFromConfig.ts';
import { computeKpiReport, type KpiEvent, type KpiListScope, type KpiReport, type KpiTicket } from '#shared/kpi/index.ts';

export interface KpiWorkerRequest {
  id: number;
  tickets: KpiTicket[];
  events: KpiEvent[];
  from: string;
  to: string;
  agent: string | null;
  now: number;
  lists: KpiListScope;
  /** The `sla-policies` and `calendar` config values (plain data: a setup holds functions). */
  config: { policies: unknown; calendar: unknown };
}

export type KpiWorkerReply =
  | { id: number; ok: true; report: KpiReport }
  | { id: number; ok: false; message: string }
  /** Sent once when the worker's script has loaded and runs. */
  | { id: -1; ok: true; ready: true };

// A dedicated worker's global scope; the web twin's TypeScript lib is the DOM's, so typed as needed here.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<KpiWorkerRequest>) => void) | null;
  postMessage(message: KpiWorkerReply): void;
};

scope.onmessage = (e) => {
  const { id, tickets, events, from, to, agent, now, config, lists } = e.data;
  try {
    const setup = slaSetupFromConfig(config.policies, config.calendar);
    const report = computeKpiReport({ tickets, events, setup, from, to, agent, now, lists });
    scope.postMessage({ id, ok: true, report });
  } catch (error) {
    scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};

scope.postMessage({ id: -1, ok: true, ready: true });
