/**
 * Reads one article. The body is Markdown rendered by react-markdown with raw HTML skipped, so an
 * article cannot inject markup or scripts; links open in the system browser through the Host.
 */
import { Alert, Anchor, Badge, Group, ScrollArea, Stack, Text, Title, Typography } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '#shared/schema/index.ts';
import { useHost } from '../../services/hostContext.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { KbStatusBadge } from './KbStatusBadge.tsx';

const externalSchemes = /^(https?:|mailto:|tel:)/i;

function ExternalLink({ href, children }: { href?: string; children?: ReactNode }) {
  const host = useHost();
  const safe = href && externalSchemes.test(href) ? href : null;
  return (
    <Anchor
      href={safe ?? undefined}
      onClick={(e) => {
        e.preventDefault();
        if (safe) void host.openExternal(safe);
      }}
    >
      {children}
    </Anchor>
  );
}

const components: Components = {
  a: ({ href, children }) => <ExternalLink href={href}>{children}</ExternalLink>,
  // Images would load from the network; show their alt text as a link instead.
  img: ({ src, alt }) => <ExternalLink href={typeof src === 'string' ? src : undefined}>{alt || String(src ?? '')}</ExternalLink>,
};

export function KbArticleReader({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
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
          {article.tags.map((tag) => (
            <Badge key={tag} variant="outline" color="gray" size="sm" style={{ textTransform: 'none' }}>
              {tag}
            </Badge>
          ))}
          <Text size="xs" c="dimmed">
            {t('kb.edited', { date: formatDateTime(article.editedAt) })}
          </Text>
        </Group>
        {article.conflictDraft && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />} py={6}>
            {t('kb.conflictDraft')}
          </Alert>
        )}
        <Typography data-testid="kb-article-body">
          <Markdown skipHtml components={components}>
            {article.body}
          </Markdown>
        </Typography>
      </Stack>
    </ScrollArea>
  );
}
