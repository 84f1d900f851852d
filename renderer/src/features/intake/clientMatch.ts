/**
 * Which directory records the organisation and site typed in the form are: matched by name
 * (case and ё-insensitive); a site picked alone brings its organisation. Names that match nothing
 * are new records, created together with the ticket.
 */
import type { Client } from '#shared/schema/index.ts';
import { foldRu } from '#shared/text/foldRu.ts';

export interface ClientMatch {
  organization: Client | null;
  site: Client | null;
  newOrganization: boolean;
  newSite: boolean;
}

const nameKey = (name: string) => foldRu(name.trim()).replace(/\s+/g, ' ');

export function matchClients(organizationName: string, siteName: string, clients: readonly Client[]): ClientMatch {
  const orgKey = nameKey(organizationName);
  const siteKey = nameKey(siteName);
  let organization = orgKey ? (clients.find((c) => c.kind === 'organization' && nameKey(c.name) === orgKey) ?? null) : null;
  const sites = clients.filter((c) => c.kind === 'site' && nameKey(c.name) === siteKey);
  const site = siteKey ? ((organization ? sites.find((s) => s.parentId === organization!.id) : sites[0]) ?? null) : null;
  if (!organization && !orgKey && site?.parentId) {
    organization = clients.find((c) => c.id === site.parentId) ?? null;
  }
  return {
    organization,
    site,
    newOrganization: orgKey !== '' && organization === null,
    newSite: siteKey !== '' && site === null,
  };
}

/** Sites offered for the organisation typed (all sites while none is chosen). */
export function sitesFor(organization: Client | null, clients: readonly Client[]): Client[] {
  return clients.filter((c) => c.kind === 'site' && (!organization || c.parentId === organization.id));
}
