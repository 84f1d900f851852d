/**
 * The automatic acknowledgement of a new email ticket: the «Обращение принято» script of the
 * workspace's templates, filled in with the ticket's number and promised time. The head turns it off in the
 * config document `workspace` ({emailAcknowledgement: false}); it is on when nothing says otherwise.
 */
import { sql, type Transaction } from 'kysely';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import type { SlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { renderTemplate, templateValues } from '#shared/templates/index.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { slaSetupOnServer } from '../intake/slaSetupOnServer.ts';

const fallbackBody =
  'Здравствуйте, {{client.name}}!\n\nМы получили ваше обращение «{{ticket.subject}}» и зарегистрировали его под номером {{ticket.number}}.\n\nПлановый срок решения — {{sla.due}}. При ответе, пожалуйста, сохраняйте номер обращения в теме письма.\n\nТехническая поддержка PASS24';

export async function autoAcknowledgeEnabled(trx: Transaction<DbSchema>): Promise<boolean> {
  const { rows } = await sql<{ on: boolean | null }>`
    select (data->'value'->>'emailAcknowledgement')::boolean as on from documents
    where collection = 'config' and id = 'workspace' and not deleted`.execute(trx);
  return rows[0]?.on !== false;
}

async function acknowledgementTemplate(trx: Transaction<DbSchema>): Promise<string> {
  const { rows } = await sql<{ body: string }>`
    select data->>'body' as body from documents
    where collection = 'templates' and not deleted and data->>'title' ilike 'Обращение принято%'
    order by data->>'title' limit 1`.execute(trx);
  return rows[0]?.body ?? fallbackBody;
}

/**
 * The script filled in for a new ticket by the desks' own renderer (shared/templates): deadlines in
 * Russian words in the workspace's zone, names with their quotes fitted. No agent has it yet, so
 * lines left empty by a missing value are tidied («Объект: .» goes) rather than sent half-written.
 */
export function acknowledgementText(body: string, ticket: Ticket, setup: SlaSetup, now: number): string {
  const values = templateValues({ ticket, agent: null, now, sla: setup });
  const { text } = renderTemplate(
    body,
    { ...values, 'client.name': values['client.name'] ?? 'клиент' },
    {
      now,
      timeZone: setup.calendar.timeZone,
    },
  );
  return text
    .replace(/Объект: \.\s*/g, '')
    .replace(/[ \t]+([,.!])/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export async function acknowledgementBody(trx: Transaction<DbSchema>, ticket: Ticket, now: number): Promise<string> {
  const template = await acknowledgementTemplate(trx);
  return acknowledgementText(template, ticket, await slaSetupOnServer(trx), now);
}
