/** The CRM records as Bitrix24's REST methods answer them (the fields the desk reads). */

/** A multi-field value (PHONE, EMAIL). */
export interface CrmMultiField {
  VALUE?: string;
  VALUE_TYPE?: string;
}

export interface CrmCompany {
  ID: string;
  TITLE?: string | null;
  DATE_MODIFY?: string;
  ADDRESS?: string | null;
  ADDRESS_CITY?: string | null;
}

export interface CrmContact {
  ID: string;
  NAME?: string | null;
  SECOND_NAME?: string | null;
  LAST_NAME?: string | null;
  POST?: string | null;
  COMPANY_ID?: string | null;
  PHONE?: CrmMultiField[];
  EMAIL?: CrmMultiField[];
}

export interface CrmRequisite {
  ID: string;
  ENTITY_ID: string;
  RQ_INN?: string | null;
}

/** A company with what the desk keeps of it: its INN (first requisite that has one) and contacts. */
export interface CompanyRecord {
  company: CrmCompany;
  inn: string;
  contacts: CrmContact[];
}

export const companySelect = ['ID', 'TITLE', 'DATE_MODIFY', 'ADDRESS', 'ADDRESS_CITY'];
export const contactSelect = ['ID', 'NAME', 'SECOND_NAME', 'LAST_NAME', 'POST', 'COMPANY_ID', 'PHONE', 'EMAIL'];

/** Owner types of CRM records (crm.enum.ownertype). */
export const ownerType = { contact: 3, company: 4 } as const;

export function companyUrl(portal: string, companyId: string): string {
  return `${portal.replace(/\/+$/, '')}/crm/company/details/${encodeURIComponent(companyId)}/`;
}

export function contactName(contact: CrmContact): string {
  return [contact.NAME, contact.SECOND_NAME, contact.LAST_NAME]
    .map((p) => (p ?? '').trim())
    .filter(Boolean)
    .join(' ');
}
