/**
 * The CRM's companies come into the desk's directory (collection `clients`), never twice: a
 * company is found by its link (`crm.id`), else by INN, else by its name folded (case, ё, quotes
 * and spaces do not count); a match gains the link and the CRM's name, a company found nowhere
 * becomes a new organisation. Written through CollectionWriter under the collection's lock, so two imports
 * (the sync and a webhook's company) cannot both create one company. Contacts are merged by
 * name: the CRM's phone, e-mail and post replace the card's, the desk's own contacts stay.
 * A company with no name is logged and passed over.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { jsonEqual } from '#shared/domain/merge.ts';
import type { Client } from '#shared/schema/clientSchema.ts';
import { foldRu } from '#shared/text/foldRu.ts';
import type { DbSchema } from '../../db/dbSchema.ts';
import { CollectionWriter } from '../../replication/collectionWriter.ts';
import type { ChannelLogger } from '../channelLogger.ts';
import { companyUrl, contactName, type CompanyRecord } from './crmShapes.ts';

type StoredClient = Client & { _deleted?: boolean };
type Contact = Client['contacts'][number];

export interface ImportOutcome {
  created: number;
  linked: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** Card id by CRM company id, for the companies written or already linked. */
  clientIds: Map<string, string>;
}

/** A name as people write it in different places: folded, without quotes, single spaces. */
export function nameKey(name: string): string {
  return foldRu(name)
    .replace(/[«»"'“”„`]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An INN the card states: its field, else «ИНН 1234567890» in its notes. */
function innOf(client: Client): string {
  if (client.inn) return client.inn;
  return /ИНН[:\s№]*(\d{12}|\d{10})\b/i.exec(client.notes ?? '')?.[1] ?? '';
}

const cleanInn = (inn: string) => (/^(\d{10}|\d{12})$/.test(inn.trim()) ? inn.trim() : '');

function crmContact(c: CompanyRecord['contacts'][number]): Contact {
  const first = (values: Array<{ VALUE?: string }> | undefined) =>
    (values ?? []).map((v) => (v.VALUE ?? '').trim()).find(Boolean) ?? '';
  return {
    name: contactName(c).slice(0, 200),
    role: (c.POST ?? '').trim().slice(0, 100),
    phone: first(c.PHONE).slice(0, 50),
    email: first(c.EMAIL).slice(0, 200),
  };
}

function mergeContacts(own: readonly Contact[], fromCrm: readonly Contact[]): Contact[] {
  const merged = own.map((c) => ({ ...c }));
  for (const c of fromCrm) {
    if (!c.name) continue;
    const same = merged.find((m) => nameKey(m.name) === nameKey(c.name));
    if (same) {
      same.role = c.role || same.role;
      same.phone = c.phone || same.phone;
      same.email = c.email || same.email;
    } else merged.push(c);
  }
  return merged.slice(0, 50);
}

export async function importCompanies(
  db: Kysely<DbSchema>,
  portal: string,
  records: readonly CompanyRecord[],
  log: ChannelLogger,
  channelId: string,
  now: number = Date.now(),
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { created: 0, linked: 0, updated: 0, unchanged: 0, skipped: 0, clientIds: new Map() };
  if (records.length === 0) return outcome;
  await db.transaction().execute(async (trx) => {
    const writer = await CollectionWriter.open(trx, 'clients');
    const { rows } = await sql<{ data: StoredClient }>`
      select data from documents
      where collection = 'clients' and not deleted and data->>'kind' = 'organization'`.execute(trx);
    const byCrm = new Map<string, StoredClient>();
    const byInn = new Map<string, StoredClient>();
    const byName = new Map<string, StoredClient>();
    const index = (c: StoredClient) => {
      if (c.crm) byCrm.set(c.crm.id, c);
      const inn = innOf(c);
      if (inn && !byInn.has(inn)) byInn.set(inn, c);
      const key = nameKey(c.name);
      if (key && !byName.has(key)) byName.set(key, c);
    };
    rows.forEach((r) => index(r.data));
    const written = new Map<string, StoredClient>();

    for (const record of records) {
      const id = String(record.company.ID);
      const name = (record.company.TITLE ?? '').trim().slice(0, 200);
      if (!name) {
        outcome.skipped++;
        log.warn(
          { channel: channelId, company: id },
          'bitrix24: a CRM company has no name, passed over (give it a name in the CRM)',
        );
        continue;
      }
      const inn = cleanInn(record.inn);
      const linked = byCrm.get(id);
      const match = linked ?? (inn ? byInn.get(inn) : undefined) ?? byName.get(nameKey(name));
      if (match && !linked && match.crm && match.crm.id !== id) {
        // Two CRM companies with one INN or name: the card stays with the first; nothing is duplicated.
        outcome.skipped++;
        log.warn(
          { channel: channelId, company: id, linkedTo: match.crm.id, client: match.id },
          'bitrix24: a CRM company matches a card already linked to another company, passed over',
        );
        continue;
      }
      const link = { system: 'bitrix24' as const, id, url: companyUrl(portal, id).slice(0, 500) };
      const contacts = record.contacts.map(crmContact);
      const city = (record.company.ADDRESS_CITY ?? '').trim().slice(0, 100);
      const address = (record.company.ADDRESS ?? '').trim().slice(0, 300);
      let next: StoredClient;
      if (match) {
        next = {
          ...match,
          // The CRM is where the company's name is kept: the card takes it, on linking and after.
          name,
          inn: inn || match.inn || '',
          crm: link,
          city: match.city || city,
          address: match.address || address,
          contacts: mergeContacts(match.contacts, contacts),
        };
        const same = jsonEqual({ ...next, updatedAt: 0 }, { ...match, updatedAt: 0 });
        outcome.clientIds.set(id, match.id);
        if (same) {
          outcome.unchanged++;
          continue;
        }
        if (linked) outcome.updated++;
        else outcome.linked++;
      } else {
        next = {
          id: randomUUID(),
          kind: 'organization',
          name,
          parentId: null,
          siteType: null,
          city,
          address,
          contacts: mergeContacts([], contacts),
          products: [],
          notes: '',
          inn,
          crm: link,
          editedAt: now,
          editedBy: '',
          updatedAt: 0,
        };
        outcome.created++;
        outcome.clientIds.set(id, next.id);
      }
      next = { ...next, editedAt: now, editedBy: '' };
      if (match) {
        // The old keys no longer lead to it unless it still has them.
        if (byName.get(nameKey(match.name)) === match) byName.delete(nameKey(match.name));
        if (byInn.get(innOf(match)) === match) byInn.delete(innOf(match));
      }
      index(next);
      written.set(next.id, next);
    }
    if (written.size > 0) {
      await writer.write([...written.values()].map((c) => ({ ...c, _deleted: false })));
      await writer.notify();
    }
  });
  return outcome;
}
