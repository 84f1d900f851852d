/**
 * Whether Telegram's getWebhookInfo reports a delivery problem worth showing. Telegram gives the
 * last error's time in whole seconds, so an error is "recent" within the check interval plus the
 * second that rounding can take off; a narrower window misses an error that is still happening
 * whenever the check falls early in a second.
 */
export interface WebhookInfoErrors {
  readonly last_error_date?: number;
  readonly last_error_message?: string;
}

export function webhookProblem(info: WebhookInfoErrors, url: string, checkMs: number, now: number): string {
  if (info.last_error_date === undefined) return '';
  const age = now - info.last_error_date * 1000;
  if (age >= checkMs + 1000) return '';
  return `Telegram не может доставить обновления на ${url}: ${info.last_error_message ?? 'ошибка'}`.slice(0, 300);
}
