/**
 * Corrects what the ticket says: subject, description, the client's contact. Each changed field is
 * written to the timeline (the repository does it), so nothing typed before is lost; a refusal
 * shows next to its field and the form keeps what was typed.
 */
import { Alert, Button, Group, Modal, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  validateTicketText,
  type TicketText,
  type TicketTextErrors,
  type TicketTextField,
} from '#shared/domain/ticketTextValidation.ts';
import type { Ticket } from '#shared/schema/index.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { updateTicket } from '../../db/ticketRepository.ts';

export function EditTicketDialog({ ticket, opened, onClose }: { ticket: Ticket; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('ticket.edit.title')} size="lg">
      {opened && <EditForm ticket={ticket} onDone={onClose} />}
    </Modal>
  );
}

function textOf(ticket: Ticket): TicketText {
  return { subject: ticket.subject, description: ticket.description, contact: { ...ticket.contact } };
}

function EditForm({ ticket, onDone }: { ticket: Ticket; onDone(): void }) {
  const { t } = useTranslation();
  const { db, write } = useWorkspace();
  const [draft, setDraft] = useState<TicketText>(() => textOf(ticket));
  const [errors, setErrors] = useState<TicketTextErrors>({});
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const setContact = (k: keyof TicketText['contact'], v: string) =>
    setDraft((d) => ({ ...d, contact: { ...d.contact, [k]: v } }));
  const errorOf = (f: TicketTextField) => (errors[f] ? t(errors[f].key, errors[f].values ?? {}) : undefined);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const found = validateTicketText(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const trimmed = Object.fromEntries(Object.entries(draft.contact).map(([k, v]) => [k, v.trim()])) as TicketText['contact'];
      await updateTicket(
        db,
        ticket.id,
        { subject: draft.subject.trim(), description: draft.description.trim(), contact: trimmed },
        write,
      );
      onDone();
    } catch (err) {
      console.error('ticket edit failed', err);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const onCtrlEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
  };

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="edit-ticket-form" onKeyDown={onCtrlEnter}>
      <Stack gap="sm">
        <TextInput
          label={t('intake.field.subject')}
          withAsterisk
          value={draft.subject}
          onChange={(e) => setDraft({ ...draft, subject: e.currentTarget.value })}
          error={errorOf('subject')}
          data-autofocus
          data-testid="edit-subject"
        />
        <Textarea
          label={t('intake.field.description')}
          autosize
          minRows={3}
          maxRows={12}
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })}
          error={errorOf('description')}
          data-testid="edit-description"
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('intake.field.contactName')}
            value={draft.contact.name}
            onChange={(e) => setContact('name', e.currentTarget.value)}
            error={errorOf('contactName')}
          />
          <TextInput
            label={t('intake.field.phone')}
            value={draft.contact.phone}
            onChange={(e) => setContact('phone', e.currentTarget.value)}
            error={errorOf('phone')}
            data-testid="edit-phone"
          />
          <TextInput
            label={t('intake.field.email')}
            value={draft.contact.email}
            onChange={(e) => setContact('email', e.currentTarget.value)}
            error={errorOf('email')}
          />
          <TextInput
            label={t('intake.field.messenger')}
            value={draft.contact.messenger}
            onChange={(e) => setContact('messenger', e.currentTarget.value)}
            error={errorOf('messenger')}
          />
        </SimpleGrid>
        {failed && (
          <Alert color="red" p="xs" data-testid="edit-error">
            {t('ticket.errors.saveFailed')}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="edit-submit">
            {t('ticket.edit.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
