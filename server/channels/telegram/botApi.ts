/** What the Telegram connector's parts share about the Bot API: signals, errors in words, the webhook's secret. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { GrammyError, HttpError, type Api } from 'grammy';

/** grammY on Node types its signals by the abort-controller shim; the platform's own works the same. */
type ApiSignal = NonNullable<Parameters<Api['getMe']>[0]>;
export const apiSignal = (signal: AbortSignal): ApiSignal => signal as unknown as ApiSignal;

/** A sentence for the admin from a Bot API or network error; never the token. */
export function describeTelegramError(error: unknown): string {
  if (error instanceof GrammyError) {
    if (error.error_code === 401 || error.error_code === 404) return 'Telegram не принял токен бота (401): проверьте токен.';
    if (error.error_code === 409)
      return 'У бота настроен вебхук или его читает другая программа (409): уберите вебхук или остановите её.';
    return `Bot API ответил ошибкой ${error.error_code}: ${error.description}`.slice(0, 300);
  }
  if (error instanceof HttpError) return 'Bot API не отвечает (сеть): переподключение.';
  return ((error as Error).message ?? String(error)).slice(0, 300);
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * The secret Telegram sends with every webhook call (X-Telegram-Bot-Api-Secret-Token), derived
 * from the bot token: every instance of the endpoint computes the same one, and nothing more is
 * stored. Telegram allows 1–256 characters of A–Z, a–z, 0–9, «_» and «-»: base64url fits.
 */
export function webhookSecretToken(botToken: string): string {
  return createHmac('sha256', botToken).update('pass24-desk telegram webhook').digest('base64url');
}

/** Compares in constant time, so the secret cannot be guessed a character at a time. */
export function isWebhookSecret(given: unknown, botToken: string): boolean {
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(webhookSecretToken(botToken));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Where Telegram posts a bot's updates on an endpoint whose public address is `base`. */
export function webhookPath(botId: string): string {
  return `/api/telegram/${botId}/updates`;
}
