/**
 * The automatic acknowledgement of a new email ticket: the «Обращение принято» script of the
 * workspace's templates with the ticket's number and promised time. The head turns it off in the
 * config document `workspace` ({emailAcknowledgement: false}); it is on when nothing says otherwise.
 */
import { sql, type Transaction } from 'kysely';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import type { DbSchema } from '../db/dbSchema.ts';

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

const dueFormat = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

/** Fills the script's placeholders; an unknown one is left out rather than shown raw to a client. */
function fill(body: string, values: Record<string, string>): string {
  return body
    .replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_m, key: string) => values[key] ?? '')
    .replace(/[ \t]+([,.!])/g, '$1')
    .replace(/Объект: \.\s*/g, '')
    .replace(/\n{3,}/g, '\n\n');
}

export async function acknowledgementBody(trx: Transaction<DbSchema>, ticket: Ticket): Promise<string> {
  const template = await acknowledgementTemplate(trx);
  const due = ticket.resolutionDueAt ?? null;
  return fill(template, {
    'client.name': ticket.contact.name || 'клиент',
    'ticket.subject': ticket.subject,
    'ticket.number': ticket.number ?? '',
    'site.name': ticket.siteName,
    'sla.due': due === null ? 'по регламенту' : `${dueFormat.format(new Date(due))} (МСК)`,
    'agent.name': '',
  }).trim();
}
