/**
 * Проблемы синхронизации: the documents the server refused, newest first, each with the server's
 * reason, a way to the document, "send again" and "discard the local change" (after a question).
 */
import { Alert, Button, Group, Modal, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { map } from 'rxjs';
import { canRetry, observeProblems, type SyncProblem } from '../../db/syncProblemRepository.ts';
import { useObservable } from '../../db/useObservable.ts';
import { useCommands, type Command } from '../../services/commands.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { ProblemCard } from './ProblemCard.tsx';
import { problemShortcuts } from './problemShortcuts.ts';
import { useProblemActions } from './useProblemActions.ts';

export function SyncProblemsSection(_props: Record<string, never>) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const problems = useObservable(
    () => observeProblems(ws.db).pipe(map((docs) => docs.map((d) => d.toJSON() as SyncProblem))),
    [ws.db],
    [] as SyncProblem[],
  );
  const actions = useProblemActions(ws);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<SyncProblem | null>(null);

  const index = Math.max(
    0,
    problems.findIndex((p) => p.key === selectedKey),
  );
  const selected: SyncProblem | undefined = problems[index];
  const move = (step: number) => {
    const next = problems[Math.min(problems.length - 1, Math.max(0, index + step))];
    if (next) setSelectedKey(next.key);
  };

  const group = t('problems.commands.group');
  const commands: Command[] = selected
    ? [
        { id: 'problems.next', label: t('problems.commands.next'), group, shortcut: problemShortcuts.next, run: () => move(1) },
        {
          id: 'problems.previous',
          label: t('problems.commands.previous'),
          group,
          shortcut: problemShortcuts.previous,
          run: () => move(-1),
        },
        {
          id: 'problems.open',
          label: t('problems.commands.open'),
          group,
          shortcut: problemShortcuts.open,
          run: () => actions.open(selected),
        },
        ...(canRetry(selected.collectionName)
          ? [
              {
                id: 'problems.retry',
                label: t('problems.commands.retry'),
                group,
                shortcut: problemShortcuts.retry,
                run: () => void actions.retry(selected),
              },
            ]
          : []),
        {
          id: 'problems.discard',
          label: t('problems.commands.discard'),
          group,
          shortcut: problemShortcuts.discard,
          run: () => setConfirming(selected),
        },
      ]
    : [];
  useCommands('problems', commands);
  useHotkeys(
    confirming ? [] : commands.map((c) => [c.shortcut!, () => c.run(), { preventDefault: true, usePhysicalKeys: true }]),
  );

  const confirmDiscard = async () => {
    const problem = confirming;
    setConfirming(null);
    if (problem) await actions.discard(problem);
  };

  return (
    <Stack gap="sm" p="md" h="100%" data-testid="section-problems">
      <Group justify="space-between" align="baseline">
        <Title order={3}>{t('shell.problems.title')}</Title>
        {problems.length > 0 && (
          <Text size="sm" c="dimmed" data-testid="problems-count">
            {t('problems.count', { count: problems.length })}
          </Text>
        )}
      </Group>
      {problems.length === 0 ? (
        <Group gap="xs" c="teal" data-testid="problems-empty">
          <IconCircleCheck size={18} />
          <Text size="sm">{t('shell.problems.empty')}</Text>
        </Group>
      ) : (
        <Text size="sm" c="dimmed" maw={820}>
          {t('shell.problems.intro')}
        </Text>
      )}
      {actions.error && (
        <Alert color="orange" variant="light" withCloseButton onClose={actions.clearError} data-testid="problems-error">
          {actions.error}
        </Alert>
      )}
      <ScrollArea style={{ flex: 1 }} offsetScrollbars>
        <Stack gap="xs" maw={980}>
          {problems.map((p) => (
            <ProblemCard
              key={p.key}
              problem={p}
              selected={p.key === selected?.key}
              busy={actions.busyKey === p.key}
              onSelect={() => setSelectedKey(p.key)}
              onOpen={() => actions.open(p)}
              onRetry={() => void actions.retry(p)}
              onDiscard={() => setConfirming(p)}
            />
          ))}
        </Stack>
      </ScrollArea>
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('shell.problems.discardConfirm')}>
        <Stack>
          <Text size="sm">{t('problems.discardBody', { label: confirming?.label ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('problems.keepLocal')}
            </Button>
            <Button color="red" onClick={() => void confirmDiscard()} data-testid="problem-discard-confirm" data-autofocus>
              {t('shell.problems.discard')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
