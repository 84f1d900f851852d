/** Picks the KB article a resolution links to: search existing articles, or draft one from the ticket. */
import { Alert, Badge, Button, Group, Paper, NavLink, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconFilePlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickKbArticles } from '#shared/domain/kbForTicket.ts';
import type { KbArticle, Ticket } from '#shared/schema/index.ts';
import { createKbDraftFromTicket } from '../../db/kbRepository.ts';
import { openKbEditor } from '../kb/index.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useAllKbArticles } from './ticketQueries.ts';

export function KbPicker({
  ticket,
  summary,
  value,
  onChange,
}: {
  ticket: Ticket;
  summary: string;
  value: string;
  onChange(id: string): void;
}) {
  const { t } = useTranslation();
  const { db, write } = useWorkspace();
  const articles = useAllKbArticles(db);
  const [query, setQuery] = useState(ticket.subject);
  const [failed, setFailed] = useState(false);
  const chosen: KbArticle | undefined = articles.find((a) => a.id === value);

  const draft = async () => {
    try {
      const article = await createKbDraftFromTicket(db, ticket, summary, write);
      setFailed(false);
      onChange(article.id);
    } catch (err) {
      console.error('KB draft failed', err);
      setFailed(true);
    }
  };

  if (value) {
    return (
      <Paper withBorder p="xs" data-testid="kb-linked">
        <Group justify="space-between" wrap="nowrap">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {t('ticket.dialogs.resolve.linked')}
            </Text>
            <Group gap={6}>
              <Text size="sm" fw={600} data-testid="kb-linked-title">
                {chosen?.title ?? value}
              </Text>
              {chosen?.status === 'draft' && (
                <Badge size="xs" variant="light" color="yellow">
                  {t('ticket.dialogs.resolve.draft')}
                </Badge>
              )}
            </Group>
          </Stack>
          <Group gap={4} wrap="nowrap">
            <Button variant="subtle" onClick={() => openKbEditor(value)} data-testid="kb-improve">
              {t('ticket.dialogs.resolve.improve')}
            </Button>
            <Button variant="subtle" onClick={() => onChange('')} data-testid="kb-unlink">
              {t('ticket.dialogs.resolve.unlink')}
            </Button>
          </Group>
        </Group>
      </Paper>
    );
  }

  const matches = pickKbArticles(articles, query, 6);
  return (
    <Stack gap={6}>
      <TextInput
        label={t('ticket.dialogs.resolve.search')}
        placeholder={t('ticket.dialogs.resolve.searchPlaceholder')}
        leftSection={<IconSearch size={14} />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        data-testid="kb-search"
      />
      <ScrollArea.Autosize mah={180}>
        <Stack gap={2} data-testid="kb-results">
          {matches.length === 0 && (
            <Text size="xs" c="dimmed">
              {t('ticket.dialogs.resolve.noMatches')}
            </Text>
          )}
          {matches.map((a) => (
            <NavLink
              key={a.id}
              component="button"
              onClick={() => onChange(a.id)}
              label={a.title}
              rightSection={
                a.status === 'draft' ? (
                  <Badge size="xs" variant="light" color="yellow">
                    {t('ticket.dialogs.resolve.draft')}
                  </Badge>
                ) : null
              }
              py={4}
              data-testid="kb-result"
            />
          ))}
        </Stack>
      </ScrollArea.Autosize>
      <Button
        variant="light"
        leftSection={<IconFilePlus size={14} />}
        onClick={() => void draft()}
        data-testid="kb-create-draft"
        style={{ alignSelf: 'flex-start' }}
      >
        {t('ticket.dialogs.resolve.createDraft')}
      </Button>
      {failed && (
        <Alert color="red" p="xs">
          {t('ticket.errors.saveFailed')}
        </Alert>
      )}
    </Stack>
  );
}
