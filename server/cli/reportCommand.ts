/** `report --from --to [--agent LOGIN] --format json|csv|xlsx --out FILE`: the KPI report (docs/kpi.md). */
import { writeFile } from 'node:fs/promises';
import { kpiCsv } from '#shared/kpi/index.ts';
import { openDatabase } from '../db/openDatabase.ts';
import { buildKpiReport, findAccount } from '../reports/kpiReportService.ts';
import { kpiXlsx } from '../reports/kpiXlsx.ts';
import { DomainError } from '../domainErrors.ts';
import { kpiRequestOnServer } from '../reports/kpiRequest.ts';
import { databaseTarget, parseFlags, required, UsageError } from './cliOptions.ts';

export async function reportCommand(args: string[]): Promise<void> {
  const flags = parseFlags(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    agent: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  const from = required(flags.from, 'from');
  const to = required(flags.to, 'to');
  const out = required(flags.out, 'out');
  const database = await openDatabase(databaseTarget(flags));
  try {
    // The same reading as GET /api/reports/kpi: the workspace's configured calendar and its time zone.
    let request: Awaited<ReturnType<typeof kpiRequestOnServer>>;
    try {
      request = await kpiRequestOnServer(database.db, { from, to, format: flags.format });
    } catch (error) {
      if (error instanceof DomainError) throw new UsageError(error.message);
      throw error;
    }
    const { setup, period, format } = request;
    let agent: string | null = null;
    if (flags.agent !== undefined) {
      const account = await findAccount(database.db, { login: flags.agent });
      if (!account) throw new UsageError(`Агент с логином «${flags.agent}» не найден.`);
      agent = account.id;
    }
    // A file for scripts and spreadsheets: the team's lists of the tickets behind the numbers go with it.
    const report = await buildKpiReport(database.db, { ...period, agent, now: Date.now(), setup, lists: 'team' });
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
