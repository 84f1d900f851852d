/**
 * The report request of the endpoint and the CLI: the period, the agent and the format, checked
 * with a Russian sentence for every refusal (the period itself is checked by shared/kpi).
 */
import type { Kysely } from 'kysely';
import type { SlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { KpiPeriodError, kpiPeriod, maxPeriodDays } from '#shared/kpi/index.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { invalid } from '../domainErrors.ts';
import { slaSetupOnServer } from '../intake/slaSetupOnServer.ts';

export const kpiFormats = ['json', 'csv', 'xlsx'] as const;
export type KpiFormat = (typeof kpiFormats)[number];

/** Checks the two dates the way the report will read them; throws an `invalid` DomainError. */
export function checkPeriod(from: unknown, to: unknown, timeZone: string): { from: string; to: string } {
  if (typeof from !== 'string' || from === '') throw invalid('malformed_date', 'Укажите начало периода: from=ГГГГ-ММ-ДД.');
  if (typeof to !== 'string' || to === '') throw invalid('malformed_date', 'Укажите конец периода: to=ГГГГ-ММ-ДД.');
  try {
    kpiPeriod(from, to, timeZone);
  } catch (error) {
    if (!(error instanceof KpiPeriodError)) throw error;
    const message =
      error.code === 'malformed_date'
        ? `Дата периода не распознана (ожидается ГГГГ-ММ-ДД, существующий день): from=${from}, to=${to}.`
        : error.code === 'from_after_to'
          ? `Начало периода (${from}) позже его конца (${to}).`
          : `Период слишком длинный: не больше ${maxPeriodDays} дней (двух лет).`;
    throw invalid(error.code, message);
  }
  return { from, to };
}

export function checkFormat(format: unknown): KpiFormat {
  if (format === undefined || format === '') return 'json';
  if (typeof format === 'string' && (kpiFormats as readonly string[]).includes(format)) return format as KpiFormat;
  throw invalid('invalid_format', `Формат отчёта: json, csv или xlsx, а не «${String(format)}».`);
}

export const contentTypes: Record<KpiFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function reportFileName(from: string, to: string, format: KpiFormat): string {
  return `kpi_${from}_${to}.${format}`;
}

/**
 * The checked request with the workspace's configured SLA setup, whose calendar's time zone says
 * where the period's days begin: one reading for the endpoint and the CLI, so both count a
 * ticket in the same day.
 */
export async function kpiRequestOnServer(
  db: Kysely<DbSchema>,
  q: { from?: unknown; to?: unknown; format?: unknown },
): Promise<{ setup: SlaSetup; period: { from: string; to: string }; format: KpiFormat }> {
  // The head's versioned settings: each ticket measured by those in force when it was created.
  const setup = await slaSetupOnServer(db);
  const period = checkPeriod(q.from, q.to, setup.calendar.timeZone);
  return { setup, period, format: checkFormat(q.format) };
}
