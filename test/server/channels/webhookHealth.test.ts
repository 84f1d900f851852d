import { describe, expect, it } from 'vitest';
import { webhookProblem } from '../../../server/channels/telegram/webhookHealth.ts';

const url = 'https://desk.example/api/telegram/1/updates';

describe('a webhook problem as Telegram reports it', () => {
  it('is none without an error', () => {
    expect(webhookProblem({}, url, 1000, 10_000)).toBe('');
  });

  it('shows an error Telegram stamped in the previous whole second while it goes on failing', () => {
    // The error happened at 9.95 s, Telegram says 9; the check runs at 10.05 s, 1 s apart.
    expect(webhookProblem({ last_error_date: 9, last_error_message: 'Connection refused' }, url, 1000, 10_050)).toBe(
      `Telegram не может доставить обновления на ${url}: Connection refused`,
    );
  });

  it('forgets an error older than the check interval and the rounded second', () => {
    expect(webhookProblem({ last_error_date: 9, last_error_message: 'x' }, url, 1000, 10_999)).not.toBe('');
    expect(webhookProblem({ last_error_date: 9, last_error_message: 'x' }, url, 1000, 11_000)).toBe('');
    expect(webhookProblem({ last_error_date: 100, last_error_message: 'x' }, url, 60_000, 160_999)).not.toBe('');
    expect(webhookProblem({ last_error_date: 100, last_error_message: 'x' }, url, 60_000, 161_000)).toBe('');
  });

  it("names an error without Telegram's words, and keeps the detail to 300 characters", () => {
    expect(webhookProblem({ last_error_date: 10 }, url, 1000, 10_000)).toBe(
      `Telegram не может доставить обновления на ${url}: ошибка`,
    );
    expect(webhookProblem({ last_error_date: 10, last_error_message: 'я'.repeat(400) }, url, 1000, 10_000)).toHaveLength(300);
  });
});
