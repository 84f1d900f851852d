/**
 * Two versions of a text side by side after edits on two desks while apart (the sync's merge keeps
 * the server's text and the other desk's as a conflict draft, docs/sync.md): take either into the
 * editor, or merge them there by hand; saving closes the conflict. Used by the knowledge base and
 * by the reply scripts.
 */
import { Button, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { map } from 'rxjs';
import { useObservable } from '../db/useObservable.ts';
import { useWorkspace } from './session/workspaceContext.ts';

export interface ConflictText {
  /** What the text is, when there is more than one («Текст для звонка»). */
  label?: string;
  current: string;
  other: string;
  onTake(text: string): void;
  /** Prefix of the test ids: `<id>-current`, `<id>-other`, `<id>-take-current`, `<id>-take-other`. */
  testId: string;
}

export function ConflictVersions({
  title,
  hint,
  whoId,
  texts,
  testId,
}: {
  title: string;
  hint: string;
  /** The account that wrote the other version (shown by name when the desk knows it). */
  whoId: string;
  texts: readonly ConflictText[];
  testId: string;
}) {
  const { t } = useTranslation();
  const { db } = useWorkspace();
  const name = useObservable(() => db.agents.findOne(whoId).$.pipe(map((d) => (d ? String(d.name) : null))), [db, whoId], null);
  const who = name ?? whoId;
  return (
    <Paper withBorder p="xs" data-testid={testId}>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <Stack gap="xs">
        {texts.map((x) => (
          <Stack key={x.testId} gap={4}>
            {x.label && (
              <Text size="xs" fw={600}>
                {x.label}
              </Text>
            )}
            <SimpleGrid cols={2}>
              <Stack gap={4}>
                <Text size="xs" c="dimmed">
                  {t('common.conflict.current')}
                </Text>
                <Textarea
                  value={x.current}
                  readOnly
                  autosize
                  maxRows={12}
                  aria-label={`${x.label ?? title}: ${t('common.conflict.current')}`}
                  data-testid={`${x.testId}-current`}
                />
                <Button size="xs" variant="light" onClick={() => x.onTake(x.current)} data-testid={`${x.testId}-take-current`}>
                  {t('common.conflict.takeCurrent')}
                </Button>
              </Stack>
              <Stack gap={4}>
                <Text size="xs" c="dimmed">
                  {t('common.conflict.other', { who })}
                </Text>
                <Textarea
                  value={x.other}
                  readOnly
                  autosize
                  maxRows={12}
                  aria-label={`${x.label ?? title}: ${t('common.conflict.other', { who })}`}
                  data-testid={`${x.testId}-other`}
                />
                <Button size="xs" variant="light" onClick={() => x.onTake(x.other)} data-testid={`${x.testId}-take-other`}>
                  {t('common.conflict.takeOther')}
                </Button>
              </Stack>
            </SimpleGrid>
          </Stack>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt={4}>
        {hint}
      </Text>
    </Paper>
  );
}
