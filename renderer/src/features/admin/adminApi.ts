/** The admin's routes of the endpoint (/api/admin/*); the endpoint checks the role again. */
import type {
  AccountWithPassword,
  AdminAccount,
  AdminApiKey,
  AdminChannel,
  AuditEntry,
  NewAccountRequest,
  NewApiKeyResponse,
} from '#shared/adminProtocol.ts';
import type { IntakeChannel } from '#shared/protocol.ts';
import type { Role } from '#shared/vocabulary/enums.ts';
import type { ApiClient } from '../../sync/apiClient.ts';

/** A mailbox as the admin enters it; the password goes to the endpoint and never comes back. */
export interface NewChannelRequest {
  name: string;
  address: string;
  imapHost: string;
  imapPort?: number;
  imapTls: boolean;
  smtpHost: string;
  smtpPort?: number;
  smtpTls: boolean;
  user: string;
  password: string;
}

const seg = (s: string) => encodeURIComponent(s);

export function adminApi(api: ApiClient) {
  return {
    accounts: () => api.request<AdminAccount[]>('GET', '/api/admin/accounts'),
    addAccount: (input: NewAccountRequest) => api.request<AccountWithPassword>('POST', '/api/admin/accounts', input),
    setEnabled: (login: string, enabled: boolean) =>
      api.request<AdminAccount>('POST', `/api/admin/accounts/${seg(login)}/${enabled ? 'enable' : 'disable'}`, {}),
    resetPassword: (login: string) => api.request<{ password: string }>('POST', `/api/admin/accounts/${seg(login)}/password`, {}),
    changeRole: (login: string, role: Role) =>
      api.request<AdminAccount>('POST', `/api/admin/accounts/${seg(login)}/role`, { role }),
    keys: () => api.request<AdminApiKey[]>('GET', '/api/admin/api-keys'),
    addKey: (channel: IntakeChannel) => api.request<NewApiKeyResponse>('POST', '/api/admin/api-keys', { channel }),
    revokeKey: (id: string) => api.request<{ ok: true }>('POST', `/api/admin/api-keys/${seg(id)}/revoke`, {}),
    channels: () => api.request<AdminChannel[]>('GET', '/api/admin/channels'),
    setChannelEnabled: (id: string, enabled: boolean) =>
      api.request<{ ok: true; warning?: string }>('POST', `/api/admin/channels/${seg(id)}/${enabled ? 'enable' : 'disable'}`, {}),
    addChannel: (input: NewChannelRequest) => api.request<{ id: string }>('POST', '/api/admin/channels', input),
    checkChannel: (input: NewChannelRequest) =>
      api.request<{ imap: string | null; smtp: string | null }>('POST', '/api/admin/channels/check', input),
    audit: () => api.request<AuditEntry[]>('GET', '/api/admin/audit'),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
