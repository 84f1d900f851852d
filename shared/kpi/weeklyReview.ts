/**
 * The weekly SLA review the endpoint mails the head (docs/kpi.md, "The weekly review"): which week
 * is due at an instant, and the plain-text mail of its report. Pure; the endpoint schedules and sends.
 */
import { formatIsoDate, isoWeekday, wallClockMs } from '../sla/civilDate.ts';
import { wallClockToInstant, zoneOffsetMs } from '../sla/timeZone.ts';
import { kpiTargets } from './kpiTargets.ts';
import type { BreachReason, KpiReport, Rate } from './kpiTypes.ts';

/** Monday, 09:00 of the workspace's wall clock. */
const reviewMinuteOfDay = 9 * 60;

const msPerDay = 86_400_000;

export interface ReviewWeek {
  /** The reviewed week, Monday to Sunday (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
  /** The instant its review is due: the following Monday, 09:00 in the time zone. */
  readonly dueAt: number;
}

/** The latest review due at or before `now`: the week before the latest Monday 09:00 that has come. */
export function dueReviewWeek(now: number, timeZone: string): ReviewWeek {
  const today = Math.floor((now + zoneOffsetMs(timeZone, now)) / msPerDay);
  let monday = today - (isoWeekday(today) - 1);
  let dueAt = wallClockToInstant(timeZone, wallClockMs(monday, reviewMinuteOfDay));
  if (dueAt > now) {
    monday -= 7;
    dueAt = wallClockToInstant(timeZone, wallClockMs(monday, reviewMinuteOfDay));
  }
  return { from: formatIsoDate(monday - 7), to: formatIsoDate(monday - 1), dueAt };
}

const russianDate = (iso: string): string => iso.split('-').reverse().join('.');
const percent = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1).replace('.', ',')} %`);

const priorityNames = { emergency: 'Экстренные', standard: 'Стандартные', consultation: 'Консультации' } as const;
const priorityTargets = {
  emergency: kpiTargets.slaEmergency,
  standard: kpiTargets.slaStandard,
  consultation: kpiTargets.slaConsultation,
} as const;
const reasonNames: Record<BreachReason, string> = {
  late_contact: 'поздний первый контакт',
  late_resolution: 'решено позже срока',
  still_open: 'срок прошёл, не решено',
};

function slaLine(name: string, r: Rate, target: number): string {
  const verdict = r.rate === null ? 'нет данных' : r.rate >= target ? 'цель выполнена' : 'цель не выполнена';
  return `${name}: ${percent(r.rate)} (в срок ${r.met} из ${r.total}; цель ${percent(target)}) — ${verdict}`;
}

/** The review's subject and body: SLA per priority against the targets, then every breach with its reason. */
export function weeklyReviewMail(report: KpiReport): { subject: string; body: string } {
  const from = russianDate(report.period.from);
  const to = russianDate(report.period.to);
  const lines = [`Обзор SLA за неделю ${from} — ${to} (вся команда).`, ''];
  for (const p of ['emergency', 'standard', 'consultation'] as const) {
    lines.push(slaLine(priorityNames[p], report.sla[p], priorityTargets[p]));
  }
  lines.push('', `Создано обращений: ${report.volume.total}.`);
  const wall = (at: number) => {
    const local = new Date(at + zoneOffsetMs(report.timeZone, at)).toISOString();
    return `${russianDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
  };
  lines.push('');
  if (report.breached.length === 0) lines.push('Нарушений SLA за неделю нет.');
  else {
    lines.push(`Нарушения SLA (${report.breached.length}):`);
    for (const b of report.breached) {
      const t = report.tickets[b.ticketId];
      const number = t?.number ?? b.ticketId;
      const reasons = b.reasons.map((r) => reasonNames[r]).join(', ');
      lines.push(
        `- ${number} «${t?.subject ?? ''}», ${priorityNames[b.priority].toLowerCase()}: ${reasons}; срок истёк ${wall(b.breachedAt)}`,
      );
    }
  }
  lines.push('', 'Письмо отправлено автоматически PASS24 Support Desk. Полный отчёт — в разделе «Отчёты».');
  return { subject: `Обзор SLA за неделю ${from} — ${to}`, body: lines.join('\n') + '\n' };
}
