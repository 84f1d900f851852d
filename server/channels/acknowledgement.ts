/**
 * The automatic acknowledgement of a new ticket by mail or messenger: a shared reply script of the workspace
 * (tagged «автоответ», else the one titled «Обращение принято…»), which the head edits in
 * «Скрипты» like any other, filled in by the scripts' own renderer with the ticket's number and
 * the promised time in the workspace's zone. The head turns it off in the config document
 * `workspace` ({emailAcknowledgement: false}); it is on when nothing says otherwise.
 */
import { sql, type Transaction } from 'kysely';
import { withoutMissingValues } from '#shared/channels/automaticScript.ts';
import type { SlaSetup } from '#shared/domain/ticketDeadlines.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { fillScript, templateValues } from '#shared/templates/index.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { slaSetupOnServer } from '../intake/slaSetupOnServer.ts';

/** Used when the workspace has no such script (a new workspace before the demo scripts). */
export const fallbackAcknowledgement =
  'Здравствуйте, {{client.name}}!\n\nМы получили ваше обращение «{{ticket.subject}}» и зарегистрировали его под номером {{ticket.number}}.\n\nПлановый срок решения — {{sla.due}}. При ответе, пожалуйста, сохраняйте номер обращения в теме письма.\n\nТехническая поддержка PASS24';

/** The same for a chat, where there is no subject to keep the number in. */
const fallbackMessengerAcknowledgement =
  'Здравствуйте, {{client.name}}!\n\nМы получили ваше обращение «{{ticket.subject}}» и зарегистрировали его под номером {{ticket.number}}.\n\nПлановый срок решения — {{sla.due}}. Ответ придёт в этот чат; /status — состояние ваших обращений.\n\nТехническая поддержка PASS24';

export const acknowledgementTag = 'автоответ';

export async function autoAcknowledgeEnabled(trx: Transaction<DbSchema>): Promise<boolean> {
  const { rows } = await sql<{ on: boolean | null }>`
    select (data->'value'->>'emailAcknowledgement')::boolean as on from documents
    where collection = 'config' and id = 'workspace' and not deleted`.execute(trx);
  return rows[0]?.on !== false;
}

/** The shared, live script: the tagged one first, then by title. */
async function acknowledgementScript(trx: Transaction<DbSchema>): Promise<string | null> {
  const { rows } = await sql<{ body: string }>`
    select data->>'body' as body from documents
    where collection = 'templates' and not deleted
      and coalesce(data->>'ownerId', '') = '' and coalesce((data->>'archived')::boolean, false) = false
      and (data->'tags' ? ${acknowledgementTag} or data->>'title' ilike 'Обращение принято%')
    order by (data->'tags' ? ${acknowledgementTag}) desc, data->>'title' limit 1`.execute(trx);
  return rows[0]?.body ?? null;
}

/** The script and the SLA setup, read once for a batch of messages. */
export interface AcknowledgementSource {
  /** The workspace's script; null when it has none (the built-in text of the channel is used). */
  body: string | null;
  setup: SlaSetup;
}

export async function acknowledgementSource(trx: Transaction<DbSchema>): Promise<AcknowledgementSource> {
  return { body: await acknowledgementScript(trx), setup: await slaSetupOnServer(trx) };
}

export function acknowledgementBody({ body: script, setup }: AcknowledgementSource, ticket: Ticket, now: number): string {
  const body = script ?? (ticket.channel === 'messenger' ? fallbackMessengerAcknowledgement : fallbackAcknowledgement);
  const values = templateValues({ ticket, agent: null, now, sla: setup });
  // The acknowledgement is not a contact, so the first-contact deadline is no promise to the
  // client: the time it carries is the resolution's.
  values['sla.due'] = values['sla.resolveDue'] ?? values['sla.due'];
  const prepared = withoutMissingValues(body, values);
  return fillScript({ body: prepared, phoneBody: null }, ticket.channel, values, {
    now,
    timeZone: setup.calendar.timeZone,
  }).text.trim();
}
