/**
 * A ticket from the CRM: the portal's outgoing webhook tells of a new activity (a web form's
 * submission, a to-do, an e-mail); the activity is read (crm.activity.get), its company found
 * (the activity's owner, or the owner contact's company) and brought into the directory if it is
 * not there yet, and the ticket is filed through intake (channel `crm`), idempotent on the
 * activity: the same call twice files one ticket.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { IntakeTicketResponse } from '#shared/protocol.ts';
import type { DbSchema } from '../../db/dbSchema.ts';
import { createIntakeTicket } from '../../intake/createIntakeTicket.ts';
import type { ChannelLogger } from '../channelLogger.ts';
import type { Bitrix24ChannelConfig } from '../channelTypes.ts';
import { importCompanies } from './companyDirectory.ts';
import { companyRecords } from './directorySync.ts';
import { companySelect, contactName, ownerType, type CrmCompany, type CrmContact, type CrmMultiField } from './crmShapes.ts';
import type { Bitrix24Rest } from './restClient.ts';

interface CrmActivity {
  ID: string;
  OWNER_TYPE_ID?: string | number;
  OWNER_ID?: string | number;
  PROVIDER_ID?: string;
  SUBJECT?: string | null;
  DESCRIPTION?: string | null;
  /** 1 plain text, 2 BB code, 3 HTML. */
  DESCRIPTION_TYPE?: string | number;
  COMMUNICATIONS?: Array<{ TYPE?: string; VALUE?: string; ENTITY_TYPE_ID?: string | number; ENTITY_ID?: string | number }>;
}

export type ActivityOutcome =
  { kind: 'filed'; ticket: IntakeTicketResponse; companyId: string | null } | { kind: 'passed'; reason: string };

/** The activity's text as the desk shows it: tags and BB code out, entities decoded. */
export function plainText(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/\[\/?[a-z]+(=[^\]]*)?\]/gi, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const firstValue = (values: CrmMultiField[] | undefined) => (values ?? []).map((v) => (v.VALUE ?? '').trim()).find(Boolean) ?? '';

async function linkedClient(db: Kysely<DbSchema>, companyId: string): Promise<{ id: string; name: string } | null> {
  const { rows } = await sql<{ id: string; name: string }>`
    select id, data->>'name' as name from documents
    where collection = 'clients' and not deleted and data->'crm'->>'id' = ${companyId}
      and data->'crm'->>'system' = 'bitrix24'
    limit 1`.execute(db);
  return rows[0] ?? null;
}

export async function ticketFromActivity(
  rest: Bitrix24Rest,
  db: Kysely<DbSchema>,
  channel: Bitrix24ChannelConfig,
  activityId: string,
  log: ChannelLogger,
): Promise<ActivityOutcome> {
  const activity = await rest.call<CrmActivity>('crm.activity.get', { id: activityId });
  const providers = channel.settings.activityProviders;
  if (providers.length > 0 && !providers.includes(activity.PROVIDER_ID ?? '')) {
    return { kind: 'passed', reason: `activity kind ${activity.PROVIDER_ID ?? '?'} does not open tickets` };
  }
  let companyId: string | null = null;
  let contact: CrmContact | null = null;
  const ownerTypeId = Number(activity.OWNER_TYPE_ID);
  if (ownerTypeId === ownerType.company) companyId = String(activity.OWNER_ID);
  if (ownerTypeId === ownerType.contact) {
    contact = await rest.call<CrmContact>('crm.contact.get', { id: activity.OWNER_ID });
    if (contact.COMPANY_ID && contact.COMPANY_ID !== '0') companyId = String(contact.COMPANY_ID);
  }
  let client = companyId ? await linkedClient(db, companyId) : null;
  if (companyId && !client) {
    // A company the directory has not read yet: it is brought in now, with its INN and contacts.
    const companies = await rest.call<CrmCompany[]>('crm.company.list', { filter: { ID: companyId }, select: companySelect });
    const records = await companyRecords(rest, companies);
    const outcome = await importCompanies(db, channel.settings.portal, records, log, channel.id);
    const clientId = outcome.clientIds.get(companyId);
    if (clientId) client = await linkedClient(db, companyId);
  }
  const communications = activity.COMMUNICATIONS ?? [];
  const byType = (type: string) => communications.find((c) => c.TYPE === type && c.VALUE)?.VALUE?.trim() ?? '';
  const description = plainText(activity.DESCRIPTION ?? '');
  const subject = (activity.SUBJECT ?? '').trim() || description.split('\n')[0]?.slice(0, 80) || 'Обращение из CRM';
  const host = new URL(channel.settings.portal).host;
  const ticket = await createIntakeTicket(
    db,
    {
      channel: 'crm',
      externalId: `bitrix24:${host}:activity:${activity.ID}`,
      subject: subject.slice(0, 300),
      description: (description || subject).slice(0, 20000),
      contact: {
        name: (contact ? contactName(contact) : '').slice(0, 200),
        phone: (firstValue(contact?.PHONE) || byType('PHONE')).slice(0, 50),
        email: (firstValue(contact?.EMAIL) || byType('EMAIL')).slice(0, 200),
      },
      organization: client?.name ?? '',
    },
    'crm',
    Date.now(),
    { clientId: client?.id ?? null },
  );
  return { kind: 'filed', ticket, companyId };
}
