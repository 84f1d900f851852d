/**
 * One article draft waiting for the head: open it in the knowledge base, publish it, or send it
 * back to its author with what to change (it stays a draft, the comment shows on the article).
 */
import { Anchor, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '#shared/schema/index.ts';
import { returnKbDraft, setKbStatus } from '../../db/kbRepository.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { DecisionRow } from './DecisionRow.tsx';

export function KbDraftRow({ article, author }: { article: KbArticle; author: string }) {
  const { t } = useTranslation();
  const { db, write } = useWorkspace();
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

  return (
    <DecisionRow
      testId="kb-draft"
      rowData={{ 'data-article-id': article.id }}
      approveLabel={t('approvals.kbPublish')}
      approveTestId="kb-draft-publish"
      returnLabel={t('approvals.kbReturn')}
      returnTitle={t('approvals.kbReturnTitle')}
      returnHint={t('approvals.kbReturnHint')}
      size="xs"
      busy={busy}
      error={failed ? t('approvals.kbFailed') : null}
      onApprove={publish}
      onReturn={(comment) => act(() => returnKbDraft(db, article.id, comment, write))}
    >
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
    </DecisionRow>
  );
}
