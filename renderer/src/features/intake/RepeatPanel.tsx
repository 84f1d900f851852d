/** Possible repeats of the ticket being registered; one click links the new ticket as a repeat. */
import { Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconLink, IconUnlink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RepeatCandidate, RepeatSuggestion } from '#shared/domain/repeatSuggestions.ts';
import { formatDate } from '../../i18n/index.ts';

interface Props {
  suggestions: RepeatSuggestion[];
  candidates: ReadonlyMap<string, RepeatCandidate>;
  linked: RepeatCandidate | null;
  linkedId: string | null;
  /** The linked ticket's number when the desk does not keep it (linked from the archive). */
  linkedNumber?: string | null;
  /** False until an organisation or site and some text are entered. */
  ready: boolean;
  onLink(id: string): void;
  onUnlink(): void;
}

export function RepeatPanel({ suggestions, candidates, linked, linkedId, linkedNumber, ready, onLink, onUnlink }: Props) {
  const { t } = useTranslation();
  const numberOf = (c: RepeatCandidate | null) => c?.number ?? t('common.notSynced');
  return (
    <Stack gap={6} data-testid="repeat-suggestions">
      <Group gap={6} justify="space-between">
        <Text size="sm" fw={600}>
          {t('intake.repeats.title')}
        </Text>
      </Group>
      {linkedId && (
        <Group gap={6} wrap="nowrap" data-testid="repeat-linked" data-ticket-id={linkedId}>
          <Badge color="grape" variant="light" leftSection={<IconLink size={12} />} style={{ textTransform: 'none' }}>
            {t('intake.repeats.linked', { number: linked ? numberOf(linked) : (linkedNumber ?? numberOf(null)) })}
          </Badge>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            leftSection={<IconUnlink size={12} />}
            onClick={onUnlink}
            data-testid="repeat-unlink"
          >
            {t('intake.repeats.unlink')}
          </Button>
        </Group>
      )}
      {!ready ? (
        <Text size="xs" c="dimmed">
          {t('intake.repeats.needClient')}
        </Text>
      ) : suggestions.length === 0 ? (
        <Text size="xs" c="dimmed" data-testid="repeat-none">
          {t('intake.repeats.none')}
        </Text>
      ) : (
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('intake.repeats.hint')}
          </Text>
          {suggestions.map((s) => {
            const c = candidates.get(s.ticketId);
            if (!c) return null;
            const isLinked = linkedId === c.id;
            return (
              <Paper key={c.id} withBorder p={6} radius="sm" data-testid="repeat-suggestion" data-ticket-id={c.id}>
                <Group gap={6} wrap="nowrap" align="flex-start" justify="space-between">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} truncate="end" title={c.subject}>
                      {c.subject}
                    </Text>
                    <Text size="xs" c="dimmed" truncate="end">
                      {numberOf(c)} · {formatDate(c.createdAt)} · {t(`common.status.${c.status}`)}
                      {c.siteName ? ` · ${c.siteName}` : ''}
                      {s.sameSite ? ` · ${t('intake.repeats.sameSite')}` : ''}
                    </Text>
                  </Stack>
                  <Tooltip label={t('intake.repeats.linkTooltip')} openDelay={400}>
                    <Button
                      size="compact-xs"
                      variant={isLinked ? 'filled' : 'light'}
                      disabled={isLinked}
                      onClick={() => onLink(c.id)}
                      data-testid={`repeat-link-${c.id}`}
                    >
                      {t('intake.repeats.link')}
                    </Button>
                  </Tooltip>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
