/**
 * The weekly SLA review (docs/kpi.md, "The weekly review"): every Monday from 09:00 workspace time
 * the endpoint queues the previous week's review to the recipients of the `workspace` setting,
 * through the first enabled email channel's outbound queue (sent, retried and logged like any
 * reply). One id per week and recipient: several endpoint instances, or a restart, queue it once.
 * A review missed at 09:00 (the endpoint was down) is queued at the first check within a day after;
 * later it is stale and skipped.
 */
import { createHash } from 'node:crypto';
import { dueReviewWeek, weeklyReviewMail, type ReviewWeek } from '#shared/kpi/index.ts';
import { validateWorkspaceSettings } from '#shared/sla/slaSettings.ts';
import type { Database } from '../db/openDatabase.ts';
import type { ChannelLogger } from '../channels/channelLogger.ts';
import { enabledChannels } from '../channels/channelStore.ts';
import { enqueue } from '../channels/outboundQueue.ts';
import { slaSetupOnServer } from '../intake/slaSetupOnServer.ts';
import { buildKpiReport } from './kpiReportService.ts';

export interface WeeklyReviewOptions {
  /** The clock (tests set it). */
  now?: () => number;
  /** How often the schedule is checked (default a minute). */
  everyMs?: number;
  /** Called after a review was queued, so the outbound worker sends it without waiting for its poll. */
  onQueued?: () => void;
}

type ReviewCheck =
  | { outcome: 'off' }
  | { outcome: 'no_channel' }
  | { outcome: 'not_due' }
  | { outcome: 'already_queued'; week: ReviewWeek }
  | { outcome: 'queued'; week: ReviewWeek; recipients: string[] };

/** How late a review may still be queued. */
const reviewGraceMs = 24 * 60 * 60_000;

/** The outbound id of a week's review to one recipient. */
export function reviewMessageId(week: Pick<ReviewWeek, 'from'>, recipient: string): string {
  return `weekly-review:${week.from}:${recipient.toLowerCase()}`;
}

async function workspaceValue(database: Database): Promise<unknown> {
  const row = await database.db
    .selectFrom('documents')
    .select(['data', 'deleted'])
    .where('collection', '=', 'config')
    .where('id', '=', 'workspace')
    .executeTakeFirst();
  if (!row || row.deleted) return null;
  const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as { value?: unknown };
  return data.value ?? null;
}

/** One look at the schedule at `now`: queues the due review if it is switched on and not queued yet. */
export async function checkWeeklyReview(database: Database, now: number): Promise<ReviewCheck> {
  const db = database.db;
  const settings = validateWorkspaceSettings(await workspaceValue(database));
  const review = settings.ok ? settings.value.weeklyReview : undefined;
  if (!review || !review.enabled || review.recipients.length === 0) return { outcome: 'off' };
  const channel = (await enabledChannels(db)).find((c) => c.kind === 'email');
  if (!channel) return { outcome: 'no_channel' };

  const setup = await slaSetupOnServer(db);
  const week = dueReviewWeek(now, setup.calendar.timeZone);
  if (now >= week.dueAt + reviewGraceMs) return { outcome: 'not_due' };
  const recipients = [...new Set(review.recipients.map((r) => r.toLowerCase()))];
  const queued = await db
    .selectFrom('outbound_messages')
    .select('id')
    .where(
      'id',
      'in',
      recipients.map((r) => reviewMessageId(week, r)),
    )
    .execute();
  const missing = recipients.filter((r) => !queued.some((q) => q.id === reviewMessageId(week, r)));
  if (missing.length === 0) return { outcome: 'already_queued', week };

  const report = await buildKpiReport(db, { from: week.from, to: week.to, agent: null, now, setup, lists: 'none' });
  const mail = weeklyReviewMail(report);
  const domain = channel.address.split('@')[1] ?? 'pass24.local';
  await db.transaction().execute(async (trx) => {
    for (const to of missing) {
      const id = reviewMessageId(week, to);
      const hash = createHash('sha256').update(id).digest('hex').slice(0, 16);
      await enqueue(
        trx,
        {
          id,
          channelId: channel.id,
          ticketId: '',
          kind: 'report',
          to,
          subject: mail.subject,
          body: mail.body,
          fromName: 'PASS24 Support Desk',
          messageId: `<review.${week.from}.${hash}@${domain}>`,
          inReplyTo: '',
          references: [],
        },
        now,
      );
    }
  });
  return { outcome: 'queued', week, recipients: missing };
}

/** Runs the check on a timer inside the endpoint; a failing check is logged and tried again. */
export class WeeklyReviewMailer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private readonly now: () => number;
  private readonly everyMs: number;
  private readonly database: Database;
  private readonly log: ChannelLogger;
  private readonly options: WeeklyReviewOptions;

  constructor(database: Database, log: ChannelLogger, options: WeeklyReviewOptions = {}) {
    this.database = database;
    this.log = log;
    this.options = options;
    this.now = options.now ?? Date.now;
    this.everyMs = options.everyMs ?? 60_000;
  }

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.everyMs);
    this.timer.unref();
  }

  private tick(): void {
    if (this.running) return;
    this.running = checkWeeklyReview(this.database, this.now())
      .then((check) => {
        if (check.outcome !== 'queued') return;
        this.log.info({ week: check.week.from, recipients: check.recipients.length }, 'weekly review: queued');
        this.options.onQueued?.();
      })
      .catch((error: unknown) => this.log.error({ reason: (error as Error).message }, 'weekly review: check failed'))
      .finally(() => (this.running = null));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
