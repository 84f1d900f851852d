/**
 * Reads one article. The body is Markdown rendered by react-markdown with raw HTML skipped, so an
 * article cannot inject markup or scripts; links open in the system browser through the Host.
 */
import { Alert, Badge, Group, List, ScrollArea, Stack, Text, Title, Typography } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '#shared/schema/index.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { KbArticleActions } from './KbArticleActions.tsx';
import { KbMarkdown } from './KbMarkdown.tsx';
import { useStaffNames } from './kbQueries.ts';
import { KbStatusBadge } from './KbStatusBadge.tsx';

interface Props {
  article: KbArticle;
  onEdit?: () => void;
  onHistory?: () => void;
}

export function KbArticleReader({ article, onEdit, onHistory }: Props) {
  const { t } = useTranslation();
  const { db } = useWorkspace();
  const names = useStaffNames(db);
  return (
    <ScrollArea
      h="100%"
      data-testid="kb-article"
      data-article-id={article.id}
      // Nothing in an article may take focus: the reader itself does, so the arrows scroll it.
      viewportProps={{ tabIndex: 0, 'aria-label': article.title }}
    >
      <Stack gap="xs" p="md" maw={860}>
        <Title order={3} data-testid="kb-article-title">
          {article.title}
        </Title>
        <Group gap={6}>
          <KbStatusBadge status={article.status} />
          <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
            {article.product ? t(`common.product.${article.product}`) : t('kb.commonArticle')}
          </Badge>
          {article.category && (
            <Badge variant="light" color="indigo" style={{ textTransform: 'none' }} data-testid="kb-article-category">
              {article.category}
            </Badge>
          )}
          {article.tags.map((tag) => (
            <Badge key={tag} variant="outline" color="gray" size="sm" style={{ textTransform: 'none' }}>
              {tag}
            </Badge>
          ))}
          <Text size="xs" c="dimmed">
            {t('kb.edited', { date: formatDateTime(article.editedAt) })}
          </Text>
        </Group>
        {onEdit && <KbArticleActions article={article} onEdit={onEdit} onHistory={onHistory} />}
        {/* The head's comment stands until the draft is edited after it (then it waits for the head again). */}
        {article.status === 'draft' && article.returned && article.editedAt <= article.returned.at && (
          <Alert color="orange" variant="light" py={6} data-testid="kb-returned">
            {t('kb.returned', {
              who: names.get(article.returned.by) ?? article.returned.by,
              date: formatDateTime(article.returned.at),
              comment: article.returned.comment,
            })}
          </Alert>
        )}
        {article.conflictDraft && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />} py={6} data-testid="kb-conflict-alert">
            {t('kb.conflictDraft')}
          </Alert>
        )}
        {article.symptoms.length > 0 && (
          <Stack gap={2} data-testid="kb-article-symptoms">
            <Text size="sm" fw={600}>
              {t('kb.symptoms')}
            </Text>
            <List size="sm">
              {article.symptoms.map((s) => (
                <List.Item key={s}>«{s}»</List.Item>
              ))}
            </List>
          </Stack>
        )}
        <Typography data-testid="kb-article-body">
          <KbMarkdown>{article.body}</KbMarkdown>
        </Typography>
      </Stack>
    </ScrollArea>
  );
}
