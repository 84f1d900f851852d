/**
 * The report as an XLSX workbook (exceljs): the figures with percentages formatted as such, the
 * breached tickets with their reasons, and a sheet of the tickets behind the numbers.
 */
import ExcelJS from 'exceljs';
import { kpiRows, kpiTicketRows, type KpiReport } from '#shared/kpi/index.ts';
import { zoneOffsetMs } from '#shared/sla/timeZone.ts';

/** Figures whose value is a share 0-1 (shown as a percentage). */
const isShare = (figure: string): boolean =>
  figure.startsWith('sla') ||
  figure === 'withoutEscalation' ||
  figure === 'documented' ||
  figure === 'csat.ratedShare' ||
  figure === 'repeats.change';

const reasonNames: Record<string, string> = {
  late_contact: 'поздний контакт',
  late_resolution: 'позднее решение',
  still_open: 'всё ещё открыто',
};

const verdictNames: Record<string, string> = { met: 'выполнено', missed: 'не выполнено', '': '' };

export async function kpiXlsx(r: KpiReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PASS24 Support Desk';
  wb.created = new Date(r.asOf);

  const figures = wb.addWorksheet('Показатели');
  figures.columns = [
    { header: 'Показатель', key: 'figure', width: 30 },
    { header: 'Разрез', key: 'split', width: 24 },
    { header: 'Значение', key: 'value', width: 14 },
    { header: 'Всего', key: 'total', width: 10 },
    { header: 'Выполнено', key: 'met', width: 12 },
    { header: 'Цель', key: 'verdict', width: 16 },
  ];
  figures.getRow(1).font = { bold: true };
  figures.addRow({ figure: `Период ${r.period.from} — ${r.period.to}`, split: r.agent ?? 'команда' });
  for (const row of kpiRows(r)) {
    const added = figures.addRow({ ...row, verdict: verdictNames[row.verdict] ?? row.verdict });
    const cell = added.getCell('value');
    cell.numFmt = isShare(row.figure) ? '0.0%' : '0.0';
    if (row.verdict !== '') {
      added.getCell('verdict').font = { color: { argb: row.verdict === 'met' ? 'FF2B8A3E' : 'FFC92A2A' }, bold: true };
    }
  }

  const breached = wb.addWorksheet('Нарушения SLA');
  breached.columns = [
    { header: 'Номер', key: 'number', width: 14 },
    { header: 'Тема', key: 'subject', width: 50 },
    { header: 'Приоритет', key: 'priority', width: 14 },
    { header: 'Причина', key: 'reasons', width: 30 },
    { header: 'Нарушено', key: 'breachedAt', width: 20 },
  ];
  breached.getRow(1).font = { bold: true };
  for (const b of r.breached) {
    const t = r.tickets[b.ticketId];
    const row = breached.addRow({
      number: t?.number ?? b.ticketId,
      subject: t?.subject ?? '',
      priority: b.priority,
      reasons: b.reasons.map((x) => reasonNames[x] ?? x).join(', '),
      // Excel has no time zones: the workspace's wall clock, written as if UTC.
      breachedAt: new Date(b.breachedAt + zoneOffsetMs(r.timeZone, b.breachedAt)),
    });
    row.getCell('breachedAt').numFmt = 'dd.mm.yyyy hh:mm';
  }

  const tickets = wb.addWorksheet('Обращения');
  tickets.columns = [
    { header: 'Показатель', key: 'figure', width: 34 },
    { header: 'Номер', key: 'number', width: 14 },
    { header: 'Тема', key: 'subject', width: 50 },
    { header: 'Приоритет', key: 'priority', width: 14 },
    { header: 'Канал', key: 'channel', width: 12 },
    { header: 'Продукт', key: 'product', width: 16 },
    { header: 'Агент', key: 'agent', width: 16 },
    { header: 'Причина', key: 'reasons', width: 30 },
    { header: 'Идентификатор', key: 'id', width: 38 },
  ];
  tickets.getRow(1).font = { bold: true };
  for (const row of kpiTicketRows(r)) {
    tickets.addRow({
      ...row,
      reasons: row.reasons
        .split(' ')
        .filter(Boolean)
        .map((x) => reasonNames[x] ?? x)
        .join(', '),
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
