/** The views of the queue with their live counts. */
import { Badge, Group, ScrollArea, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { queueViewIds, type QueueViewCounts, type QueueViewId } from '#shared/domain/queueOrder.ts';

const countColor: Partial<Record<QueueViewId, string>> = { emergency: 'red', burning: 'orange' };

export function QueueViewTabs({
  view,
  counts,
  compact,
  onChange,
}: {
  view: QueueViewId;
  counts: QueueViewCounts | null;
  compact: boolean;
  onChange(view: QueueViewId): void;
}) {
  const { t } = useTranslation();
  return (
    <ScrollArea type="hover" scrollbarSize={4} offsetScrollbars={false} style={{ flexShrink: 0 }}>
      <SegmentedControl
        size="xs"
        value={view}
        onChange={(v) => {
          onChange(v as QueueViewId);
          // Give the keyboard back to the queue: a focused radio would swallow Ctrl+K, Enter and the arrows.
          if (document.activeElement instanceof HTMLInputElement && document.activeElement.type === 'radio')
            document.activeElement.blur();
        }}
        data-testid="queue-views"
        fullWidth={!compact}
        // Narrowed beside an open ticket the views keep their width (the strip scrolls) instead of
        // clipping each label and its count.
        style={compact ? { minWidth: 'max-content' } : undefined}
        data={queueViewIds.map((id) => ({
          value: id,
          label: (
            <Group
              gap={6}
              wrap="nowrap"
              data-testid={`queue-view-${id}`}
              data-active={id === view || undefined}
              title={t(`queue.viewHint.${id}`)}
            >
              <Text size="xs" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {t(`queue.views.${id}`)}
              </Text>
              {/* No counts until every ticket is loaded (the first page alone would undercount). */}
              <Badge
                size="xs"
                circle={counts === null || counts[id] < 10}
                variant={counts && counts[id] > 0 && countColor[id] ? 'filled' : 'light'}
                color={counts && counts[id] > 0 ? (countColor[id] ?? 'gray') : 'gray'}
                style={{ flexShrink: 0 }}
                data-testid={`queue-count-${id}`}
                data-loading={counts === null || undefined}
              >
                {counts ? counts[id] : '…'}
              </Badge>
            </Group>
          ),
        }))}
      />
    </ScrollArea>
  );
}
