/**
 * How a timeline event reads (ticket view): the message key under `ticket.timeline.<key>` with
 * its values, and whether the client saw it. Pure, so the wording rules are tested without React.
 */
import type { TicketEvent } from '#shared/schema/eventSchema.ts';

export type TimelineTone = 'public' | 'internal' | 'system';

export interface TimelineEntry {
  id: string;
  at: number;
  author: string;
  /** i18n key under `ticket.timeline` signing the entry instead of `author` (the channel a delivery went through). */
  authorKey?: string;
  /** i18n key under `ticket.timeline`. */
  key: string;
  /** Interpolation values; enum values (status, priority, channel, mode) are passed raw for the UI to translate. */
  values: Record<string, string | number>;
  body: string;
  tone: TimelineTone;
}

const str = (v: string | number | boolean | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** A reply's delivery states (server/channels/deliveryStatus.ts) and a desk's request to retry. */
const deliveryKeys: Record<string, string> = {
  queued: 'deliveryQueued',
  sent: 'deliverySent',
  retrying: 'deliveryRetrying',
  failed: 'deliveryFailed',
  retry: 'deliveryRetry',
};

function keyAndValues(e: TicketEvent): { key: string; values: Record<string, string | number> } {
  const d = e.data;
  switch (e.kind) {
    case 'created':
      return { key: 'created', values: { channel: str(d.channel) } };
    case 'contact_logged':
      return { key: d.mode === 'message' ? 'contactMessage' : 'contactCall', values: {} };
    case 'status_changed':
      return { key: 'statusChanged', values: { from: str(d.from), to: str(d.to) } };
    case 'priority_changed':
      return { key: 'priorityChanged', values: { from: str(d.from), to: str(d.to) } };
    case 'assigned':
      return { key: 'assigned', values: { to: str(d.to) } };
    case 'field_changed':
      return { key: 'fieldChanged', values: { field: str(d.field), from: str(d.from), to: str(d.to) } };
    case 'escalation_approved':
      return { key: 'escalationApproved', values: { devTaskRef: str(d.devTaskRef) } };
    case 'kb_linked':
      return { key: 'kbLinked', values: { kbArticleId: str(d.kbArticleId) } };
    case 'csat':
      return { key: 'csat', values: { score: typeof d.score === 'number' ? d.score : Number(d.score) } };
    case 'repeat_linked':
      return { key: 'repeatLinked', values: { repeatOf: str(d.repeatOf) } };
    case 'merge_overwritten':
      return { key: 'mergeOverwritten', values: { field: str(d.field), overwritten: str(d.overwritten) } };
    case 'reply':
      return { key: 'reply', values: {} };
    case 'note':
      return { key: 'note', values: {} };
    case 'escalation_requested':
      return { key: 'escalationRequested', values: {} };
    case 'escalation_returned':
      return { key: 'escalationReturned', values: {} };
    case 'development_answered':
      return { key: 'developmentAnswered', values: {} };
    case 'resolution':
      return { key: 'resolution', values: {} };
    case 'confirmation':
      return { key: 'confirmation', values: {} };
    case 'reopened':
      return { key: 'reopened', values: {} };
    case 'client_message':
      return { key: d.channel === 'telegram' ? 'clientMessageTelegram' : 'clientMessage', values: { from: str(d.from) } };
    case 'delivery':
      return { key: deliveryKeys[str(d.state)] ?? 'deliveryQueued', values: { to: str(d.to), reason: str(d.reason) } };
  }
}

const systemKinds: ReadonlySet<TicketEvent['kind']> = new Set([
  'created',
  'status_changed',
  'assigned',
  'field_changed',
  'kb_linked',
  'merge_overwritten',
  'repeat_linked',
  'delivery',
]);

/** Channels whose deliveries the desk signs in its own language; older entries keep the name they were written with. */
const deliveryChannels: Readonly<Record<string, string>> = { email: 'byEmail', telegram: 'byTelegram' };

export function timelineEntryOf(e: TicketEvent): TimelineEntry {
  const tone: TimelineTone = e.public && e.kind !== 'created' ? 'public' : systemKinds.has(e.kind) ? 'system' : 'internal';
  const authorKey = e.kind === 'delivery' ? deliveryChannels[str(e.data.channel)] : undefined;
  return {
    id: e.id,
    at: e.at,
    author: e.authorName,
    ...(authorKey ? { authorKey } : {}),
    ...keyAndValues(e),
    body: e.body,
    tone,
  };
}

/** The timeline in the order things happened (ties keep the order of the write: ids are not ordered, `at` steps are). */
export function timelineOf(events: readonly TicketEvent[]): TimelineEntry[] {
  return [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(timelineEntryOf);
}
