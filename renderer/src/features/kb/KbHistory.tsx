/**
 * An article's earlier versions, asked of the endpoint when opened (versions are not
 * replicated): who stored each and when, its text as it was, and for the head a way to bring
 * one back, saved as a new version in the head's name so nothing in between is lost.
 * Keyboard: ↑ ↓ choose a version in the list, Esc closes.
 */
import { Alert, Button, Group, Modal, NavLink, ScrollArea, Stack, Text, Title, Typography } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isKbHead } from '#shared/domain/kbRules.ts';
import type { KbArticle } from '#shared/schema/index.ts';
import { updateKbArticle } from '../../db/kbRepository.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { KbMarkdown } from './KbMarkdown.tsx';
import { useStaffNames } from './kbQueries.ts';

interface Version {
  updatedAt: number;
  signedBy: string;
  article: KbArticle;
}

type Loaded = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; versions: Version[] };

export function KbHistory({ article, onClose }: { article: KbArticle; onClose(): void }) {
  const { t } = useTranslation();
  const { api, db, write } = useWorkspace();
  const names = useStaffNames(db);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [chosen, setChosen] = useState(0);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api
      .request<{ versions: Version[] }>('GET', `/api/kb/${encodeURIComponent(article.id)}/versions`)
      .then((answer) => !cancelled && setLoaded({ status: 'ready', versions: answer.versions }))
      .catch((error: unknown) => {
        console.warn('KB versions unavailable', error);
        if (!cancelled) setLoaded({ status: 'failed' });
      });
    return () => {
      cancelled = true;
    };
  }, [api, article.id, article.updatedAt]);

  const versions = loaded.status === 'ready' ? loaded.versions : [];
  const version = versions[Math.min(chosen, versions.length - 1)];
  const restore = async () => {
    if (!version) return;
    const v = version.article;
    await updateKbArticle(
      db,
      article.id,
      {
        title: v.title,
        body: v.body,
        product: v.product,
        tags: v.tags,
        category: v.category ?? null,
        symptoms: v.symptoms ?? [],
      },
      write,
    );
    setRestored(true);
  };
  const who = (id: string) => names.get(id) ?? (id || '—');

  return (
    <Modal opened onClose={onClose} size="xl" title={t('kb.history.title')} data-testid="kb-history">
      {loaded.status === 'loading' && <Text size="sm">{t('kb.history.loading')}</Text>}
      {loaded.status === 'failed' && (
        <Alert color="yellow" p="xs" data-testid="kb-history-failed">
          {t('kb.history.failed')}
        </Alert>
      )}
      {loaded.status === 'ready' && versions.length === 0 && <Text size="sm">{t('kb.history.empty')}</Text>}
      {version && (
        <Group align="flex-start" wrap="nowrap" gap="md">
          <ScrollArea.Autosize mah={420} w={260} type="auto">
            <Stack gap={0} role="listbox" aria-label={t('kb.history.title')} data-testid="kb-history-list">
              {versions.map((v, i) => (
                <NavLink
                  key={v.updatedAt}
                  active={v === version}
                  role="option"
                  aria-selected={v === version}
                  onClick={() => setChosen(i)}
                  onKeyDown={(e) => {
                    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                      e.preventDefault();
                      const next = Math.max(0, Math.min(versions.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)));
                      setChosen(next);
                      (e.currentTarget.parentElement?.children[next] as HTMLElement | undefined)?.focus();
                    }
                  }}
                  label={t('kb.history.version', { date: formatDateTime(v.article.editedAt), who: who(v.article.editedBy) })}
                  description={`${t(`kb.status.${v.article.status}`)}${i === 0 ? ` · ${t('kb.history.current')}` : ''}`}
                  data-testid="kb-history-version"
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
            <Title order={4} data-testid="kb-history-title">
              {version.article.title}
            </Title>
            <ScrollArea.Autosize mah={360} type="auto">
              <Typography data-testid="kb-history-body">
                <KbMarkdown>{version.article.body}</KbMarkdown>
              </Typography>
            </ScrollArea.Autosize>
            {restored && (
              <Alert color="green" p="xs" data-testid="kb-history-restored">
                {t('kb.history.restored')}
              </Alert>
            )}
            <Group gap="xs">
              {isKbHead(write.actor.role) && version !== versions[0] && (
                <Button size="xs" onClick={() => void restore()} data-testid="kb-history-restore">
                  {t('kb.history.restore')}
                </Button>
              )}
              <Button size="xs" variant="default" onClick={onClose}>
                {t('kb.history.close')}
              </Button>
            </Group>
          </Stack>
        </Group>
      )}
    </Modal>
  );
}
