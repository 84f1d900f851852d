/** Every SLA timer of the ticket, live from the shared ticker: stage colour, time left, due instant. */
import { Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconClockPause, IconClockCheck, IconClockExclamation, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { countdownOf, type Countdown } from './slaCountdown.ts';
import { slaSourceOf, slaStateOf } from '#shared/domain/ticketDeadlines.ts';
import type { SlaMetricState } from '#shared/sla/index.ts';
import type { Ticket } from '#shared/schema/index.ts';
import { useSlaSetup } from '../../services/session/slaSetupStore.ts';
import { stageColor } from '../../services/theme.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useNow } from '../../state/ticker.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useAgentNames } from './ticketQueries.ts';

/** Each stage has its own shape beside its colour; the ones that call for action their own name too. */
const icons = {
  ok: IconClock,
  warning: IconClock,
  critical: IconAlertTriangle,
  breached: IconClockExclamation,
  paused: IconClockPause,
  met: IconClockCheck,
} as const;

function Timer({ metric, state }: { metric: 'firstContact' | 'resolution'; state: SlaMetricState }) {
  const { t } = useTranslation();
  const c: Countdown = countdownOf(state);
  const Icon = icons[c.stage];
  const color = stageColor[c.stage];
  const main =
    c.kind === 'met'
      ? t(state.targetMissed ? 'ticket.sla.metLate' : 'ticket.sla.met', { at: formatDateTime(c.metAt ?? c.dueAt) })
      : c.kind === 'breached'
        ? t('ticket.sla.breached', { clock: c.clock })
        : t(c.kind === 'paused' ? 'ticket.sla.paused' : 'ticket.sla.left', { clock: c.clock });
  const card = (
    <Paper
      withBorder
      px="sm"
      py={6}
      data-testid={`sla-${metric}`}
      data-stage={c.stage}
      style={{ borderLeft: `3px solid var(--mantine-color-${color}-6)`, minWidth: 200 }}
    >
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Icon
          size={16}
          color={`var(--mantine-color-${color}-text)`}
          style={{ marginTop: 2, flexShrink: 0 }}
          role="img"
          aria-label={t(`common.slaStage.${c.stage}`)}
          data-testid={`sla-${metric}-stage`}
        />
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t(`ticket.sla.${metric}`)}
          </Text>
          <Text
            size="sm"
            fw={600}
            c={c.kind === 'met' ? undefined : `var(--mantine-color-${color}-text)`}
            ff={c.kind === 'met' ? undefined : 'monospace'}
            data-testid={`sla-${metric}-text`}
          >
            {main}
          </Text>
          {c.kind !== 'met' && (
            <Text size="xs" c="dimmed" data-testid={`sla-${metric}-due`}>
              {t('ticket.sla.due', { at: formatDateTime(c.dueAt) })}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
  // «In working time» explains the running clock: shown above the whole card, so it never covers its name.
  return (
    <Tooltip
      label={t('ticket.sla.working')}
      position="top-start"
      openDelay={300}
      disabled={c.kind === 'met' || c.kind === 'breached'}
    >
      {card}
    </Tooltip>
  );
}

export function SlaTimers({ ticket }: { ticket: Ticket }) {
  const setup = useSlaSetup();
  const now = useNow();
  const { t } = useTranslation();
  const { db } = useWorkspace();
  const agentNames = useAgentNames(db);
  const state = slaStateOf(ticket, now, setup);
  // The version the deadlines came from: the newer of the policy and calendar in force at creation.
  const source = slaSourceOf(ticket, setup);
  const version = [source.policyVersion, source.calendarVersion].filter((v) => v != null).sort((a, b) => b.from - a.from)[0];
  return (
    <Stack gap={2}>
      <Group gap="xs" data-testid="sla-timers">
        {state.firstContact && <Timer metric="firstContact" state={state.firstContact} />}
        <Timer metric="resolution" state={state.resolution} />
      </Group>
      <Text size="xs" c="dimmed" data-testid="sla-policy-source">
        {version
          ? t('ticket.sla.policyFrom', {
              at: formatDateTime(version.from),
              who: agentNames.get(version.editedBy) ?? version.editedBy,
            })
          : t('ticket.sla.policyDefault')}
      </Text>
    </Stack>
  );
}
