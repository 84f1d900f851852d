/** One refused document: what it is, why the server refused it, and what the manager can do. */
import { Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconExternalLink, IconSend, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { canRetry, type SyncProblem } from '../../db/syncProblemRepository.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { shortcutLabel } from '../../services/commands.ts';
import { editorSectionOf } from './problemTargets.ts';
import { problemShortcuts } from './problemShortcuts.ts';

interface Props {
  problem: SyncProblem;
  selected: boolean;
  busy: boolean;
  onSelect(): void;
  onOpen(): void;
  onRetry(): void;
  onDiscard(): void;
}

export function ProblemCard({ problem, selected, busy, onSelect, onOpen, onRetry, onDiscard }: Props) {
  const { t } = useTranslation();
  const retryable = canRetry(problem.collectionName);
  return (
    <Paper
      withBorder
      p="sm"
      onClick={onSelect}
      data-testid="problem-row"
      data-doc-id={problem.docId}
      data-code={problem.code}
      aria-current={selected || undefined}
      style={{ borderColor: selected ? 'var(--mantine-primary-color-filled)' : undefined }}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Badge variant="default" size="sm" radius="sm">
              {t(`problems.collection.${problem.collectionName}`)}
            </Badge>
            <Text fw={600} size="sm" truncate data-testid="problem-label">
              {problem.label}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('problems.refusedAt', { time: formatDateTime(problem.at) })}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge color="red" variant="light" size="sm" radius="sm" style={{ flexShrink: 0 }} data-testid="problem-code">
            {t(`shell.problems.codes.${problem.code}`)}
          </Badge>
          <Text size="xs" c="dimmed" data-testid="problem-reason">
            {t('problems.serverSays', { reason: problem.reason })}
          </Text>
        </Group>
        <Group gap="xs" justify="flex-end">
          {editorSectionOf(problem.collectionName) && (
            <Tooltip label={`${t('problems.openHint')} (${shortcutLabel(problemShortcuts.open)})`}>
              <Button
                size="compact-sm"
                variant="default"
                leftSection={<IconExternalLink size={14} />}
                onClick={onOpen}
                data-testid="problem-open"
              >
                {t('problems.open')}
              </Button>
            </Tooltip>
          )}
          {retryable ? (
            <Tooltip label={`${t('problems.retryHint')} (${shortcutLabel(problemShortcuts.retry)})`}>
              <Button
                size="compact-sm"
                leftSection={<IconSend size={14} />}
                loading={busy}
                onClick={onRetry}
                data-testid="problem-retry"
              >
                {t('shell.problems.retry')}
              </Button>
            </Tooltip>
          ) : (
            <Text size="xs" c="dimmed">
              {t('problems.retryUnavailable')}
            </Text>
          )}
          <Tooltip label={`${t('problems.discardHint')} (${shortcutLabel(problemShortcuts.discard)})`}>
            <Button
              size="compact-sm"
              variant="light"
              color="red"
              leftSection={<IconTrash size={14} />}
              disabled={busy}
              onClick={onDiscard}
              data-testid="problem-discard"
            >
              {t('shell.problems.discard')}
            </Button>
          </Tooltip>
        </Group>
      </Stack>
    </Paper>
  );
}
