/**
 * The moves on an open article: edit and its version history (anyone), publish / archive / back
 * to drafts (the head).
 */
import { Alert, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kbStatusMoves } from '#shared/domain/kbRules.ts';
import type { KbArticle } from '#shared/schema/index.ts';
import { setKbStatus } from '../../db/kbRepository.ts';
import { shortcutLabel } from '../../services/commands.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';

const moveLabel = { published: 'kb.actions.publish', archived: 'kb.actions.archive', draft: 'kb.actions.draft' } as const;

interface Props {
  article: KbArticle;
  onEdit(): void;
  onHistory?: () => void;
}

export function KbArticleActions({ article, onEdit, onHistory }: Props) {
  const { t } = useTranslation();
  const { db, write } = useWorkspace();
  const [failed, setFailed] = useState(false);
  const move = async (status: KbArticle['status']) => {
    try {
      await setKbStatus(db, article.id, status, write);
      setFailed(false);
    } catch (err) {
      console.error('KB status change failed', err);
      setFailed(true);
    }
  };
  return (
    <Group gap={6}>
      <Button size="xs" variant="default" onClick={onEdit} data-testid="kb-edit">
        {article.conflictDraft ? t('kb.actions.resolveConflict') : t('kb.actions.edit')} ({shortcutLabel('alt+i')})
      </Button>
      {onHistory && (
        <Button size="xs" variant="default" onClick={onHistory} data-testid="kb-history-open">
          {t('kb.history.open')} ({shortcutLabel('alt+h')})
        </Button>
      )}
      {kbStatusMoves(write.actor.role, article.status).map((status) => (
        <Button
          key={status}
          size="xs"
          variant={status === 'published' ? 'filled' : 'light'}
          color={status === 'archived' ? 'gray' : undefined}
          onClick={() => void move(status)}
          data-testid={`kb-status-${status}`}
        >
          {t(moveLabel[status])}
        </Button>
      ))}
      {failed && (
        <Alert color="red" p={4}>
          {t('kb.actions.statusFailed')}
        </Alert>
      )}
    </Group>
  );
}
