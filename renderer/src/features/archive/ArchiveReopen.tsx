/**
 * Reopening a found ticket, where the workflow allows it (reopenOffer.ts), with the reason asked
 * for as in the queue; otherwise a line saying why only a new linked ticket is offered.
 */
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconRotate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '#shared/schema/index.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { ApiRequestError } from '../../sync/apiClient.ts';
import { reopenFromArchive } from './archiveActions.ts';
import { reopenOffer } from './reopenOffer.ts';

type Step = { state: 'idle' } | { state: 'asking' } | { state: 'sending' } | { state: 'failed'; message: string };

export function ArchiveReopen({
  ticket,
  kept,
  onReopened,
}: {
  ticket: Ticket;
  /** The desk keeps the ticket: it is reopened locally, offline too. */
  kept: boolean;
  /** `remote`: reopened by the endpoint, to arrive through sync. */
  onReopened: (remote: boolean) => void;
}) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [step, setStep] = useState<Step>({ state: 'idle' });
  const [reason, setReason] = useState('');
  const offer = reopenOffer(ticket, ws.write.actor);

  if (offer === 'open') return null;
  if (offer === 'final' || offer === 'notYours') {
    return (
      <Text size="sm" c="dimmed" data-testid="archive-reopen-unavailable" data-reason={offer}>
        {t(offer === 'final' ? 'archive.reopen.final' : 'archive.reopen.notYours')}
      </Text>
    );
  }

  const send = async () => {
    setStep({ state: 'sending' });
    try {
      const result = await reopenFromArchive(ws, ticket.id, reason.trim());
      if (!result.ok) {
        setStep({ state: 'failed', message: t(`ticket.errors.${result.error.code}`) });
        return;
      }
      setStep({ state: 'idle' });
      onReopened('remote' in result);
    } catch (err) {
      const message =
        err instanceof ApiRequestError && err.kind === 'network'
          ? t('archive.reopen.offline')
          : t('archive.reopen.failed', { message: err instanceof Error ? err.message : String(err) });
      setStep({ state: 'failed', message });
    }
  };

  if (step.state === 'idle') {
    return (
      <Group>
        <Button
          variant="light"
          color="orange"
          leftSection={<IconRotate size={15} />}
          onClick={() => setStep({ state: 'asking' })}
          data-testid="archive-reopen"
        >
          {t('archive.reopen.action')}
        </Button>
        <Text size="sm" c="dimmed">
          {t(kept ? 'archive.reopen.hintKept' : 'archive.reopen.hintRemote')}
        </Text>
      </Group>
    );
  }
  return (
    <Stack gap="xs" maw={640}>
      <Textarea
        label={t('archive.reopen.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
        autoFocus
        data-testid="archive-reopen-reason"
      />
      {step.state === 'failed' && (
        <Alert color="red" data-testid="archive-reopen-error">
          {step.message}
        </Alert>
      )}
      <Group gap="xs">
        <Button
          color="orange"
          onClick={() => void send()}
          loading={step.state === 'sending'}
          disabled={reason.trim() === ''}
          data-testid="archive-reopen-confirm"
        >
          {t('archive.reopen.confirm')}
        </Button>
        <Button variant="subtle" onClick={() => setStep({ state: 'idle' })}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
