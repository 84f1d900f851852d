/**
 * The safety net under the outgoing webhook: Bitrix24 does not reliably send an event again, so
 * each round of the connector reads the activities created since the last one seen
 * (crm.activity.list, `>ID` the cursor, ID ascending, page by page along `next`, only the kinds of
 * `--activity-providers` when set) and files each through the webhook's own code
 * (ticketFromActivity). Intake is idempotent on the activity, so one the webhook already filed is
 * not filed twice. The cursor moves after each activity is filed: a failure stops the round and
 * the next one starts from the first activity not filed.
 */
import { sql, type Kysely } from 'kysely';
import type { DbSchema } from '../../db/dbSchema.ts';
import type { ChannelLogger } from '../channelLogger.ts';
import type { Bitrix24ChannelConfig } from '../channelTypes.ts';
import { ticketFromActivity } from './crmActivityTicket.ts';
import { Bitrix24Error, type Bitrix24Rest } from './restClient.ts';

/** Merges keys into the channel's stored cursor in one statement (the route and the loop both write it). */
export async function mergeChannelCursor(db: Kysely<DbSchema>, channelId: string, patch: Record<string, string>): Promise<void> {
  await sql`update channels set cursor = cursor || ${JSON.stringify(patch)}::jsonb where id = ${channelId}`.execute(db);
}

/**
 * A webhook call that could not file its activity, made before the loop has set the cursor (the
 * channel just connected, the portal down): the cursor starts just before it, so the first round
 * reads it rather than taking it for history. A cursor already set is left alone.
 */
export async function keepActivityForCatchUp(db: Kysely<DbSchema>, channelId: string, activityId: string): Promise<void> {
  const before = JSON.stringify({ activitySince: String(Math.max(0, Number(activityId) - 1)) });
  await sql`update channels set cursor = cursor || ${before}::jsonb
    where id = ${channelId} and cursor->>'activitySince' is null`.execute(db);
}

export interface CatchUpResult {
  /** The last activity id seen; the next round reads after it. */
  lastId: string;
  filed: number;
  created: number;
}

/** The newest activity's id, or '0' on a portal with none: where a first connection starts. */
export async function newestActivityId(rest: Bitrix24Rest): Promise<string> {
  const page = await rest.page<{ ID: string }>('crm.activity.list', { order: { ID: 'DESC' }, select: ['ID'] }, 0);
  return String(page.result[0]?.ID ?? '0');
}

export async function catchUpActivities(
  rest: Bitrix24Rest,
  db: Kysely<DbSchema>,
  channel: Bitrix24ChannelConfig,
  since: string,
  log: ChannelLogger,
  /** Stores the cursor; called after each activity is filed or passed over. */
  advance: (lastId: string) => Promise<void>,
): Promise<CatchUpResult> {
  const providers = channel.settings.activityProviders;
  const params = {
    order: { ID: 'ASC' },
    filter: { '>ID': since, ...(providers.length > 0 ? { PROVIDER_ID: providers } : {}) },
    select: ['ID'],
  };
  const result: CatchUpResult = { lastId: since, filed: 0, created: 0 };
  let start = 0;
  for (;;) {
    const page = await rest.page<{ ID: string }>('crm.activity.list', params, start);
    for (const row of page.result) {
      const id = String(row.ID);
      try {
        const outcome = await ticketFromActivity(rest, db, channel, id, log);
        if (outcome.kind === 'filed') {
          result.filed++;
          if (outcome.ticket.created) {
            result.created++;
            log.info(
              { channel: channel.id, activity: id, ticketId: outcome.ticket.id, company: outcome.companyId },
              'bitrix24: ticket from a CRM activity the webhook did not bring, filed by the catch-up',
            );
          }
        }
      } catch (error) {
        // Deleted between the list and the read: nothing left to file, and it must not hold the cursor.
        if (!(error instanceof Bitrix24Error) || error.code !== 'NOT_FOUND') throw error;
        log.warn(
          { channel: channel.id, activity: id },
          'bitrix24: an activity gone from the CRM before it was read, passed over',
        );
      }
      result.lastId = id;
      await advance(id);
    }
    if (typeof page.next !== 'number' || page.next <= start) return result;
    start = page.next;
  }
}
