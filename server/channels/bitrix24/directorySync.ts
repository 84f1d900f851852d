/**
 * Reads the CRM's companies for the directory: all of them the first time, afterwards those
 * changed since the last read (`>=DATE_MODIFY`, the latest change seen kept in the channel's
 * cursor) and those whose contacts changed. Lists are read page by page; each company's INN
 * (crm.requisite.list, RQ_INN) and contacts (crm.contact.list by COMPANY_ID) come in batches of
 * 25 companies (50 calls, the most one batch takes).
 */
import type { Kysely } from 'kysely';
import type { DbSchema } from '../../db/dbSchema.ts';
import type { ChannelLogger } from '../channelLogger.ts';
import { importCompanies, type ImportOutcome } from './companyDirectory.ts';
import {
  companySelect,
  contactSelect,
  ownerType,
  type CompanyRecord,
  type CrmCompany,
  type CrmContact,
  type CrmRequisite,
} from './crmShapes.ts';
import type { Bitrix24Rest } from './restClient.ts';

const perBatch = 25;

/** Each company with its INN and contacts, read in batches. */
export async function companyRecords(rest: Bitrix24Rest, companies: readonly CrmCompany[]): Promise<CompanyRecord[]> {
  const records: CompanyRecord[] = [];
  for (let i = 0; i < companies.length; i += perBatch) {
    const chunk = companies.slice(i, i + perBatch);
    const commands: Parameters<Bitrix24Rest['batch']>[0] = {};
    for (const c of chunk) {
      commands[`rq_${c.ID}`] = [
        'crm.requisite.list',
        { filter: { ENTITY_TYPE_ID: ownerType.company, ENTITY_ID: c.ID }, select: ['ID', 'ENTITY_ID', 'RQ_INN'] },
      ];
      commands[`ct_${c.ID}`] = [
        'crm.contact.list',
        { filter: { COMPANY_ID: c.ID }, select: contactSelect, order: { ID: 'ASC' } },
      ];
    }
    const { results, errors } = await rest.batch(commands);
    // A refused part of the batch fails the read: the sync is tried again rather than importing half a company.
    const failed = Object.values(errors)[0];
    if (failed) throw failed;
    for (const c of chunk) {
      const requisites = (results[`rq_${c.ID}`] as CrmRequisite[] | undefined) ?? [];
      const contacts = (results[`ct_${c.ID}`] as CrmContact[] | undefined) ?? [];
      const inn = requisites.map((r) => (r.RQ_INN ?? '').trim()).find(Boolean) ?? '';
      records.push({ company: c, inn, contacts });
    }
  }
  return records;
}

export interface SyncResult extends Omit<ImportOutcome, 'clientIds'> {
  companies: number;
  /** The latest DATE_MODIFY seen: the next sync reads from there. */
  modifiedSince: string | null;
}

function later(a: string | null, b: string | undefined): string | null {
  if (!b) return a;
  if (!a) return b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

export async function syncDirectory(
  rest: Bitrix24Rest,
  db: Kysely<DbSchema>,
  channel: { id: string; portal: string },
  since: string | null,
  log: ChannelLogger,
): Promise<SyncResult> {
  const changed = since ? { '>=DATE_MODIFY': since } : {};
  const companies = await rest.listAll<CrmCompany>('crm.company.list', {
    order: { ID: 'ASC' },
    filter: changed,
    select: companySelect,
  });
  let modifiedSince = since;
  for (const c of companies) modifiedSince = later(modifiedSince, c.DATE_MODIFY);
  if (since) {
    // A contact changed without its company: the company is read again for its contacts.
    const contacts = await rest.listAll<CrmContact & { DATE_MODIFY?: string }>('crm.contact.list', {
      order: { ID: 'ASC' },
      filter: changed,
      select: ['ID', 'COMPANY_ID', 'DATE_MODIFY'],
    });
    const known = new Set(companies.map((c) => String(c.ID)));
    const more = [...new Set(contacts.map((c) => String(c.COMPANY_ID ?? '')))].filter((id) => id && id !== '0' && !known.has(id));
    for (let i = 0; i < more.length; i += 50) {
      companies.push(
        ...(await rest.listAll<CrmCompany>('crm.company.list', {
          order: { ID: 'ASC' },
          filter: { ID: more.slice(i, i + 50) },
          select: companySelect,
        })),
      );
    }
    for (const c of contacts) modifiedSince = later(modifiedSince, c.DATE_MODIFY);
  }
  const records = await companyRecords(rest, companies);
  const outcome = await importCompanies(db, channel.portal, records, log, channel.id);
  return {
    created: outcome.created,
    linked: outcome.linked,
    updated: outcome.updated,
    unchanged: outcome.unchanged,
    skipped: outcome.skipped,
    companies: companies.length,
    modifiedSince,
  };
}
