import { describe, expect, it } from 'vitest';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { solutionForReply } from '../../../../../renderer/src/features/kb/kbSuggest.ts';
import { makeTicket, monday10 } from '../../../../support/ticketFactory.ts';

const article = {
  title: 'Гость не получил SMS',
  body: [
    '## Причина',
    '',
    'Оператор задержал сообщение.',
    '',
    '## Как объяснить клиенту',
    '',
    '{{client.name}}, по обращению {{ticket.number}} **перешлите** гостю ссылку. Отвечает {{agent.name}}, статья «{{article.title}}».',
    'Проверим до {{? срок | Когда перезвоним}}; {{unknown.thing}} остаётся как есть.',
  ].join('\n'),
};

describe('solutionForReply: an article’s solution as the reply text', () => {
  it('fills the placeholders with the ticket’s values through the scripts’ renderer', () => {
    const ticket = makeTicket({ number: '2026-000042' });
    const text = solutionForReply(article, { ticket, agentName: 'Анна Смирнова', now: monday10, sla: defaultSlaSetup() });
    expect(text).toBe(
      'Сергей, по обращению 2026-000042 перешлите гостю ссылку. Отвечает Анна Смирнова, статья «Гость не получил SMS».\n' +
        'Проверим до [Когда перезвоним]; {{unknown.thing}} остаётся как есть.',
    );
  });

  it('gives the plain solution when there is no ticket to fill it for', () => {
    expect(solutionForReply(article)).toMatch(/^\{\{client\.name\}\}, по обращению \{\{ticket\.number\}\} перешлите/);
  });
});
