/**
 * Links the ticket to a client of the directory: the organisation, and one of its contacts if the
 * manager knows who wrote. For a Telegram chat the link is remembered: the chat's next tickets come
 * with this client filled in (the endpoint reads it from the chat's latest linked ticket). The
 * endpoint refuses the change where the manager may not edit the ticket, as it does any edit.
 */
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, Ticket } from '#shared/schema/index.ts';
import { updateTicket } from '../../db/ticketRepository.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useClientDirectory } from '../intake/index.ts';

interface LinkClientDialogProps {
  ticket: Ticket;
  /** The ticket came from a Telegram chat: the link is remembered for the chat. */
  fromChat: boolean;
  opened: boolean;
  onClose(): void;
}

export function LinkClientDialog({ ticket, fromChat, opened, onClose }: LinkClientDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('ticket.link.title')} size="md">
      {opened && <LinkForm ticket={ticket} fromChat={fromChat} onDone={onClose} />}
    </Modal>
  );
}

/** A contact's place in its organisation's list, as the select's value. */
const contactValue = (i: number) => String(i);

function LinkForm({ ticket, fromChat, onDone }: { ticket: Ticket; fromChat: boolean; onDone(): void }) {
  const { t } = useTranslation();
  const { db, write } = useWorkspace();
  const directory = useClientDirectory(db);
  const organizations = (directory ?? [])
    .filter((c) => c.kind === 'organization')
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  const [orgId, setOrgId] = useState<string | null>(ticket.clientId);
  const [contact, setContact] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const org: Client | undefined = organizations.find((c) => c.id === orgId);
  const contacts = org?.contacts ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!org) {
      setMissing(true);
      return;
    }
    const chosen = contact === null ? undefined : contacts[Number(contact)];
    setBusy(true);
    try {
      await updateTicket(
        db,
        ticket.id,
        {
          clientId: org.id,
          organizationName: org.name,
          ...(org.id === ticket.clientId ? {} : { siteId: null, siteName: '' }),
          ...(chosen ? { contact: { ...ticket.contact, name: chosen.name, phone: chosen.phone, email: chosen.email } } : {}),
        },
        write,
      );
      onDone();
    } catch (err) {
      console.error('ticket link failed', err);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="link-client-form">
      <Stack gap="sm">
        <Select
          label={t('ticket.link.organization')}
          placeholder={t('ticket.link.organizationPlaceholder')}
          data={organizations.map((c) => ({ value: c.id, label: c.city ? `${c.name} · ${c.city}` : c.name }))}
          value={orgId}
          onChange={(v) => {
            setOrgId(v);
            setContact(null);
            setMissing(false);
          }}
          searchable
          withAsterisk
          // Until the directory is read the list stays closed rather than saying nothing was found.
          nothingFoundMessage={directory ? t('ticket.link.nothingFound') : undefined}
          error={missing ? t('ticket.link.organizationRequired') : undefined}
          data-autofocus
          data-testid="link-organization"
        />
        <Select
          label={t('ticket.link.contact')}
          placeholder={t(contacts.length > 0 ? 'ticket.link.contactKeep' : 'ticket.link.noContacts')}
          data={contacts.map((c, i) => ({
            value: contactValue(i),
            label: [c.name, c.role, c.phone || c.email].filter(Boolean).join(' · '),
          }))}
          value={contact}
          onChange={setContact}
          disabled={contacts.length === 0}
          searchable
          clearable
          data-testid="link-contact"
        />
        {fromChat && (
          <Text size="xs" c="dimmed" data-testid="link-remembered">
            {t('ticket.link.remembered', { chat: ticket.contact.messenger || ticket.contact.name })}
          </Text>
        )}
        {failed && (
          <Alert color="red" p="xs" data-testid="link-error">
            {t('ticket.errors.saveFailed')}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="link-submit">
            {t('ticket.link.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
