/** The local database would not open: offer to rebuild it from the server. */
import { Button, Center, Code, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspaceStore } from '../services/session/workspaceStore.ts';
import { useHost } from '../services/hostContext.ts';

export function DbErrorScreen() {
  const { t } = useTranslation();
  const host = useHost();
  const detail = useWorkspaceStore((s) => s.dbError);
  const [busy, setBusy] = useState(false);
  return (
    <Center h="100%">
      <Paper withBorder p="xl" w={520}>
        <Stack>
          <Title order={1} size="h3">
            {t('shell.dbError.title')}
          </Title>
          <Text>{t('shell.dbError.body')}</Text>
          {detail && <Code block>{t('shell.dbError.detail', { detail })}</Code>}
          <Button
            loading={busy}
            onClick={async () => {
              setBusy(true);
              await useWorkspaceStore.getState().rebuildLocalDatabase(host);
              setBusy(false);
            }}
          >
            {t('shell.dbError.rebuild')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
