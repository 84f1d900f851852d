/**
 * The «Новое обращение» form: who called, what happened, and possible repeats. Everything typed
 * lives in the draft store, so closing the modal or a failed save loses nothing; the draft is
 * cleared only when the ticket is created. Ctrl+Enter creates.
 */
import { Alert, Button, Divider, Grid, Group, Kbd, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconHistory } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemTerms, suggestRepeats } from '#shared/domain/repeatSuggestions.ts';
import { products, type Product } from '#shared/vocabulary/enums.ts';
import { shortcutLabel, useCommands } from '../../services/commands.ts';
import { closeIntake, useIntakeBus } from '../../services/intakeBus.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { ClientFields } from './ClientFields.tsx';
import { matchClients } from './clientMatch.ts';
import { draftHasText, useIntakeDraft } from './intakeDraft.ts';
import { useClients, useRecentTickets, useTicket } from './intakeQueries.ts';
import { validateIntake, type IntakeErrors } from './intakeValidation.ts';
import { ProblemFields } from './ProblemFields.tsx';
import { RepeatPanel } from './RepeatPanel.tsx';
import { submitIntake } from './submitIntake.ts';

export function IntakeForm() {
  const { t } = useTranslation();
  const { db, write } = useWorkspace();
  const draft = useIntakeDraft((s) => s.draft);
  const { patch, reset } = useIntakeDraft.getState();
  const [restored] = useState(() => draftHasText(useIntakeDraft.getState().draft));
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const subjectRef = useRef<HTMLInputElement>(null);

  // Opened as "repeat of" an existing ticket (from the ticket view): link it in the draft.
  const busRepeatOf = useIntakeBus((s) => s.repeatOf);
  const busRepeatNumber = useIntakeBus((s) => s.repeatOfNumber);
  const busPrefill = useIntakeBus((s) => s.prefill);
  useEffect(() => {
    if (busRepeatOf) patch({ repeatOf: busRepeatOf });
  }, [busRepeatOf, patch]);
  // Opened for a client or from an archived ticket: who it is for, filled in (the manager may change it).
  useEffect(() => {
    if (!busPrefill) return;
    const known = (products as readonly string[]).includes(busPrefill.product ?? '');
    patch({
      ...(busPrefill.organizationName !== undefined ? { organizationName: busPrefill.organizationName } : {}),
      ...(busPrefill.siteName !== undefined ? { siteName: busPrefill.siteName } : {}),
      ...(known ? { product: busPrefill.product as Product } : {}),
    });
  }, [busPrefill, patch]);

  const clients = useClients(db);
  const match = useMemo(
    () => matchClients(draft.organizationName, draft.siteName, clients),
    [draft.organizationName, draft.siteName, clients],
  );
  const errors: IntakeErrors = attempted ? validateIntake(draft, match) : {};
  const message = (field: keyof IntakeErrors) => {
    const e = errors[field];
    return e ? t(e.key, e.values ?? {}) : undefined;
  };

  const recent = useRecentTickets(db, write.now);
  const byId = useMemo(() => new Map(recent.map((c) => [c.id, c])), [recent]);
  // Debounced as a string: an object would be new on every render and never settle.
  const [typedKey] = useDebouncedValue(
    JSON.stringify({
      org: match.organization?.id ?? null,
      site: match.site?.id ?? null,
      orgName: draft.organizationName,
      subject: draft.subject,
      description: draft.description,
    }),
    200,
  );
  const typed = useMemo(
    () =>
      JSON.parse(typedKey) as { org: string | null; site: string | null; orgName: string; subject: string; description: string },
    [typedKey],
  );
  const ready =
    (typed.org !== null || typed.site !== null || typed.orgName.trim() !== '') &&
    problemTerms(`${typed.subject} ${typed.description}`).size > 0;
  const suggestions = useMemo(
    () =>
      ready
        ? suggestRepeats(
            {
              clientId: typed.org,
              siteId: typed.site,
              organizationName: typed.orgName,
              subject: typed.subject,
              description: typed.description,
            },
            recent,
            { now: write.now() },
          )
        : [],
    [ready, typed, recent, write],
  );
  const linked = useTicket(db, draft.repeatOf);

  async function submit() {
    if (saving) return;
    const found = validateIntake(draft, match);
    setAttempted(true);
    setSaveError(null);
    if (Object.keys(found).length > 0) {
      if (found.subject) subjectRef.current?.focus();
      return;
    }
    setSaving(true);
    try {
      const ticket = await submitIntake(db, draft, match, write);
      reset();
      closeIntake();
      useRouteStore.getState().openTicket(ticket.id);
      notifications.show({ message: t('intake.created'), color: 'teal', autoClose: 3000 });
    } catch (err) {
      console.error('intake: create failed', err);
      setSaveError(t('intake.error.saveFailed', { reason: err instanceof Error ? err.message : String(err) }));
    } finally {
      setSaving(false);
    }
  }

  useCommands('intake', [
    {
      id: 'intake.submit',
      label: t('intake.command.submit'),
      group: t('shell.palette.groupActions'),
      shortcut: 'mod+enter',
      run: () => void submit(),
    },
  ]);

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form
      data-testid="intake-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
          e.preventDefault();
          void submit();
        }
      }}
      noValidate
    >
      <Stack gap="sm">
        {restored && (
          <Group gap={6} justify="space-between" data-testid="intake-restored">
            <Group gap={6}>
              <IconHistory size={14} />
              <Text size="xs" c="dimmed">
                {t('intake.draftRestored')}
              </Text>
            </Group>
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              onClick={() => {
                reset();
                setAttempted(false);
              }}
              data-testid="intake-clear"
            >
              {t('intake.clearDraft')}
            </Button>
          </Group>
        )}
        <Grid gap="lg">
          <Grid.Col span={5}>
            <Stack gap="sm">
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                {t('intake.section.client')}
              </Text>
              <ClientFields clients={clients} match={match} message={message} />
              <Divider />
              <RepeatPanel
                suggestions={suggestions}
                candidates={byId}
                linked={linked}
                linkedId={draft.repeatOf}
                linkedNumber={draft.repeatOf === busRepeatOf ? busRepeatNumber : null}
                ready={ready}
                onLink={(id) => patch({ repeatOf: id })}
                onUnlink={() => patch({ repeatOf: null })}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={7}>
            <Stack gap="sm">
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                {t('intake.section.problem')}
              </Text>
              <ProblemFields message={message} subjectRef={subjectRef} />
            </Stack>
          </Grid.Col>
        </Grid>
        {(saveError || hasErrors) && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />} data-testid="intake-error" py={6}>
            {saveError ?? t('intake.error.form')}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">{shortcutLabel('mod+enter')}</Kbd> {t('intake.submitHint', { shortcut: '' }).trim()}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={closeIntake} data-testid="intake-cancel">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="intake-submit">
              {t('intake.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
