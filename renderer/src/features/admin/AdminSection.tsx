/**
 * «Администрирование» (the admin only): accounts, intake API keys, channel connectors and the
 * audit trail, through the endpoint's admin routes (docs/admin.md); it needs the connection.
 */
import { Alert, ScrollArea, Stack, Tabs, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useConnectionStore } from '../../state/connectionStore.ts';
import { AccountsPanel } from './AccountsPanel.tsx';
import { adminApi } from './adminApi.ts';
import { ApiKeysPanel } from './ApiKeysPanel.tsx';
import { AuditPanel } from './AuditPanel.tsx';
import { ChannelsPanel } from './ChannelsPanel.tsx';

export function AdminSection() {
  const { t } = useTranslation();
  const { session, api } = useWorkspace();
  const online = useConnectionStore((s) => s.state === 'online');
  const admin = useMemo(() => adminApi(api), [api]);

  if (session.agent.role !== 'admin') {
    return (
      <Stack p="md" data-testid="section-admin">
        <Title order={3}>{t('admin.title')}</Title>
        <Alert color="gray">{t('admin.forbidden')}</Alert>
      </Stack>
    );
  }
  return (
    <ScrollArea h="100%" data-testid="section-admin">
      <Stack p="md" gap="md">
        <Title order={3}>{t('admin.title')}</Title>
        {!online && <Alert color="orange">{t('admin.offline')}</Alert>}
        <Tabs defaultValue="accounts" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="accounts" data-testid="admin-tab-accounts">
              {t('admin.tabs.accounts')}
            </Tabs.Tab>
            <Tabs.Tab value="keys" data-testid="admin-tab-keys">
              {t('admin.tabs.keys')}
            </Tabs.Tab>
            <Tabs.Tab value="channels" data-testid="admin-tab-channels">
              {t('admin.tabs.channels')}
            </Tabs.Tab>
            <Tabs.Tab value="audit" data-testid="admin-tab-audit">
              {t('admin.tabs.audit')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="accounts" pt="md">
            <AccountsPanel admin={admin} myId={session.agent.id} />
          </Tabs.Panel>
          <Tabs.Panel value="keys" pt="md">
            <ApiKeysPanel admin={admin} />
          </Tabs.Panel>
          <Tabs.Panel value="channels" pt="md">
            <ChannelsPanel admin={admin} />
          </Tabs.Panel>
          <Tabs.Panel value="audit" pt="md">
            <AuditPanel admin={admin} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </ScrollArea>
  );
}
