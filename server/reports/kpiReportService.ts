/**
 * The KPI report over every ticket of the period in the central database (docs/kpi.md), for the
 * endpoint and the CLI, with the SLA setup they read (server/reports/kpiRequest.ts): the workspace's
 * versioned settings, each ticket measured by the version in force when it was created, as on the desks.
 */
import type { SlaSetup } from '#shared/domain/ticketDeadlines.ts';
import {
  computeKpiReport,
  kpiEventKinds,
  kpiPeriod,
  previousQuarterStart,
  type KpiEvent,
  type KpiListScope,
  type KpiReport,
  type KpiTicket,
} from '#shared/kpi/index.ts';
import type { Kysely } from 'kysely';
import type { AgentProfile } from '#shared/protocol.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { forbidden, invalid } from '../domainErrors.ts';
import { slaSetupOnServer } from '../intake/slaSetupOnServer.ts';
import { periodTicketsWithEvents } from '../tickets/ticketQueries.ts';

export interface KpiReportRequest {
  from: string;
  to: string;
  /** Agent id, or null for the team. */
  agent: string | null;
  now: number;
  setup?: SlaSetup;
  /** Which ticket lists the report carries (docs/kpi.md, "Splits and lists"); default `all`. */
  lists?: KpiListScope;
}

/** Throws KpiPeriodError for a bad period (checked before the database is read). */
export async function buildKpiReport(db: Kysely<DbSchema>, req: KpiReportRequest): Promise<KpiReport> {
  const setup = req.setup ?? (await slaSetupOnServer(db));
  const period = kpiPeriod(req.from, req.to, setup.calendar.timeZone);
  const repeatsSince = previousQuarterStart(period);
  const { tickets, events } = await periodTicketsWithEvents<KpiTicket, KpiEvent>(db, {
    start: period.start,
    end: period.end,
    repeatsSince,
    eventKinds: kpiEventKinds,
  });
  return computeKpiReport({
    tickets,
    events,
    setup,
    from: req.from,
    to: req.to,
    agent: req.agent,
    now: req.now,
    lists: req.lists ?? 'all',
  });
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

/**
 * Whose report `viewer` gets when asking for `asked` (an agent id, or nothing for the team): the
 * head and admin anyone's or the team's; an agent only their own, and asking for another is
 * refused rather than quietly answered with their own.
 */
export async function reportAgent(db: Kysely<DbSchema>, viewer: AgentProfile, asked: unknown): Promise<string | null> {
  const id = typeof asked === 'string' && asked !== '' ? asked : null;
  if (viewer.role !== 'head' && viewer.role !== 'admin') {
    if (id !== null && id !== viewer.id) {
      throw forbidden(
        'forbidden',
        'Агент видит только свои показатели; отчёт по команде и другим агентам доступен руководителю.',
      );
    }
    return viewer.id;
  }
  if (id !== null && id !== viewer.id && (await findAccount(db, { id })) === null) {
    throw invalid('unknown_agent', `Агент с идентификатором «${id}» не найден.`);
  }
  return id;
}
