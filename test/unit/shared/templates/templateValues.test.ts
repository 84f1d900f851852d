import { describe, expect, it } from 'vitest';
import { slaSetupFromConfig } from '#shared/domain/slaSetupFromConfig.ts';
import { withSlaDeadlines } from '#shared/domain/ticketDeadlines.ts';
import { defaultSlaPolicies } from '#shared/sla/index.ts';
import { renderTemplate, templateValues } from '#shared/templates/index.ts';
import { makeTicket, monday10 } from '../../../support/ticketFactory.ts';

const minute = 60_000;
const msk = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h - 3, min);

describe('templateValues: what a script is filled with, from the ticket', () => {
  it('takes the contact person, organisation, site and the agent; the vocabularies in Russian', () => {
    const ticket = makeTicket(
      { number: '2026-000123', contact: { name: 'Марина', phone: '+7 900 000-00-00', email: 'm@example.ru', messenger: '' } },
      { priority: 'standard', type: 'question' },
    );
    const v = templateValues({ ticket, agent: { name: 'Анна Смирнова', phone: '+7 495 000-00-24' }, now: monday10 });
    expect(v).toMatchObject({
      'ticket.number': '2026-000123',
      'ticket.subject': 'Шлагбаум не открывается по номеру',
      'ticket.priority': 'стандартное',
      'ticket.type': 'консультация',
      'ticket.status': 'новое',
      'client.name': 'Марина',
      'client.organization': 'УК «Северный парк»',
      'client.phone': '+7 900 000-00-00',
      'client.email': 'm@example.ru',
      'site.name': 'ЖК «Северный парк»',
      'agent.name': 'Анна Смирнова',
      'agent.phone': '+7 495 000-00-24',
      'article.title': null,
      'article.link': null,
    });
  });

  it('gives no value for what the ticket lacks, so the render reports it missing', () => {
    const ticket = makeTicket({ number: null, contact: { name: ' ', phone: '', email: '', messenger: '' } });
    const v = templateValues({ ticket, now: monday10 });
    const r = renderTemplate('{{ticket.number}} {{client.name}} {{client.email}} {{agent.name}} {{agent.phone}}', v, {
      now: monday10,
      timeZone: 'Europe/Moscow',
    });
    expect(r.missing).toEqual(['ticket.number', 'client.name', 'client.email', 'agent.name', 'agent.phone']);
  });

  it('gives an emergency not yet contacted both deadlines, the nearer as sla.due', () => {
    const ticket = makeTicket({}, { priority: 'emergency' });
    const v = templateValues({ ticket, now: monday10 + 5 * minute });
    expect(v['sla.contactDue']).toBe(monday10 + 15 * minute);
    expect(v['sla.resolveDue']).toBe(monday10 + 4 * 60 * minute);
    expect(v['sla.due']).toBe(monday10 + 15 * minute);
    const r = renderTemplate('Свяжемся {{sla.contactDue}}, решим {{sla.resolveDue}}.', v, {
      now: monday10 + 5 * minute,
      timeZone: 'Europe/Moscow',
    });
    expect(r.text).toBe('Свяжемся сегодня до 10:15, решим сегодня до 14:00.');
  });

  it('drops a deadline once it is met: after the first contact sla.due is the resolution', () => {
    const ticket = makeTicket({ firstContactAt: monday10 + 3 * minute }, { priority: 'emergency' });
    const v = templateValues({ ticket, now: monday10 + 5 * minute });
    expect(v['sla.contactDue']).toBeNull();
    expect(v['sla.due']).toBe(monday10 + 4 * 60 * minute);
  });

  it('counts the resolution deadline in working hours: 24 working hours from Friday 17:00 end on Wednesday', () => {
    const friday17 = msk(2026, 11, 20, 17);
    const ticket = makeTicket({ createdAt: friday17, statusLog: [{ status: 'new', at: friday17 }] }, { priority: 'standard' });
    const v = templateValues({ ticket, now: friday17 });
    const r = renderTemplate('{{sla.due}}', v, { now: friday17, timeZone: 'Europe/Moscow' });
    expect(r.text).toBe('в среду, 25 ноября, до 14:00');
  });

  it('has no deadline for a resolved ticket', () => {
    const ticket = makeTicket({
      status: 'resolved',
      resolvedAt: monday10 + 60 * minute,
      statusLog: [
        { status: 'new', at: monday10 },
        { status: 'resolved', at: monday10 + 60 * minute },
      ],
    });
    const v = templateValues({ ticket, now: monday10 + 61 * minute });
    expect(v['sla.due']).toBeNull();
    expect(v['sla.resolveDue']).toBeNull();
  });

  it('reads the deadlines by the SLA settings in force when the ticket was created, as the queue does', () => {
    // The emergency is created Monday 10:00 with the first contact due in 15 minutes; at 10:02 the
    // head loosens it to 60. The ticket keeps 10:15 in the queue, and the script says the same.
    const defaults = defaultSlaPolicies();
    const loosened = { ...defaults, emergency: { ...defaults.emergency, firstContact: { minutes: 60, clock: 'business' } } };
    const sla = slaSetupFromConfig(
      { versions: [{ id: 'v1', from: monday10 + 2 * minute, editedBy: 'h', value: loosened }] },
      null,
    );
    const ticket = makeTicket({}, { priority: 'emergency' });
    const now = monday10 + 5 * minute;
    const v = templateValues({ ticket, now, sla });
    expect(v['sla.contactDue']).toBe(monday10 + 15 * minute);
    expect(v['sla.due']).toBe(withSlaDeadlines(ticket, now, sla).dueAt);
    // A ticket created after the edit is held to the new 60 minutes.
    const later = makeTicket(
      { createdAt: monday10 + 3 * minute, statusLog: [{ status: 'new', at: monday10 + 3 * minute }] },
      { priority: 'emergency' },
    );
    expect(templateValues({ ticket: later, now, sla })['sla.due']).toBe(monday10 + 63 * minute);
  });

  it('takes the article sent with the reply', () => {
    const v = templateValues({ ticket: makeTicket(), now: monday10, article: { title: 'Камера', link: 'https://kb/1' } });
    expect([v['article.title'], v['article.link']]).toEqual(['Камера', 'https://kb/1']);
  });
});
