/**
 * One article draft waiting for the head: open it in the knowledge base, publish it, or send it
 * back to its author with what to change (it stays a draft, the comment shows on the article).
 */
import { Alert, Anchor, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '#shared/schema/index.ts';
import { returnKbDraft, setKbStatus } from '../../db/kbRepository.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useRouteStore } from '../../state/routeStore.ts';

export function KbDraftRow({ article, author }: { article: KbArticle; author: string }) {
  const { t } = useTranslation();
  const { db, write } = useWorkspace();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const act = async (what: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    try {
      await what();
      setFailed(false);
      return true;
    } catch (err) {
      console.error('KB draft decision failed', err);
      setFailed(true);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const publish = () => void act(() => setKbStatus(db, article.id, 'published', write));
  const giveBack = async () => {
    if (!comment.trim()) return;
    if (await act(() => returnKbDraft(db, article.id, comment, write))) setReturning(false);
  };

  return (
    <Table.Tr data-testid="kb-draft-row" data-article-id={article.id}>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Anchor
          component="button"
          size="sm"
          fw={600}
          onClick={() => useRouteStore.getState().go('kb', article.id)}
          data-testid="kb-draft-open"
        >
          {article.title}
        </Anchor>
        {article.summary && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {article.summary}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Text size="sm">{author}</Text>
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
        <Text size="sm">{formatDateTime(article.editedAt)}</Text>
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Group gap={6} wrap="nowrap">
          <Button size="xs" onClick={publish} loading={busy} data-testid="kb-draft-publish">
            {t('approvals.kbPublish')}
          </Button>
          <Button
            size="xs"
            variant="default"
            color="red"
            onClick={() => setReturning(true)}
            disabled={busy}
            data-testid="kb-draft-return"
          >
            {t('approvals.kbReturn')}
          </Button>
        </Group>
        {failed && !returning && (
          <Alert color="red" p={6} mt={6}>
            {t('approvals.kbFailed')}
          </Alert>
        )}
        <Modal opened={returning} onClose={() => setReturning(false)} title={t('approvals.kbReturnTitle')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('approvals.kbReturnHint')}
            </Text>
            <Textarea
              label={t('approvals.comment')}
              withAsterisk
              autosize
              minRows={3}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              data-autofocus
              data-testid="kb-draft-return-comment"
            />
            {failed && (
              <Alert color="red" p={6}>
                {t('approvals.kbFailed')}
              </Alert>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setReturning(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                onClick={() => void giveBack()}
                loading={busy}
                disabled={!comment.trim()}
                data-testid="kb-draft-return-submit"
              >
                {t('approvals.kbReturn')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      </Table.Td>
    </Table.Tr>
  );
}
