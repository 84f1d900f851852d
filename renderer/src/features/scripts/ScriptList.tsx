/** The scripts grouped by category, each with its usage: which are used, which never. */
import { Badge, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyTemplate } from '#shared/schema/index.ts';
import type { ScriptUsage } from '#shared/templates/index.ts';

export function ScriptList({
  scripts,
  usage,
  cursor,
  openId,
  onOpen,
}: {
  scripts: readonly ReplyTemplate[];
  usage: Map<string, ScriptUsage> | null;
  cursor: number;
  openId: string | null;
  onOpen(index: number): void;
}) {
  const { t } = useTranslation();
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    list.current?.querySelector(`[data-index="${cursor}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);
  return (
    <ScrollArea style={{ flex: 1 }} type="auto">
      <Stack gap={0} ref={list} data-testid="scripts-list" role="listbox" aria-label={t('scripts.title')}>
        {scripts.map((s, i) => {
          const used = usage?.get(s.id)?.count ?? 0;
          const heading = i === 0 || scripts[i - 1]!.category !== s.category;
          return (
            <div key={s.id}>
              {heading && (
                <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="sm" pb={2} data-testid="scripts-category">
                  {s.category}
                </Text>
              )}
              <UnstyledButton
                onClick={() => onOpen(i)}
                px="sm"
                py={6}
                w="100%"
                role="option"
                aria-selected={i === cursor}
                data-index={i}
                data-testid="scripts-row"
                data-script-id={s.id}
                style={{
                  background:
                    s.id === openId
                      ? 'var(--mantine-primary-color-light)'
                      : i === cursor
                        ? 'var(--mantine-color-default-hover)'
                        : undefined,
                }}
              >
                <Group justify="space-between" wrap="nowrap" gap={6}>
                  <Text size="sm" truncate style={{ minWidth: 0, flex: 1 }} c={s.archived ? 'dimmed' : undefined}>
                    {s.title}
                  </Text>
                  <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                    {s.ownerId && (
                      <Badge size="xs" variant="outline">
                        {t('scripts.scope.personal')}
                      </Badge>
                    )}
                    {s.conflictDraft && (
                      <Badge size="xs" variant="light" color="yellow" data-testid="scripts-conflict">
                        {t('scripts.conflict.badge')}
                      </Badge>
                    )}
                    {s.archived && (
                      <Badge size="xs" variant="light" color="gray">
                        {t('scripts.archivedBadge')}
                      </Badge>
                    )}
                    {usage && (
                      <Badge
                        size="xs"
                        variant="light"
                        color={used > 0 ? 'teal' : 'gray'}
                        data-testid="scripts-usage"
                        data-count={used}
                      >
                        {used > 0 ? used : t('scripts.neverUsed')}
                      </Badge>
                    )}
                  </Group>
                </Group>
              </UnstyledButton>
            </div>
          );
        })}
      </Stack>
    </ScrollArea>
  );
}
