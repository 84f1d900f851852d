/**
 * A connector that fails (wrong password, mail server down) is shown to the admin and the head
 * above the section, with what it means and what to do, until /api/health reports it running
 * again. Read every minute while online; agents are not shown it (they cannot act on it).
 */
import { Alert, Stack, Text } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failingChannels } from '#shared/channels/deskNotices.ts';
import type { ChannelHealth } from '#shared/protocol.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useConnectionStore } from '../../state/connectionStore.ts';

const pollMs = 60_000;

export function ChannelHealthBanner() {
  const { t } = useTranslation();
  const { api, session } = useWorkspace();
  const role = session.agent.role;
  const watches = role === 'admin' || role === 'head';
  const online = useConnectionStore((s) => s.state !== 'offline');
  const [failing, setFailing] = useState<ChannelHealth[]>([]);

  useEffect(() => {
    if (!watches || !online) return;
    let stopped = false;
    const read = () =>
      api
        .health()
        .then((h) => {
          if (!stopped) setFailing(failingChannels(h.channels ?? []));
        })
        .catch(() => undefined);
    void read();
    const timer = setInterval(() => void read(), pollMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, watches, online]);

  if (!watches || failing.length === 0) return null;
  // Each failing kind says what it stops and, to the admin, what to do: mailboxes, bots, the CRM.
  const firstOfKind = [...new Map(failing.map((c) => [c.kind, c] as const)).values()];
  const texts: Record<ChannelHealth['kind'], { consequence: string; whatAdmin: string }> = {
    email: { consequence: 'channels.health.consequence', whatAdmin: 'channels.health.whatAdmin' },
    telegram: { consequence: 'channels.health.consequenceTelegram', whatAdmin: 'channels.health.whatAdminTelegram' },
    bitrix24: { consequence: 'channels.health.crmConsequence', whatAdmin: 'channels.health.crmWhatAdmin' },
  };
  return (
    <Alert color="red" variant="light" radius={0} py={6} icon={<IconMailOff size={16} />} data-testid="channel-health-banner">
      <Stack gap={2}>
        {failing.map((c) => (
          <Text size="xs" fw={600} key={c.id}>
            {t('channels.health.failing', { name: c.name, address: c.address, detail: c.detail })}
          </Text>
        ))}
        {firstOfKind.map((c) => (
          <Text size="xs" key={c.kind}>
            {t(texts[c.kind].consequence)}
            {role === 'admin' && ` ${t(texts[c.kind].whatAdmin, { address: c.address })}`}
          </Text>
        ))}
        {role !== 'admin' && <Text size="xs">{t('channels.health.whatHead')}</Text>}
      </Stack>
    </Alert>
  );
}
