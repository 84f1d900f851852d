/**
 * Sign-out asks first. With nothing waiting, the workspace's data stays for the next sign-in (of
 * any agent); with unsent changes or sync problems it is removed with them, and the dialog says
 * how many changes would be lost (services/session/workspace.ts, releaseLocalData).
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { useConnectionStore } from '../../state/connectionStore.ts';
import { useWorkspaceStore } from '../../services/session/workspaceStore.ts';
import { useHost } from '../../services/hostContext.ts';

const useSignOut = create<{ open: boolean }>(() => ({ open: false }));

export function openSignOut(): void {
  useSignOut.setState({ open: true });
}

export function SignOutDialog() {
  const { t } = useTranslation();
  const host = useHost();
  const open = useSignOut((s) => s.open);
  const pending = useConnectionStore((s) => s.pending);
  const problems = useConnectionStore((s) => s.problems);
  const keeps = pending === 0 && problems === 0;
  const [busy, setBusy] = useState(false);
  const close = () => useSignOut.setState({ open: false });
  return (
    <Modal opened={open} onClose={close} title={t('shell.signout.title')}>
      <Stack>
        <Text size="sm">{keeps ? t('shell.signout.bodyKeep') : t('shell.signout.body')}</Text>
        {pending > 0 && (
          <Text size="sm" c="red" fw={600}>
            {t('shell.signout.bodyPending', { count: pending })}
          </Text>
        )}
        {problems > 0 && (
          <Text size="sm" c="red" fw={600}>
            {t('shell.signout.bodyProblems', { count: problems })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={busy}
            data-testid="signout-confirm"
            onClick={async () => {
              setBusy(true);
              await useWorkspaceStore.getState().signOut(host);
              setBusy(false);
              close();
            }}
          >
            {keeps ? t('shell.signout.confirmKeep') : t('shell.signout.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
