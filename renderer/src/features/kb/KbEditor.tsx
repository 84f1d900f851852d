/**
 * Writing an article: title, product, category, tags, the symptoms clients describe (one per
 * line) and the Markdown body with its live preview side by side. A new article is a draft (the head publishes it); an edit is signed by its writer.
 * With a conflict draft, the other desk's text stands beside the current one: take either, or
 * merge by hand in the editor, and saving clears the conflict. Keyboard: Ctrl+Enter saves, Esc
 * cancels.
 */
import {
  Alert,
  Autocomplete,
  Button,
  Group,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cleanTags } from '#shared/domain/kbRules.ts';
import { products, type Product } from '#shared/vocabulary/enums.ts';
import type { KbArticle } from '#shared/schema/index.ts';
import { createKbArticle, updateKbArticle } from '../../db/kbRepository.ts';
import { shortcutLabel } from '../../services/commands.ts';
import { ConflictVersions } from '../../services/ConflictVersions.tsx';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { KbMarkdown } from './KbMarkdown.tsx';

interface Props {
  /** The article to edit; null writes a new one. */
  article: KbArticle | null;
  /** Categories already in use, offered while typing one. */
  categories: readonly string[];
  onDone(id: string | null): void;
}

export function KbEditor({ article, categories, onDone }: Props) {
  const { t } = useTranslation();
  const { db, write } = useWorkspace();
  const [title, setTitle] = useState(article?.title ?? '');
  const [product, setProduct] = useState<Product | null>(article?.product ?? null);
  const [tags, setTags] = useState<string[]>(article?.tags ?? []);
  const [category, setCategory] = useState(article?.category ?? '');
  const [symptoms, setSymptoms] = useState((article?.symptoms ?? []).join('\n'));
  const [body, setBody] = useState(article?.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const conflict = article?.conflictDraft ?? null;

  const save = async () => {
    if (!title.trim()) return setError(t('kb.editor.titleRequired'));
    if (!body.trim()) return setError(t('kb.editor.bodyRequired'));
    setBusy(true);
    try {
      const input = { title, body, product, tags, category, symptoms: symptoms.split('\n') };
      if (article) {
        await updateKbArticle(db, article.id, input, write, conflict !== null);
        onDone(article.id);
      } else {
        onDone((await createKbArticle(db, input, write)).id);
      }
    } catch (err) {
      console.error('KB save failed', err);
      setError(t('kb.editor.saveFailed'));
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => onDone(article?.id ?? null);
  useHotkeys(
    [
      ['mod+enter', () => void save(), { preventDefault: true }],
      ['escape', cancel, { preventDefault: true }],
    ],
    [],
  );

  return (
    <ScrollArea h="100%" data-testid="kb-editor">
      <Stack gap="xs" p="md">
        <Text fw={700}>{article ? t('kb.editor.editTitle') : t('kb.editor.newTitle')}</Text>
        <TextInput
          label={t('kb.editor.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={300}
          data-autofocus
          autoFocus
          data-testid="kb-editor-title"
        />
        <Group grow align="flex-start">
          <Select
            label={t('kb.editor.product')}
            data={products.map((p) => ({ value: p, label: t(`common.product.${p}`) }))}
            value={product}
            onChange={(v) => setProduct((v as Product | null) ?? null)}
            placeholder={t('kb.commonArticle')}
            clearable
            data-testid="kb-editor-product"
          />
          <Autocomplete
            label={t('kb.editor.category')}
            data={[...categories]}
            value={category}
            onChange={setCategory}
            maxLength={80}
            data-testid="kb-editor-category"
          />
          <TagsInput
            label={t('kb.editor.tags')}
            value={tags}
            onChange={(typed) => setTags(cleanTags(typed))}
            maxTags={50}
            splitChars={[',']}
            data-testid="kb-editor-tags"
          />
        </Group>
        <Textarea
          label={t('kb.editor.symptoms')}
          description={t('kb.editor.symptomsHint')}
          value={symptoms}
          onChange={(e) => setSymptoms(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={6}
          data-testid="kb-editor-symptoms"
        />
        {conflict && (
          <ConflictVersions
            title={t('kb.editor.conflictTitle')}
            hint={t('kb.editor.conflictHint')}
            whoId={conflict.editedBy}
            texts={[{ current: article?.body ?? '', other: conflict.body, onTake: setBody, testId: 'kb-conflict' }]}
            testId="kb-conflict"
          />
        )}
        <SimpleGrid cols={2}>
          <Textarea
            label={t('kb.editor.body')}
            description={t('kb.editor.bodyHint')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            autosize
            minRows={16}
            maxRows={32}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            data-testid="kb-editor-body"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('kb.editor.preview')}
            </Text>
            <Paper withBorder p="sm" data-testid="kb-editor-preview" style={{ minHeight: 300 }}>
              <KbMarkdown>{body}</KbMarkdown>
            </Paper>
          </Stack>
        </SimpleGrid>
        {error && (
          <Alert color="red" p="xs" data-testid="kb-editor-error">
            {error}
          </Alert>
        )}
        <Group gap="xs">
          <Button onClick={() => void save()} loading={busy} data-testid="kb-editor-save">
            {article ? t('kb.editor.save') : t('kb.editor.saveDraft')} ({shortcutLabel('mod+enter')})
          </Button>
          <Button variant="default" onClick={cancel} data-testid="kb-editor-cancel">
            {t('kb.editor.cancel')} (Esc)
          </Button>
        </Group>
      </Stack>
    </ScrollArea>
  );
}
