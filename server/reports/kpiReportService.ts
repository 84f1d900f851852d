/**
 * The KPI report over every ticket of the period in the central database (docs/kpi.md), for the
 * endpoint and the CLI. The SLA setup is the workspace default, as on the desks.
 */
import { defaultSlaSetup, type SlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { computeKpiReport, kpiEventKinds, kpiPeriod, type KpiEvent, type KpiReport, type KpiTicket } from '#shared/kpi/index.ts';
import { quarterStarts, startOfDay } from '#shared/kpi/kpiPeriod.ts';
import type { Kysely } from 'kysely';
import type { DbSchema } from '../db/dbSchema.ts';
import { periodTicketsWithEvents } from '../tickets/ticketQueries.ts';

export interface KpiReportRequest {
  from: string;
  to: string;
  /** Agent id, or null for the team. */
  agent: string | null;
  now: number;
  setup?: SlaSetup;
}

/** Throws KpiPeriodError for a bad period (checked before the database is read). */
export async function buildKpiReport(db: Kysely<DbSchema>, req: KpiReportRequest): Promise<KpiReport> {
  const setup = req.setup ?? defaultSlaSetup();
  const period = kpiPeriod(req.from, req.to, setup.calendar.timeZone);
  const repeatsSince = startOfDay(period.timeZone, quarterStarts(period.toDay).previous);
  const { tickets, events } = await periodTicketsWithEvents<KpiTicket, KpiEvent>(db, {
    start: period.start,
    end: period.end,
    repeatsSince,
    eventKinds: kpiEventKinds,
  });
  return computeKpiReport({ tickets, events, setup, from: req.from, to: req.to, agent: req.agent, now: req.now });
}

/** The account of an id or a login, or null. */
export async function findAccount(
  db: Kysely<DbSchema>,
  by: { id: string } | { login: string },
): Promise<{ id: string; login: string; name: string; role: string } | null> {
  const row = await db
    .selectFrom('accounts')
    .select(['id', 'login', 'name', 'role'])
    .where('id' in by ? 'id' : 'login', '=', 'id' in by ? by.id : by.login)
    .executeTakeFirst();
  return row ?? null;
}
