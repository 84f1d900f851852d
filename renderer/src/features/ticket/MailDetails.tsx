/**
 * What a client's email carries besides its new text: the quoted history and signature (folded,
 * never lost), the attachments and the original message, downloaded on demand from the endpoint
 * (they are not replicated), and, on a failed reply, a way to send it again.
 */
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketEvent } from '#shared/schema/index.ts';
import { appendEvents } from '../../db/eventRepository.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';

interface Listed {
  id: string;
  name: string;
  size: number;
}

function parseList<T>(raw: unknown): T[] {
  if (typeof raw !== 'string') return [];
  try {
    const value = JSON.parse(raw) as unknown;
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} МБ` : `${Math.max(1, Math.round(bytes / 1024))} КБ`;

function useDownload() {
  const { api } = useWorkspace();
  const [error, setError] = useState<string | null>(null);
  const download = async (id: string, name: string) => {
    setError(null);
    try {
      const res = await api.fetch(`${api.baseUrl}/api/attachments/${encodeURIComponent(id)}`, { headers: api.headers() });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const url = URL.createObjectURL(await res.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return { download, error };
}

export function ClientMailDetails({ event }: { event: TicketEvent }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { download, error } = useDownload();
  const folded = typeof event.data.folded === 'string' ? event.data.folded : '';
  const attachments = parseList<Listed>(event.data.attachments);
  const refused = parseList<{ filename: string }>(event.data.refusedAttachments);
  const originalId = typeof event.data.originalId === 'string' ? event.data.originalId : '';
  return (
    <Stack gap={4} mt={4} data-testid="mail-details">
      {folded && (
        <>
          <Anchor component="button" size="xs" onClick={() => setOpen((o) => !o)} data-testid="mail-quote-toggle">
            {t(open ? 'ticket.composer.hideQuote' : 'ticket.composer.showQuote')}
          </Anchor>
          {open && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="mail-quote">
              {folded}
            </Text>
          )}
        </>
      )}
      {(attachments.length > 0 || originalId) && (
        <Group gap={6}>
          {attachments.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('ticket.composer.attachments')}:
            </Text>
          )}
          {attachments.map((a) => (
            <Button
              key={a.id}
              size="compact-xs"
              variant="default"
              leftSection={<IconDownload size={12} />}
              onClick={() => void download(a.id, a.name)}
              data-testid="mail-attachment"
            >
              {a.name} · {sizeText(a.size)}
            </Button>
          ))}
          {originalId && (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconDownload size={12} />}
              onClick={() => void download(originalId, 'original.eml')}
            >
              {t('ticket.composer.original')}
            </Button>
          )}
        </Group>
      )}
      {refused.length > 0 && (
        <Text size="xs" c="orange">
          {t('ticket.composer.refused', { names: refused.map((r) => r.filename).join(', ') })}
        </Text>
      )}
      {error && (
        <Alert color="red" p={4}>
          {t('ticket.composer.downloadFailed', { reason: error })}
        </Alert>
      )}
    </Stack>
  );
}

/** A failed reply: the agent asks the endpoint to send it again (a `delivery` event of state `retry`). */
export function RetryDelivery({ event }: { event: TicketEvent }) {
  const { t } = useTranslation();
  const { db, write } = useWorkspace();
  const [busy, setBusy] = useState(false);
  const replyId = typeof event.data.replyId === 'string' ? event.data.replyId : '';
  if (!replyId) return null;
  const retry = async () => {
    setBusy(true);
    try {
      await appendEvents(
        db,
        event.ticketId,
        [{ kind: 'delivery', public: false, body: '', data: { replyId, state: 'retry' } }],
        write,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      mt={4}
      size="compact-xs"
      variant="light"
      color="orange"
      leftSection={<IconRefresh size={12} />}
      loading={busy}
      onClick={() => void retry()}
      data-testid="delivery-retry"
    >
      {t('ticket.composer.retry')}
    </Button>
  );
}
