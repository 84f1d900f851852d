/**
 * The weekly SLA review against a real SMTP server, on a controlled clock: off until the head
 * switches it on with a recipient, not sent before Monday 09:00 workspace time, sent once from
 * then through the email channel's outbound queue, with the previous week's SLA and its breaches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '#shared/schema/index.ts';
import { msk, story } from '../../unit/shared/kpi/kpiFixtures.ts';
import { upsertDocuments } from '../../../server/replication/collectionWriter.ts';
import { checkWeeklyReview, reviewMessageId } from '../../../server/reports/weeklyReviewMailer.ts';
import type { WithDeleted } from '#shared/protocol.ts';
import type { ConfigDoc } from '#shared/schema/configSchema.ts';
import { configDoc, fresh, ticketDoc, update } from '../support/documents.ts';
import { eventually, startEmailWorld, type EmailWorld } from '../support/emailWorld.ts';
import { backends } from '../support/testDatabase.ts';

const head = 'head@pass24.test';
// Monday 30 November 2026: the review of 23-29 November is due at 09:00 Moscow time.
const monday0859 = msk('2026-11-30 08:59');
const monday0900 = msk('2026-11-30 09:00');

describe.each(backends)('weekly SLA review on %s', (backend) => {
  let world: EmailWorld;
  let clock = monday0900;

  /** The workspace setting as stored, to push a change on top of it. */
  async function storedSetting(): Promise<WithDeleted<ConfigDoc> | null> {
    const { documents } = await world.server.asHead.pullAll<ConfigDoc>('config');
    return (documents.find((d) => d.id === 'workspace') as WithDeleted<ConfigDoc> | undefined) ?? null;
  }

  async function pushReviewSetting(weeklyReview: unknown) {
    const master = await storedSetting();
    const next = configDoc({
      id: 'workspace',
      value: { workingSetDays: 90, emailAcknowledgement: true, weeklyReview },
      editedAt: Date.now(),
      editedBy: world.server.head.id,
    });
    return world.server.asHead.push('config', [master === null ? fresh(next) : update(master, next)]);
  }

  async function saveReviewSetting(enabled: boolean, recipients: string[]): Promise<void> {
    expect(await pushReviewSetting({ enabled, recipients })).toEqual({ conflicts: [], rejected: [] });
  }

  const headMail = () => world.smtp.messages.filter((m) => m.to.includes(head));

  beforeAll(async () => {
    world = await startEmailWorld(backend, undefined, { weeklyReview: { now: () => clock, everyMs: 100 } });
    // The week of 23-29 November: a standard ticket resolved the same day (met) and one still open
    // whose 24 working hours (8 on Monday from 10:00, 9 on Tuesday, 7 on Wednesday) ran out on
    // Wednesday 25 November at 16:00 (breached, still open).
    const tickets = [
      story({ id: 'met', created: '2026-11-24 10:00', moves: [['resolved', '2026-11-24 15:00']] }),
      story({ id: 'late', created: '2026-11-23 10:00', moves: [['in_progress', '2026-11-23 11:00']] }),
    ];
    await world.server.database.db.transaction().execute(async (trx) => {
      await upsertDocuments(
        trx,
        'tickets',
        tickets.map((t, i) => ({
          ...ticketDoc({ ...t, number: `2026-0000${i + 1}`, assigneeId: world.server.agent.id } as Partial<Ticket>),
          updatedAt: i + 1,
        })),
      );
    });
  });
  afterAll(() => world.close());

  it('is off while no setting asks for it, and while it is switched off', async () => {
    expect(await checkWeeklyReview(world.server.database, monday0900)).toEqual({ outcome: 'off' });
    await saveReviewSetting(false, [head]);
    expect(await checkWeeklyReview(world.server.database, monday0900)).toEqual({ outcome: 'off' });
    await saveReviewSetting(true, []);
    expect(await checkWeeklyReview(world.server.database, monday0900)).toEqual({ outcome: 'off' });
  });

  it('refuses a recipient that is not an address', async () => {
    const res = await pushReviewSetting({ enabled: true, recipients: ['руководитель'] });
    expect(res.rejected).toHaveLength(1);
    expect(res.rejected[0]!.reason).toMatch(/Нужен адрес электронной почты/);
  });

  it('is not due on Monday before 09:00 workspace time', async () => {
    clock = monday0859;
    await saveReviewSetting(true, [head]);
    // The review before (16-22 November) was due a week ago: too late to send now.
    expect(await checkWeeklyReview(world.server.database, monday0859)).toEqual({ outcome: 'not_due' });
  });

  it('is mailed to the head at 09:00 through the email channel, once, with the week’s SLA and breaches', async () => {
    clock = monday0900;
    const [mail] = await eventually(async () => (headMail().length > 0 ? headMail() : null), 'the review in the SMTP server');
    const parsed = mail!.parsed;
    expect(parsed.subject).toBe('Обзор SLA за неделю 23.11.2026 — 29.11.2026');
    expect(parsed.from?.value[0]?.address).toBe('support@pass24.test');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.text).toContain('Стандартные: 50,0 % (в срок 1 из 2; цель 95,0 %) — цель не выполнена');
    expect(parsed.text).toContain('Экстренные: — (в срок 0 из 0; цель 100,0 %) — нет данных');
    expect(parsed.text).toContain(
      '- 2026-00002 «Обращение late», стандартные: срок прошёл, не решено; срок истёк 25.11.2026 16:00',
    );

    const row = await eventually(
      () =>
        world.server.database.db
          .selectFrom('outbound_messages')
          .selectAll()
          .where('id', '=', reviewMessageId({ from: '2026-11-23' }, head))
          .where('state', '=', 'sent')
          .executeTakeFirst(),
      'the review marked sent',
    );
    expect(row).toMatchObject({ kind: 'report', ticket_id: '', to_address: head, attempts: 1 });
    // Checked again (another instance, a restart): already queued, not mailed twice.
    const again = await checkWeeklyReview(world.server.database, msk('2026-11-30 09:30'));
    expect(again).toMatchObject({ outcome: 'already_queued', week: { from: '2026-11-23', to: '2026-11-29' } });
    expect(headMail()).toHaveLength(1);
    // A report belongs to no ticket: no delivery status in any timeline.
    expect((await world.events()).filter((e) => e.kind === 'delivery')).toEqual([]);
  });

  it('is skipped when a whole day late (the endpoint was down): a stale review is not sent', async () => {
    expect(await checkWeeklyReview(world.server.database, msk('2026-12-01 09:00'))).toEqual({ outcome: 'not_due' });
  });
});
