/** Calm banners above the section: offline (never a blocking dialog), session expired, a failing channel. */
import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { IconCloudOff, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelHealthBanner } from '../features/channels/index.ts';
import { useConnectionStore } from '../state/connectionStore.ts';
import { useWorkspaceStore } from '../services/session/workspaceStore.ts';
import { SignInForm } from './SignInScreen.tsx';

export function Banners() {
  const { t } = useTranslation();
  const state = useConnectionStore((s) => s.state);
  const expired = useWorkspaceStore((s) => s.expired);
  const [signIn, setSignIn] = useState(false);
  return (
    <>
      {state === 'offline' && !expired && (
        <Alert color="gray" variant="light" radius={0} py={6} icon={<IconCloudOff size={16} />} data-testid="offline-banner">
          <Text size="xs">{t('shell.status.offlineBanner')}</Text>
        </Alert>
      )}
      {expired && (
        <Alert color="orange" variant="light" radius={0} py={6} icon={<IconLock size={16} />} data-testid="expired-banner">
          <Group justify="space-between">
            <Text size="xs">{t('shell.status.expired')}</Text>
            <Button size="compact-xs" onClick={() => setSignIn(true)}>
              {t('shell.status.signInAgain')}
            </Button>
          </Group>
        </Alert>
      )}
      {!expired && <ChannelHealthBanner />}
      <Modal opened={signIn} onClose={() => setSignIn(false)} title={t('shell.signin.title')}>
        <SignInForm onDone={() => setSignIn(false)} />
      </Modal>
    </>
  );
}
