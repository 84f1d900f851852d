/**
 * Client records the intake form creates inline: a new organisation, or a new site of one.
 * Writes land locally first and are marked pending for the outbox, like tickets.
 */
import type { Client } from '#shared/schema/index.ts';
import type { DeskDatabase } from './database.ts';
import { markPending } from './outbox.ts';
import type { WriteContext } from './writeContext.ts';

export const clientNameLimit = 200;

function newClient(kind: Client['kind'], name: string, parentId: string | null, ctx: WriteContext, now: number): Client {
  return {
    id: ctx.newId(),
    kind,
    name: name.trim().slice(0, clientNameLimit),
    parentId,
    siteType: null,
    city: '',
    address: '',
    contacts: [],
    products: [],
    notes: '',
    inn: '',
    crm: null,
    editedAt: now,
    editedBy: ctx.actor.id,
    updatedAt: 0,
  };
}

export async function createOrganization(db: DeskDatabase, name: string, ctx: WriteContext): Promise<Client> {
  const now = ctx.now();
  const client = newClient('organization', name, null, ctx, now);
  await db.clients.insert(client);
  await markPending(db.outbox, 'clients', [client.id], now);
  return client;
}

export async function createSite(db: DeskDatabase, name: string, organizationId: string, ctx: WriteContext): Promise<Client> {
  const now = ctx.now();
  const client = newClient('site', name, organizationId, ctx, now);
  await db.clients.insert(client);
  await markPending(db.outbox, 'clients', [client.id], now);
  return client;
}
