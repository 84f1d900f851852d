/**
 * The automatic acknowledgement is filled in by the desks' renderer (shared/templates): the same
 * placeholders, the deadline in Russian words in the workspace's zone, names with their quotes fitted.
 */
import { describe, expect, it } from 'vitest';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { acknowledgementText } from '../../../server/channels/acknowledgement.ts';
import { baseInstant, ticketDoc } from '../support/documents.ts';

const body =
  'Здравствуйте, {{client.name}}!\n\nОбращение «{{ticket.subject}}» зарегистрировано под номером {{ticket.number}}. Объект: «{{site.name}}».\n\nПлановый срок решения — {{sla.due}}.\n\n{{agent.name}}';

describe('the acknowledgement text', () => {
  // Tuesday 10 March 2026, 12:00 Moscow; a standard ticket is due in 24 working hours (09:00-18:00).
  const ticket = ticketDoc({ number: '2026-000042', subject: 'Не открывается шлагбаум', createdAt: baseInstant });

  it('fills the script in as a desk would, the deadline in words and the site’s quotes nested', () => {
    expect(acknowledgementText(body, ticket, defaultSlaSetup(), baseInstant + 60_000)).toBe(
      'Здравствуйте, Сергей!\n\nОбращение «Не открывается шлагбаум» зарегистрировано под номером 2026-000042. Объект: «ЖК „Северный парк“».\n\nПлановый срок решения — в четверг, 12 марта, до 18:00.',
    );
  });

  it('greets a client with no name and drops an empty site line', () => {
    const anonymous = { ...ticket, contact: { ...ticket.contact, name: '' }, siteName: '' };
    const text = acknowledgementText(
      'Здравствуйте, {{client.name}}!\nОбъект: {{site.name}}.\nНомер {{ticket.number}}.',
      anonymous,
      defaultSlaSetup(),
      baseInstant,
    );
    expect(text).toBe('Здравствуйте, клиент!\nНомер 2026-000042.');
  });
});
