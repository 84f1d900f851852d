/** Above the table: the quick filter and the choice of columns. */
import { ActionIcon, Checkbox, CloseButton, Group, Kbd, Menu, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconColumns, IconSearch } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { queueColumnIds, type QueueColumnId } from './queueColumns.tsx';
import { startQueueMeasure } from './queueMarks.ts';
import { queueFilterInput } from './queueStore.ts';

export interface QueueToolbarProps {
  filter: string;
  columns: readonly QueueColumnId[];
  /** Beside an open ticket the columns are fixed; the menu is hidden. */
  showColumnsMenu: boolean;
  shown: number;
  onFilterChange(filter: string): void;
  onFilterKey(event: KeyboardEvent<HTMLInputElement>): void;
  onColumnsChange(columns: QueueColumnId[]): void;
  onResetColumns(): void;
}

export function QueueToolbar(props: QueueToolbarProps) {
  const { filter, columns, showColumnsMenu, shown, onFilterChange, onFilterKey, onColumnsChange, onResetColumns } = props;
  const { t } = useTranslation();
  const toggle = (id: QueueColumnId, on: boolean) => {
    const next = on ? queueColumnIds.filter((c) => c === id || columns.includes(c)) : columns.filter((c) => c !== id);
    if (next.length > 0) onColumnsChange(next);
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <TextInput
        ref={(el) => {
          queueFilterInput.current = el;
        }}
        value={filter}
        onChange={(e) => {
          startQueueMeasure('filter');
          onFilterChange(e.currentTarget.value);
        }}
        onKeyDown={onFilterKey}
        placeholder={t('queue.filterPlaceholder')}
        aria-label={t('queue.commands.filter')}
        leftSection={<IconSearch size={14} />}
        rightSection={
          filter ? (
            <CloseButton
              size="xs"
              aria-label={t('queue.clearFilter')}
              onClick={() => onFilterChange('')}
              data-testid="queue-filter-clear"
            />
          ) : (
            <Kbd size="xs">/</Kbd>
          )
        }
        style={{ flex: 1, minWidth: 160 }}
        data-testid="queue-filter"
      />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="queue-shown">
        {t('queue.shown', { count: shown })}
      </Text>
      {showColumnsMenu && (
        <Menu closeOnItemClick={false} position="bottom-end" withinPortal>
          <Menu.Target>
            <Tooltip label={t('queue.columnsMenu')}>
              <ActionIcon variant="subtle" color="gray" aria-label={t('queue.columnsMenu')} data-testid="queue-columns-menu">
                <IconColumns size={16} />
              </ActionIcon>
            </Tooltip>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('queue.columnsTitle')}</Menu.Label>
            <Stack gap={6} px="xs" py={4}>
              {queueColumnIds.map((id) => (
                <Checkbox
                  key={id}
                  size="xs"
                  label={t(`queue.columns.${id}`)}
                  checked={columns.includes(id)}
                  onChange={(e) => toggle(id, e.currentTarget.checked)}
                  data-testid={`queue-column-toggle-${id}`}
                />
              ))}
            </Stack>
            <Menu.Divider />
            <Menu.Item onClick={onResetColumns}>{t('queue.resetColumns')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}
