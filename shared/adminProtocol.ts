/**
 * The admin's console on the endpoint (/api/admin/*): accounts, intake API keys, channel
 * connectors and the audit trail. Only the role `admin` may call these routes; secrets (a new
 * password, a new key) travel once, in the answer that created them.
 */
import type { Role } from './vocabulary/enums.ts';

export interface AdminAccount {
  id: string;
  login: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: number;
}

export interface NewAccountRequest {
  login: string;
  name: string;
  role: Role;
  /** Omitted: the endpoint generates one and returns it once. */
  password?: string;
}

export interface AccountWithPassword {
  account: AdminAccount;
  /** The password to hand over (the one given or the generated one); shown once. */
  password: string;
}

export interface AdminApiKey {
  id: string;
  channel: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface NewApiKeyResponse {
  id: string;
  channel: string;
  /** The key itself: shown once, stored hashed. */
  key: string;
}

export interface AdminChannel {
  id: string;
  kind: 'email' | 'telegram' | 'bitrix24';
  name: string;
  address: string;
  enabled: boolean;
  /** Mail: the servers and the login ('' for a bot). */
  imap: string;
  smtp: string;
  user: string;
  /** A bot: the Bot API's address; a CRM: the portal's address ('' for mail). */
  apiRoot: string;
  /** The connector's state ('running', 'failing', 'disabled'...) and the admin's sentence. */
  status: string;
  detail: string;
}

export const auditActions = [
  'account.add',
  'account.disable',
  'account.enable',
  'account.password',
  'account.role',
  'apikey.add',
  'apikey.revoke',
  'channel.add',
  'channel.enable',
  'channel.disable',
  'settings.change',
  'backup.restore',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  id: string;
  at: number;
  /** The login of who did it; 'cli' for the server's command line. */
  actorLogin: string;
  action: AuditAction;
  /** What it was done to: a login, a key id, a channel address, a settings key. */
  target: string;
  /** A short Russian sentence with the details; never a secret. */
  detail: string;
}
