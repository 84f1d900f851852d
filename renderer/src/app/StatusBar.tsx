/** The bottom line: connection, changes waiting to be sent, sync problems, last sync, the clock. */
import { Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { stillArriving } from '#shared/sync/firstSyncOrder.ts';
import { skewWarningMs } from '../sync/clock.ts';
import { formatTime } from '../i18n/index.ts';
import { useConnectionStore } from '../state/connectionStore.ts';
import { useRouteStore } from '../state/routeStore.ts';
import { useNow } from '../state/ticker.ts';

const dotColor = {
  online: 'var(--mantine-color-teal-6)',
  connecting: 'var(--mantine-color-yellow-6)',
  offline: 'var(--mantine-color-gray-6)',
  signed_out: 'var(--mantine-color-red-6)',
} as const;

export function StatusBar() {
  const { t } = useTranslation();
  const { state, pending, problems, lastSyncAt, clockSkewMs, caughtUp, openTicketsIn } = useConnectionStore();
  // A first sync (or a long absence): what the desk has not received yet, in the order it arrives.
  const arriving =
    state !== 'offline' && state !== 'signed_out' && lastSyncAt !== null ? stillArriving(caughtUp, openTicketsIn) : [];
  // Loading or with parts still arriving, the desk is not "synced" at its last answer.
  const syncing = arriving.length > 0 || (state === 'connecting' && lastSyncAt !== null);
  const now = useNow();
  const go = useRouteStore((s) => s.go);
  return (
    <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="md" style={{ fontSize: 12 }} data-testid="status-bar">
      <Group gap="md" wrap="nowrap">
        <Group gap={6} wrap="nowrap" data-testid="connection-state" data-state={state}>
          <span style={{ width: 8, height: 8, borderRadius: 4, background: dotColor[state], display: 'inline-block' }} />
          {/* Answered but not yet caught up: a first sync (or a long absence) is being pulled. */}
          <Text size="xs">
            {state === 'connecting' && lastSyncAt !== null ? t('shell.status.loading') : t(`shell.status.${state}`)}
          </Text>
        </Group>
        {arriving.length > 0 && (
          <Text size="xs" data-testid="sync-arriving" data-parts={arriving.join(' ')}>
            {t('shell.status.arriving', { what: arriving.map((c) => t(`shell.arrivingParts.${c}`)).join(', ') })}
          </Text>
        )}
        <Text size="xs" c={pending > 0 ? undefined : 'dimmed'} data-testid="pending-count" data-count={pending}>
          {pending > 0 ? t('shell.status.pending', { count: pending }) : t('shell.status.pendingNone')}
        </Text>
        {problems > 0 && (
          <UnstyledButton onClick={() => go('problems')} data-testid="problems-link">
            <Group gap={4} wrap="nowrap">
              <IconAlertTriangle size={13} color="var(--mantine-color-red-6)" />
              <Text size="xs" c="red">
                {t('shell.status.problems', { count: problems })}
              </Text>
            </Group>
          </UnstyledButton>
        )}
      </Group>
      <Group gap="md" wrap="nowrap">
        {Math.abs(clockSkewMs) > skewWarningMs && (
          <Tooltip label={t('shell.status.clockSkew', { minutes: Math.round(Math.abs(clockSkewMs) / 60_000) })}>
            <Group gap={4} wrap="nowrap" data-testid="clock-skew">
              <IconClockExclamation size={13} color="var(--mantine-color-orange-6)" />
              <Text size="xs" c="orange">
                {t('common.minutes', { count: Math.round(Math.abs(clockSkewMs) / 60_000) })}
              </Text>
            </Group>
          </Tooltip>
        )}
        <Text size="xs" c="dimmed" data-testid="last-sync" data-syncing={syncing}>
          {syncing
            ? t('shell.status.syncing')
            : lastSyncAt
              ? t('shell.status.lastSync', { time: formatTime(lastSyncAt, undefined, true) })
              : t('shell.status.neverSynced')}
        </Text>
        <Text size="xs" fw={600} className="tabular" data-testid="clock">
          {formatTime(now, undefined, true)}
        </Text>
      </Group>
    </Group>
  );
}
