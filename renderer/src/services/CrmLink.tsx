/**
 * The link from a client card to its company in the CRM, opened in the system's browser through
 * the host. The directory sync sets the link (server/channels/bitrix24); a card the CRM does not
 * know shows nothing.
 */
import { Anchor } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { map } from 'rxjs';
import { useTranslation } from 'react-i18next';
import type { Client } from '#shared/schema/index.ts';
import type { DeskDatabase } from '../db/database.ts';
import { useObservable } from '../db/useObservable.ts';
import { useHost } from './hostContext.ts';

/** The CRM link of a card, live (null while it loads, and for a card the CRM does not know). */
export function useCrmLinkOf(db: DeskDatabase, clientId: string | null): Client['crm'] {
  return useObservable(
    () =>
      db.clients
        .find({ selector: { id: { $in: clientId ? [clientId] : [] } } })
        .$.pipe(map((docs) => (docs[0]?.toJSON() as Client | undefined)?.crm ?? null)),
    [db, clientId],
    null,
  );
}

export function CrmLink({ crm, size = 'xs' }: { crm: Client['crm']; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const host = useHost();
  if (!crm) return null;
  return (
    <Anchor
      href={crm.url}
      size={size}
      data-testid="client-crm-link"
      onClick={(e) => {
        e.preventDefault();
        void host.openExternal(crm.url);
      }}
    >
      <IconExternalLink size={12} style={{ verticalAlign: 'middle', marginRight: 4 }} aria-hidden />
      {t('clients.crmLink')}
    </Anchor>
  );
}
