/**
 * What a Bitrix24 channel keeps secret, in the channel's `secret` column: the incoming webhook's
 * address (whoever holds it reads and writes the CRM) and the outgoing webhook's application
 * token (whoever holds it can file tickets). Neither is replicated, listed or logged.
 */
export interface Bitrix24Secret {
  webhook: string;
  /** '' when the portal's outgoing webhook is not set up: its calls are then refused. */
  applicationToken: string;
}

export function encodeBitrix24Secret(secret: Bitrix24Secret): string {
  return JSON.stringify(secret);
}

export function decodeBitrix24Secret(stored: string): Bitrix24Secret {
  try {
    const parsed = JSON.parse(stored) as Partial<Bitrix24Secret>;
    return { webhook: String(parsed.webhook ?? ''), applicationToken: String(parsed.applicationToken ?? '') };
  } catch {
    return { webhook: '', applicationToken: '' };
  }
}

/** Takes the webhook's address (and what follows it) out of a text, for a log line or an error. */
export function redactWebhook(text: string, webhook: string): string {
  if (!webhook) return text;
  const path = (() => {
    try {
      return new URL(webhook).pathname.replace(/\/+$/, '');
    } catch {
      return '';
    }
  })();
  let out = text.split(webhook.replace(/\/+$/, '')).join('[вебхук]');
  if (path.length > 6) out = out.split(path).join('[вебхук]');
  return out;
}
