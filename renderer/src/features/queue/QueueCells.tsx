/**
 * The cells of a queue row: plain elements styled by QueueCells.module.css with Mantine's colour
 * variables (a Mantine component per cell costs more than the rest of the row: 400 cells on
 * screen re-render on scrolling). Only the countdown and the age read the shared ticker.
 *
 * Colours come from data attributes (data-priority, data-stage) matched by the CSS module, never
 * from custom properties set inline: a scroll gives every cell on screen a new ticket, and inline
 * `--x` declarations make each of those restyles resolve the custom properties again
 * (docs/performance-queue.md). test/unit/renderer/features/queue/queueCellColors.test.ts keeps the CSS
 * in step with the theme's colours.
 */
import { IconAlertTriangle, IconClockExclamation, IconPlayerPause } from '@tabler/icons-react';
import type { SlaStage } from '#shared/sla/index.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { tickedNow, useTickerValue } from '../../state/ticker.ts';
import { formatDue } from './dueFormat.ts';
import { useQueueCellContext } from './queueCellContext.ts';
import { useSlaSetup } from '../../services/session/slaSetupStore.ts';
import { ageKey, formatAge, slaDisplayKey, slaDisplayOf } from './slaDisplay.ts';
import classes from './QueueCells.module.css';

interface CellProps {
  ticket: Ticket;
}

export function NumberCell({ ticket }: CellProps) {
  const { t } = useQueueCellContext();
  if (ticket.number === null) {
    return (
      <span className={classes.badgeOutline} data-testid="queue-not-synced">
        {t('common.notSynced')}
      </span>
    );
  }
  return <span className={classes.mono}>{ticket.number}</span>;
}

export function PriorityCell({ ticket }: CellProps) {
  const { t, compact } = useQueueCellContext();
  const label = t(`common.priority.${ticket.priority}`);
  const variant = ticket.priority === 'emergency' ? 'filled' : 'light';
  return (
    <span
      className={compact ? classes.badgeCircle : classes.badge}
      data-variant={variant}
      data-priority={ticket.priority}
      title={compact ? label : undefined}
    >
      {compact ? label.charAt(0) : label}
    </span>
  );
}

export function SubjectCell({ ticket }: CellProps) {
  return (
    <span className={classes.subject} data-new={ticket.status === 'new' || undefined}>
      {ticket.subject}
    </span>
  );
}

export function OrganizationCell({ ticket }: CellProps) {
  return (
    <span className={classes.small}>
      {ticket.organizationName}
      {ticket.siteName && (
        <span className={classes.dimmed}>
          {ticket.organizationName ? ' · ' : ''}
          {ticket.siteName}
        </span>
      )}
    </span>
  );
}

export function StatusCell({ ticket }: CellProps) {
  const { t } = useQueueCellContext();
  return <span className={classes.small}>{t(`common.status.${ticket.status}`)}</span>;
}

export function AssigneeCell({ ticket }: CellProps) {
  const { t, agentNames } = useQueueCellContext();
  if (!ticket.assigneeId) return <span className={classes.smallDimmed}>{t('queue.unassigned')}</span>;
  return <span className={classes.small}>{agentNames.get(ticket.assigneeId) ?? ticket.assigneeId}</span>;
}

export function ChannelCell({ ticket }: CellProps) {
  const { t } = useQueueCellContext();
  return <span className={classes.smallDimmed}>{t(`common.channel.${ticket.channel}`)}</span>;
}

/** Re-renders when the age it shows changes (once a minute at most), not on every tick. */
export function AgeCell({ ticket }: CellProps) {
  const { t } = useQueueCellContext();
  // Subscribes to what is shown; the text is then formatted at the same tick's instant.
  useTickerValue((now) => ageKey(ticket.createdAt, now));
  return <span className={classes.smallDimmed}>{formatAge(ticket.createdAt, tickedNow(), t)}</span>;
}

/** The stages a colour-blind manager must not miss carry a shape too, named for a screen reader. */
const stageIcons: Partial<Record<SlaStage, typeof IconPlayerPause>> = {
  breached: IconClockExclamation,
  critical: IconAlertTriangle,
  paused: IconPlayerPause,
};

/**
 * The live countdown: the remaining working time, the due time of day, coloured by stage. A tick
 * computes what it would show (slaDisplayKey); it re-renders only when that changes (every
 * second under an hour left, every minute or hour beyond), not on every tick.
 */
export function SlaCell({ ticket }: CellProps) {
  const { t, locale, startOfToday } = useQueueCellContext();
  const setup = useSlaSetup();
  useTickerValue((now) => slaDisplayKey(ticket, now, setup));
  const sla = slaDisplayOf(ticket, tickedNow(), t, setup);
  const due = formatDue(sla.metric.dueAt, startOfToday, locale);
  const metricName = t(sla.metric.metric === 'firstContact' ? 'queue.sla.firstContact' : 'queue.sla.resolution');
  const StageIcon = stageIcons[sla.stage];
  return (
    // A plain title, not a Tooltip: this cell re-renders every second under an hour left.
    <span
      className={classes.sla}
      title={t('queue.sla.tooltip', { metric: metricName, due, left: sla.left })}
      data-testid="sla-countdown"
      data-stage={sla.stage}
      data-metric={sla.metric.metric}
    >
      {StageIcon && (
        <StageIcon
          size={12}
          className={classes.slaIcon}
          data-stage={sla.stage}
          role="img"
          aria-label={t(`common.slaStage.${sla.stage}`)}
        />
      )}
      <span className={classes.slaText} data-stage={sla.stage} data-testid="sla-countdown-text">
        {sla.text}
      </span>
      {sla.stage !== 'met' && <span className={classes.slaDue}>{t('queue.sla.dueAt', { time: due })}</span>}
    </span>
  );
}
