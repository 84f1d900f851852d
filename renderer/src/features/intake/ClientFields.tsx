/** Who is calling: organisation and site from the directory (or new ones), and the contact. */
import { Autocomplete, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconAt, IconBuilding, IconMapPin, IconMessageCircle, IconPhone, IconUser } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '#shared/schema/index.ts';
import { sitesFor, type ClientMatch } from './clientMatch.ts';
import { useIntakeDraft } from './intakeDraft.ts';
import type { IntakeErrors } from './intakeValidation.ts';

interface Props {
  clients: readonly Client[];
  match: ClientMatch;
  message(field: keyof IntakeErrors): string | undefined;
}

const unique = (names: string[]) => [...new Set(names)].sort((a, b) => a.localeCompare(b, 'ru'));

export function ClientFields({ clients, match, message }: Props) {
  const { t } = useTranslation();
  const draft = useIntakeDraft((s) => s.draft);
  const { patch, patchContact } = useIntakeDraft.getState();
  const organizations = useMemo(() => unique(clients.filter((c) => c.kind === 'organization').map((c) => c.name)), [clients]);
  const sites = useMemo(() => unique(sitesFor(match.organization, clients).map((c) => c.name)), [clients, match.organization]);
  const orgDescription = match.newOrganization ? t('intake.newOrganization') : undefined;
  const siteDescription = match.newSite
    ? t('intake.newSite')
    : match.site && match.organization && !draft.organizationName.trim()
      ? t('intake.siteOf', { name: match.organization.name })
      : undefined;

  return (
    <Stack gap="xs">
      <Autocomplete
        label={t('intake.field.organization')}
        placeholder={t('intake.placeholder.organization')}
        data={organizations}
        value={draft.organizationName}
        onChange={(organizationName) => patch({ organizationName })}
        limit={12}
        size="xs"
        leftSection={<IconBuilding size={15} />}
        description={orgDescription}
        error={message('organizationName')}
        data-autofocus
        data-testid="intake-organization"
      />
      <Autocomplete
        label={t('intake.field.site')}
        placeholder={t('intake.placeholder.site')}
        data={sites}
        value={draft.siteName}
        onChange={(siteName) => patch({ siteName })}
        limit={12}
        size="xs"
        leftSection={<IconMapPin size={15} />}
        description={siteDescription}
        error={message('siteName')}
        data-testid="intake-site"
      />
      <TextInput
        label={t('intake.field.contactName')}
        placeholder={t('intake.placeholder.contactName')}
        value={draft.contact.name}
        onChange={(e) => patchContact({ name: e.currentTarget.value })}
        leftSection={<IconUser size={15} />}
        error={message('contactName')}
        data-testid="intake-contact-name"
      />
      <SimpleGrid cols={2} spacing="xs">
        <TextInput
          label={t('intake.field.phone')}
          placeholder={t('intake.placeholder.phone')}
          value={draft.contact.phone}
          onChange={(e) => patchContact({ phone: e.currentTarget.value })}
          leftSection={<IconPhone size={15} />}
          error={message('phone')}
          type="tel"
          data-testid="intake-contact-phone"
        />
        <TextInput
          label={t('intake.field.email')}
          placeholder={t('intake.placeholder.email')}
          value={draft.contact.email}
          onChange={(e) => patchContact({ email: e.currentTarget.value })}
          leftSection={<IconAt size={15} />}
          error={message('email')}
          data-testid="intake-contact-email"
        />
      </SimpleGrid>
      <TextInput
        label={t('intake.field.messenger')}
        placeholder={t('intake.placeholder.messenger')}
        value={draft.contact.messenger}
        onChange={(e) => patchContact({ messenger: e.currentTarget.value })}
        leftSection={<IconMessageCircle size={15} />}
        error={message('messenger')}
        data-testid="intake-contact-messenger"
      />
    </Stack>
  );
}
