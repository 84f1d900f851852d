/** The section in front of the manager, chosen by the route. */
import { Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AdminSection } from '../features/admin/index.ts';
import { ApprovalsSection } from '../features/approvals/index.ts';
import { ArchiveSection } from '../features/archive/index.ts';
import { ClientPage } from '../features/clients/index.ts';
import { KbSection } from '../features/kb/index.ts';
import { SyncProblemsSection } from '../features/problems/index.ts';
import { QueueSection } from '../features/queue/index.ts';
import { ReportsSection } from '../features/reports/index.ts';
import { ScriptsSection } from '../features/scripts/index.ts';
import { SettingsSection } from '../features/settings/index.ts';
import { useRouteStore, type Section } from '../state/routeStore.ts';

/** A section not built yet: named, reachable, and honest about it. */
function Later({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <Center h="100%" data-testid={`section-${section}`}>
      <Stack align="center" gap={4}>
        <Title order={4}>{t(`shell.nav.${section}`)}</Title>
        <Text c="dimmed" size="sm">
          {t('shell.placeholder.later')}
        </Text>
      </Stack>
    </Center>
  );
}

export function SectionView() {
  const section = useRouteStore((s) => s.section);
  const itemId = useRouteStore((s) => s.itemId);
  switch (section) {
    case 'queue':
      return <QueueSection />;
    case 'kb':
      return <KbSection />;
    case 'scripts':
      return <ScriptsSection />;
    case 'approvals':
      return <ApprovalsSection />;
    case 'problems':
      return <SyncProblemsSection />;
    case 'settings':
      return <SettingsSection />;
    case 'reports':
      return <ReportsSection />;
    case 'archive':
      return <ArchiveSection />;
    case 'clients':
      return itemId ? <ClientPage clientId={itemId} /> : <Later section={section} />;
    case 'admin':
      return <AdminSection />;
    default:
      return <Later section={section} />;
  }
}
