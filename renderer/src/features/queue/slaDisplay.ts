/**
 * What a countdown shows for a ticket at an instant: the metric that is due next (first contact
 * of an emergency not yet contacted, then resolution), its stage and words for the time left.
 */
import type { TFunction } from 'i18next';
import { slaStateOf } from '#shared/domain/ticketDeadlines.ts';
import type { SlaMetricState, SlaStage } from '#shared/sla/index.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';

export interface SlaDisplay {
  stage: SlaStage;
  metric: SlaMetricState;
  /** "1 ч 20 мин", "просрочено на 5 мин 10 с", "пауза · осталось 3 ч 0 мин", "выполнено". */
  text: string;
  /** The remaining working time alone, for the tooltip. */
  left: string;
}

/** Working minutes in words: days and hours, hours and minutes, or minutes and seconds under an hour. */
export function formatWorkingSpan(minutes: number, t: TFunction): string {
  const totalSeconds = Math.max(0, Math.floor(minutes * 60));
  const s = totalSeconds % 60;
  const totalMinutes = Math.floor(totalSeconds / 60);
  const m = totalMinutes % 60;
  const totalHours = Math.floor(totalMinutes / 60);
  if (totalHours >= 24) return t('queue.duration.days', { d: Math.floor(totalHours / 24), h: totalHours % 24 });
  if (totalHours >= 1) return t('queue.duration.hours', { h: totalHours, m });
  if (totalMinutes >= 1) return t('queue.duration.minutes', { m, s: String(s).padStart(2, '0') });
  return t('queue.duration.seconds', { s });
}

export function slaDisplayOf(ticket: Ticket, now: number, t: TFunction): SlaDisplay {
  const state = slaStateOf(ticket, now);
  const metric = state.firstContact && state.firstContact.stage !== 'met' ? state.firstContact : state.resolution;
  const left = formatWorkingSpan(metric.remainingWorkingMinutes, t);
  let text: string;
  switch (metric.stage) {
    case 'breached':
      text = t('queue.sla.overdue', { time: formatWorkingSpan(-metric.remainingWorkingMinutes, t) });
      break;
    case 'paused':
      text = t('queue.sla.pausedLeft', { time: left });
      break;
    case 'met':
      text = t('queue.sla.met');
      break;
    default:
      text = left;
  }
  return { stage: metric.stage, metric, text, left };
}

/** Age of a ticket: minutes, hours or days since it was created. */
export function formatAge(createdAt: number, now: number, t: TFunction): string {
  const minutes = Math.max(0, Math.floor((now - createdAt) / 60_000));
  if (minutes < 60) return t('queue.age.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('queue.age.hours', { n: hours });
  return t('queue.age.days', { n: Math.floor(hours / 24) });
}
