/**
 * The KPI report of the working set on this computer (used offline): the local tickets and the
 * events the KPIs read, computed in a worker so the desk stays responsive.
 */
import { slaSetupFromConfig } from '#shared/domain/slaSetupFromConfig.ts';
import { useSlaSetupStore } from '../../services/session/slaSetupStore.ts';
import {
  computeKpiReport,
  kpiEventKinds,
  kpiPeriod,
  previousQuarterStart,
  type KpiEvent,
  type KpiReport,
  type KpiTicket,
} from '#shared/kpi/index.ts';
import type { DeskDatabase } from '../../db/database.ts';
import type { KpiWorkerReply, KpiWorkerRequest } from './kpi.worker.ts';

let worker: Worker | null = null;
/** The worker's script has loaded (it said so). */
let workerReady = false;
let nextId = 0;
type KpiAnswer = Exclude<KpiWorkerReply, { ready: true }>;
const waiting = new Map<number, (reply: KpiAnswer) => void>();

/**
 * Starts the worker when the section opens, so its script is loaded while the server (which
 * serves the web twin's files too) is still reachable: the offline computation needs no download.
 */
export function warmKpiWorker(): void {
  if (typeof Worker !== 'undefined') workerInstance();
}

function workerInstance(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./kpi.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<KpiWorkerReply>) => {
      if ('ready' in e.data) {
        workerReady = true;
        return;
      }
      waiting.get(e.data.id)?.(e.data);
      waiting.delete(e.data.id);
    };
    // A worker that fails to load or throws answers nobody: fail every waiting request instead of hanging.
    worker.onerror = (e: ErrorEvent) => {
      for (const [id, answer] of waiting) answer({ id, ok: false, message: e.message || 'worker error' });
      waiting.clear();
      worker = null;
      workerReady = false;
    };
  }
  return worker;
}

function inWorker(request: Omit<KpiWorkerRequest, 'id'>): Promise<KpiReport> {
  if (typeof Worker === 'undefined' || !workerReady) {
    // Where workers do not exist, or this one's script never loaded (the section opened offline in
    // the web twin), the same computation on this thread after a macrotask: slower, but an answer.
    if (typeof Worker !== 'undefined') workerInstance();
    return new Promise((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(computeKpiReport({ ...request, setup: slaSetupFromConfig(request.config.policies, request.config.calendar) }));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }, 0),
    );
  }
  const w = workerInstance();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, (reply) => (reply.ok ? resolve(reply.report) : reject(new Error(reply.message))));
    w.postMessage({ id, ...request } satisfies KpiWorkerRequest);
  });
}

export async function localKpiReport(
  db: DeskDatabase,
  period: { from: string; to: string },
  agent: string | null,
  now: number,
): Promise<KpiReport> {
  const { docs, setup } = useSlaSetupStore.getState();
  // Only the tickets that can have anything in the period (computeKpiReport skips the others
  // anyway): created before its end, and not finished and untouched before its start, or a repeat
  // of the quarters the report compares. The storage filters them before any document is built.
  const p = kpiPeriod(period.from, period.to, setup.calendar.timeZone);
  const since = { $gte: p.start };
  const [ticketDocs, eventDocs] = await Promise.all([
    db.tickets
      .find({
        selector: {
          createdAt: { $lt: p.end },
          $or: [
            { status: { $nin: ['resolved', 'closed'] } },
            { resolvedAt: since },
            { closedAt: since },
            { firstContactAt: since },
            { statusLog: { $elemMatch: { at: since } } },
            { repeatOf: { $gt: '' }, createdAt: { $gte: previousQuarterStart(p) } },
          ],
        },
      })
      .exec(),
    kpiEventDocs(db),
  ]);
  // Only the fields the KPIs read: the worker gets a smaller copy.
  const tickets = ticketDocs.map((d): KpiTicket => {
    const t = d.toJSON() as unknown as KpiTicket;
    return {
      id: t.id,
      number: t.number,
      subject: t.subject,
      priority: t.priority,
      status: t.status,
      channel: t.channel,
      product: t.product,
      assigneeId: t.assigneeId,
      createdAt: t.createdAt,
      firstContactAt: t.firstContactAt,
      resolvedAt: t.resolvedAt,
      closedAt: t.closedAt,
      statusLog: t.statusLog,
      escalation: t.escalation,
      resolution: t.resolution,
      csat: t.csat,
      repeatOf: t.repeatOf,
    };
  });
  const read = new Set(tickets.map((t) => t.id));
  const events: KpiEvent[] = [];
  for (const d of eventDocs) {
    if (!read.has(d.ticketId)) continue;
    const e = d.toJSON() as unknown as KpiEvent;
    events.push({ ticketId: e.ticketId, kind: e.kind, at: e.at, data: e.data });
  }
  const config = { policies: docs['sla-policies']?.value ?? null, calendar: docs.calendar?.value ?? null };
  // The team's lists go with the report: offline, a click on a number reads them here.
  return inWorker({ tickets, events, from: period.from, to: period.to, agent, now, config, lists: 'team' });
}

/**
 * The events the KPIs read, one kind at a time through the `kind` index: an `$in` of several
 * kinds would scan every kind between the first and the last in the index's order.
 */
async function kpiEventDocs(db: DeskDatabase) {
  const perKind = await Promise.all(kpiEventKinds.map((kind) => db.events.find({ selector: { kind } }).exec()));
  return perKind.flat();
}

/** Is this ticket in the local working set (so the desk can open it)? */
export async function presentLocally(db: DeskDatabase, ids: readonly string[]): Promise<Set<string>> {
  const docs = await db.tickets.findByIds([...ids]).exec();
  return new Set(docs.keys());
}
