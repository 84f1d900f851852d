/**
 * What a countdown shows for a ticket at an instant: the metric that is due next (first contact
 * of an emergency not yet contacted, then resolution), its stage and words for the time left.
 */
import type { TFunction } from 'i18next';
import { slaStateOf, type SlaSetup } from '#shared/domain/ticketDeadlines.ts';
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

export function slaDisplayOf(ticket: Ticket, now: number, t: TFunction, setup?: SlaSetup): SlaDisplay {
  const state = slaStateOf(ticket, now, setup);
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

/**
 * What formatWorkingSpan shows of a span, as a key: equal keys, equal words. Changes once a
 * second under an hour, once a minute under a day, once an hour beyond.
 */
export function workingSpanKey(minutes: number): string {
  const totalSeconds = Math.max(0, Math.floor(minutes * 60));
  const totalHours = Math.floor(totalSeconds / 3600);
  if (totalHours >= 24) return `d${totalHours}`;
  if (totalHours >= 1) return `h${Math.floor(totalSeconds / 60)}`;
  return `s${totalSeconds}`;
}

/**
 * What a countdown shows at `now`, as a key (stage, metric, due instant, the words of the time
 * left and overdue): the cell re-renders when it changes, not on every tick.
 */
export function slaDisplayKey(ticket: Ticket, now: number, setup?: SlaSetup): string {
  const state = slaStateOf(ticket, now, setup);
  const metric = state.firstContact && state.firstContact.stage !== 'met' ? state.firstContact : state.resolution;
  const left = metric.remainingWorkingMinutes;
  return `${metric.stage}|${metric.metric}|${metric.dueAt}|${workingSpanKey(left)}|${workingSpanKey(-left)}`;
}

/** Age in whole minutes, hours or days since creation, as formatAge shows it. */
function ageOf(createdAt: number, now: number): { unit: 'minutes' | 'hours' | 'days'; n: number } {
  const minutes = Math.max(0, Math.floor((now - createdAt) / 60_000));
  if (minutes < 60) return { unit: 'minutes', n: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return { unit: 'hours', n: hours };
  return { unit: 'days', n: Math.floor(hours / 24) };
}

/** What formatAge shows, as a key: changes once a minute at most. */
export function ageKey(createdAt: number, now: number): string {
  const { unit, n } = ageOf(createdAt, now);
  return `${unit}${n}`;
}

/** Age of a ticket: minutes, hours or days since it was created. */
export function formatAge(createdAt: number, now: number, t: TFunction): string {
  const { unit, n } = ageOf(createdAt, now);
  return t(`queue.age.${unit}`, { n });
}
