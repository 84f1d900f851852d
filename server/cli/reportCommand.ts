/** `report --from --to [--agent LOGIN] --format json|csv|xlsx --out FILE`: the KPI report (docs/kpi.md). */
import { writeFile } from 'node:fs/promises';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { slaSetupOnServer } from '../intake/slaSetupOnServer.ts';
import { kpiCsv } from '#shared/kpi/index.ts';
import { openDatabase } from '../db/openDatabase.ts';
import { buildKpiReport, findAccount } from '../reports/kpiReportService.ts';
import { kpiXlsx } from '../reports/kpiXlsx.ts';
import { DomainError } from '../domainErrors.ts';
import { checkFormat, checkPeriod } from '../reports/kpiRequest.ts';
import { databaseTarget, parseFlags, required, UsageError } from './cliOptions.ts';

export async function reportCommand(args: string[]): Promise<void> {
  const flags = parseFlags(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    agent: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  const setup = defaultSlaSetup();
  let period: { from: string; to: string };
  let format: ReturnType<typeof checkFormat>;
  try {
    period = checkPeriod(required(flags.from, 'from'), required(flags.to, 'to'), setup.calendar.timeZone);
    format = checkFormat(flags.format);
  } catch (error) {
    if (error instanceof DomainError) throw new UsageError(error.message);
    throw error;
  }
  const out = required(flags.out, 'out');
  const database = await openDatabase(databaseTarget(flags));
  try {
    let agent: string | null = null;
    if (flags.agent !== undefined) {
      const account = await findAccount(database.db, { login: flags.agent });
      if (!account) throw new UsageError(`Агент с логином «${flags.agent}» не найден.`);
      agent = account.id;
    }
    const report = await buildKpiReport(database.db, {
      ...period,
      agent,
      now: Date.now(),
      setup: await slaSetupOnServer(database.db),
    });
    const body =
      format === 'json'
        ? JSON.stringify(report, null, 2) + '\n'
        : format === 'csv'
          ? '\uFEFF' + kpiCsv(report)
          : await kpiXlsx(report);
    await writeFile(out, body);
    console.log(`Отчёт за ${period.from} — ${period.to} (${flags.agent ?? 'команда'}) записан в ${out}.`);
  } finally {
    await database.close();
  }
}
