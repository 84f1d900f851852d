/**
 * Which script the moment calls for. The ticket's state says it: an emergency nobody has
 * contacted yet wants the acknowledgement; a ticket just resolved («Решить») wants the request to
 * check the fix, and once that is sent the closing wants the rating request; a ticket put to
 * escalation («Эскалировать») wants the client told; a client silent for a working day wants the
 * reminder. Each situation is met again after a public reply, so a sent script stops being offered.
 */
import type { Channel, TicketStatus } from '../vocabulary/enums.ts';
import type { TicketEvent } from '../schema/eventSchema.ts';
import type { Ticket } from '../schema/ticketSchema.ts';
import type { BusinessCalendar } from '../sla/index.ts';
import { workingMinutesBetween } from '../sla/index.ts';
import { foldRu } from '../text/foldRu.ts';
import { fitsChannel, isVisibleTo, type ScriptDoc } from './scriptDoc.ts';

export const situations = [
  'emergencyAcknowledgement',
  'confirmationRequest',
  'ratingRequest',
  'escalationNotice',
  'waitingReminder',
] as const;
export type Situation = (typeof situations)[number];

/** A full day of the default calendar (09:00-18:00). */
export const workingDayMinutes = 9 * 60;

const openStatuses: ReadonlySet<TicketStatus> = new Set([
  'new',
  'in_progress',
  'waiting_client',
  'escalation_requested',
  'escalated',
]);

type SituationEvent = Pick<TicketEvent, 'kind' | 'at' | 'public'>;

const latestAt = (events: readonly SituationEvent[], kind: TicketEvent['kind']): number | null =>
  events.reduce<number | null>((at, e) => (e.kind === kind && (at === null || e.at > at) ? e.at : at), null);

const repliedSince = (events: readonly SituationEvent[], since: number): boolean =>
  events.some((e) => e.public && (e.kind === 'reply' || e.kind === 'contact_logged') && e.at >= since);

export function situationOf(
  ticket: Pick<Ticket, 'priority' | 'status' | 'firstContactAt' | 'statusLog'>,
  events: readonly SituationEvent[],
  now: number,
  calendar: BusinessCalendar,
): Situation | null {
  if (ticket.priority === 'emergency' && ticket.firstContactAt === null && openStatuses.has(ticket.status)) {
    return 'emergencyAcknowledgement';
  }
  const enteredAt = ticket.statusLog.at(-1)?.at ?? 0;
  switch (ticket.status) {
    case 'resolved': {
      const resolvedAt = latestAt(events, 'resolution') ?? enteredAt;
      return repliedSince(events, resolvedAt) ? 'ratingRequest' : 'confirmationRequest';
    }
    case 'escalation_requested':
    case 'escalated': {
      const requestedAt = latestAt(events, 'escalation_requested') ?? enteredAt;
      return repliedSince(events, requestedAt) ? null : 'escalationNotice';
    }
    case 'waiting_client': {
      const lastReply = events.reduce((at, e) => (e.public && e.kind === 'reply' && e.at > at ? e.at : at), enteredAt);
      return workingMinutesBetween(calendar, lastReply, now) >= workingDayMinutes ? 'waitingReminder' : null;
    }
    default:
      return null;
  }
}

interface SituationRule {
  /** A tag that marks a script for the situation (a personal script can claim it). */
  tag: string;
  category: string;
  /** Title hints, best first: the demo scripts are told apart by their titles. */
  titles: readonly RegExp[];
  exclude?: RegExp;
}

export const situationRules: Readonly<Record<Situation, SituationRule>> = {
  emergencyAcknowledgement: { tag: 'экстренное принято', category: 'Экстренное', titles: [/принят/i] },
  confirmationRequest: { tag: 'просьба проверить', category: 'Решение', titles: [/провер/i] },
  ratingRequest: { tag: 'запрос оценки', category: 'Закрытие и оценка', titles: [/оценк/i], exclude: /низк/i },
  escalationNotice: { tag: 'уведомление об эскалации', category: 'Эскалация', titles: [/передач|специалист/i] },
  waitingReminder: { tag: 'напоминание', category: 'Ожидание клиента', titles: [/первое напоминание/i, /напоминани/i] },
};

const same = (a: string, b: string) => foldRu(a.trim()) === foldRu(b);

/** How well a script fits the rule: lower is better, null when it does not. */
function ruleRank(script: ScriptDoc, rule: SituationRule): number | null {
  if (script.tags.some((t) => same(t, rule.tag))) return 0;
  if (!same(script.category, rule.category)) return null;
  if (rule.exclude?.test(script.title)) return null;
  const i = rule.titles.findIndex((re) => re.test(script.title));
  return i < 0 ? null : 1 + i;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * The script to offer in a situation on a channel: tagged before matched by category and title,
 * fitting the channel before not, the viewer's own before shared; null when none fits.
 */
export function scriptForSituation(
  scripts: readonly ScriptDoc[],
  situation: Situation,
  channel: Channel,
  viewerId: string,
): ScriptDoc | null {
  const rule = situationRules[situation];
  let best: { script: ScriptDoc; key: number[] } | null = null;
  for (const script of scripts) {
    if (script.archived || !isVisibleTo(script, viewerId)) continue;
    const rank = ruleRank(script, rule);
    if (rank === null) continue;
    const key = [rank, fitsChannel(script, channel) ? 0 : 1, script.ownerId === viewerId ? 0 : 1];
    if (!best || compareKeys(key, best.key) < 0) best = { script, key };
  }
  return best?.script ?? null;
}
