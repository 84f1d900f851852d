/** The ticket's history in Russian: what happened, who did it and when (22.11.2026 14:05). */
import { Badge, Group, Paper, Text, Timeline as MantineTimeline } from '@mantine/core';
import { IconLock, IconMessageCircle, IconPoint } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { timelineOf, type TimelineEntry } from './timelineEntry.ts';
import type { KbArticle, TicketEvent } from '#shared/schema/index.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { ClientMailDetails, RetryDelivery } from './MailDetails.tsx';

/**
 * A changed field's value as a person reads it: a contact as its filled parts, a list joined, a
 * long text cut (the whole text is in the ticket itself).
 */
const partOrder = ['name', 'phone', 'email', 'messenger'];
const fieldRank = (key: string): number => (partOrder.includes(key) ? partOrder.indexOf(key) : partOrder.length);

function readableValue(raw: unknown): string {
  const s = String(raw ?? '');
  let value: unknown = s;
  if (s.startsWith('{') || s.startsWith('[')) {
    try {
      value = JSON.parse(s);
    } catch {
      value = s;
    }
  }
  const text = Array.isArray(value)
    ? value.map(String).join(', ')
    : value && typeof value === 'object'
      ? Object.entries(value as Record<string, unknown>)
          .sort(([a], [b]) => fieldRank(a) - fieldRank(b))
          .map(([, x]) => x)
          .filter((x) => x !== '' && x !== null && x !== undefined)
          .map(String)
          .join(', ')
      : String(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** Translates the raw enum values an entry carries (status, priority, channel, assignee, article). */
function useEntryText(agentNames: Map<string, string>, articles: Map<string, KbArticle>) {
  const { t } = useTranslation();
  return (e: TimelineEntry): string => {
    const v = { ...e.values };
    switch (e.key) {
      case 'created':
        v.channel = v.channel ? t(`common.channel.${v.channel}`) : '';
        break;
      case 'statusChanged':
        v.from = t(`common.status.${v.from}`);
        v.to = t(`common.status.${v.to}`);
        break;
      case 'priorityChanged':
        v.from = t(`common.priority.${v.from}`);
        v.to = t(`common.priority.${v.to}`);
        break;
      case 'assigned':
        v.to = agentNames.get(String(v.to)) ?? (v.to ? String(v.to) : t('ticket.unassigned'));
        break;
      case 'fieldChanged':
        v.field = t(`ticket.fieldNames.${String(v.field)}`, { defaultValue: String(v.field) });
        v.from = readableValue(v.from) || '—';
        v.to = readableValue(v.to) || '—';
        break;
      case 'kbLinked': {
        const id = String(v.kbArticleId);
        v.title = articles.get(id)?.title ?? t('ticket.timeline.unknownArticle', { id });
        break;
      }
    }
    const text = t(`ticket.timeline.${e.key}`, v);
    return e.key === 'created' && !v.channel ? text.replace(/ · $/, '') : text;
  };
}

const bullets = { public: IconMessageCircle, internal: IconLock, system: IconPoint } as const;
const colors = { public: 'indigo', internal: 'yellow', system: 'gray' } as const;

export function Timeline({
  events,
  agentNames,
  articles,
}: {
  events: TicketEvent[];
  agentNames: Map<string, string>;
  articles: Map<string, KbArticle>;
}) {
  const { t } = useTranslation();
  const text = useEntryText(agentNames, articles);
  const entries = timelineOf(events);
  const byId = new Map(events.map((e) => [e.id, e]));
  // A failed reply offers a retry until a later state of the same reply says otherwise.
  const latestDelivery = new Map<string, string>();
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    if (e.kind === 'delivery' && typeof e.data.replyId === 'string') latestDelivery.set(e.data.replyId, e.id);
  }
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('ticket.timeline.empty')}
      </Text>
    );
  return (
    <MantineTimeline bulletSize={20} lineWidth={2} data-testid="timeline">
      {entries.map((e) => {
        const Icon = bullets[e.tone];
        return (
          <MantineTimeline.Item
            key={e.id}
            bullet={<Icon size={12} />}
            color={colors[e.tone]}
            data-testid="timeline-entry"
            data-kind={e.key}
            title={
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={600}>
                  {text(e)}
                </Text>
                {e.tone === 'public' && (
                  <Badge size="xs" variant="light" color="indigo">
                    {t('ticket.timeline.public')}
                  </Badge>
                )}
                {e.tone === 'internal' && e.body && (
                  <Badge size="xs" variant="light" color="yellow">
                    {t('ticket.timeline.internal')}
                  </Badge>
                )}
              </Group>
            }
          >
            <Text size="xs" c="dimmed">
              {(e.authorKey ? t(`ticket.timeline.${e.authorKey}`) : e.author) || t('ticket.timeline.system')} ·{' '}
              {formatDateTime(e.at)}
            </Text>
            {e.body && (
              <Paper
                mt={4}
                px="sm"
                py={6}
                bg={e.tone === 'internal' ? 'var(--mantine-color-yellow-light)' : 'var(--mantine-color-default-hover)'}
                radius="sm"
              >
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {e.body}
                </Text>
              </Paper>
            )}
            {e.key === 'clientMessage' && byId.get(e.id) && <ClientMailDetails event={byId.get(e.id)!} />}
            {e.key === 'deliveryFailed' &&
              byId.get(e.id) &&
              latestDelivery.get(String(byId.get(e.id)!.data.replyId)) === e.id && <RetryDelivery event={byId.get(e.id)!} />}
          </MantineTimeline.Item>
        );
      })}
    </MantineTimeline>
  );
}
