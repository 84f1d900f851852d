import { describe, expect, it } from 'vitest';
import { defaultRussianCalendar } from '#shared/sla/index.ts';
import type { TicketEvent } from '#shared/schema/index.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { scriptForSituation, situationOf, type Situation } from '#shared/templates/scriptSituation.ts';
import type { TicketStatus } from '#shared/vocabulary/enums.ts';
import { monday10 } from '../../../support/ticketFactory.ts';
import { script } from './demoScripts.ts';

const minute = 60_000;
const calendar = defaultRussianCalendar();
type Ev = Pick<TicketEvent, 'kind' | 'at' | 'public'>;
type SituationTicket = Pick<Ticket, 'priority' | 'status' | 'firstContactAt' | 'statusLog'>;

const at = (m: number) => monday10 + m * minute;
/** A ticket that entered its status at minute 30, after two earlier entries. */
function ticket(status: TicketStatus, extra: Partial<SituationTicket> = {}): SituationTicket {
  return {
    priority: 'standard',
    status,
    firstContactAt: at(1),
    statusLog: [
      { status: 'new', at: at(0) },
      { status: 'in_progress', at: at(1) },
      { status, at: at(30) },
    ],
    ...extra,
  };
}
const reply = (m: number, pub = true): Ev => ({ kind: 'reply', at: at(m), public: pub });

describe('the emergency acknowledgement', () => {
  it.each(['new', 'in_progress', 'waiting_client', 'escalation_requested', 'escalated'] as const)(
    'an uncontacted emergency that is %s calls for it',
    (status) => {
      const t = ticket(status, { priority: 'emergency', firstContactAt: null });
      expect(situationOf(t, [], at(40), calendar)).toBe('emergencyAcknowledgement');
    },
  );

  it('a resolved emergency no longer does, even uncontacted', () => {
    const t = ticket('resolved', { priority: 'emergency', firstContactAt: null });
    expect(situationOf(t, [], at(40), calendar)).toBe('confirmationRequest');
  });
});

describe('after «Решить»: the request to check, then the rating request', () => {
  const resolutions = (order: 'asc' | 'desc'): Ev[] => {
    const evs: Ev[] = [
      { kind: 'resolution', at: at(30), public: false },
      reply(40),
      { kind: 'resolution', at: at(50), public: false },
    ];
    return order === 'asc' ? evs : [...evs].reverse();
  };

  it('the latest resolution counts, in whatever order the events come: a reply before it is not the request', () => {
    expect(situationOf(ticket('resolved'), resolutions('asc'), at(60), calendar)).toBe('confirmationRequest');
    expect(situationOf(ticket('resolved'), resolutions('desc'), at(60), calendar)).toBe('confirmationRequest');
  });

  it('a public reply or a logged contact from the resolution on is the request sent', () => {
    const resolved: Ev = { kind: 'resolution', at: at(50), public: false };
    expect(situationOf(ticket('resolved'), [resolved, reply(50)], at(60), calendar)).toBe('ratingRequest');
    const call: Ev = { kind: 'contact_logged', at: at(55), public: true };
    expect(situationOf(ticket('resolved'), [resolved, call], at(60), calendar)).toBe('ratingRequest');
  });

  it('an internal reply or a public note is not', () => {
    const resolved: Ev = { kind: 'resolution', at: at(50), public: false };
    expect(situationOf(ticket('resolved'), [resolved, reply(55, false)], at(60), calendar)).toBe('confirmationRequest');
    const note: Ev = { kind: 'note', at: at(55), public: true };
    expect(situationOf(ticket('resolved'), [resolved, note], at(60), calendar)).toBe('confirmationRequest');
  });

  it('without a resolution event, the instant the ticket entered «Решена» counts', () => {
    expect(situationOf(ticket('resolved'), [reply(20)], at(60), calendar)).toBe('confirmationRequest');
    expect(situationOf(ticket('resolved'), [reply(35)], at(60), calendar)).toBe('ratingRequest');
  });

  it('a ticket with no status history is read from the beginning of time', () => {
    expect(situationOf(ticket('resolved', { statusLog: [] }), [], at(60), calendar)).toBe('confirmationRequest');
  });
});

describe('after «Эскалировать»: the client notice', () => {
  it('the latest request counts: a reply before it leaves the notice due', () => {
    const evs: Ev[] = [
      { kind: 'escalation_requested', at: at(30), public: false },
      reply(40),
      { kind: 'escalation_requested', at: at(50), public: false },
    ];
    expect(situationOf(ticket('escalated'), evs, at(60), calendar)).toBe('escalationNotice');
    expect(situationOf(ticket('escalated'), [...evs, reply(50)], at(60), calendar)).toBeNull();
  });

  it('without a request event, the instant the ticket entered the status counts', () => {
    expect(situationOf(ticket('escalation_requested'), [reply(20)], at(60), calendar)).toBe('escalationNotice');
    expect(situationOf(ticket('escalation_requested'), [reply(35)], at(60), calendar)).toBeNull();
  });
});

describe('waiting for the client: the reminder after a silent working day', () => {
  // Entered «Ждёт клиента» at minute 30 (Monday 10:30 Moscow); a working day later is Tuesday 10:30.
  const dayLater = at(30 + 24 * 60);

  it('only a public reply after the ticket entered the status starts the count again', () => {
    expect(situationOf(ticket('waiting_client'), [], dayLater, calendar)).toBe('waitingReminder');
    expect(situationOf(ticket('waiting_client'), [reply(40)], dayLater, calendar)).toBeNull();
    expect(situationOf(ticket('waiting_client'), [reply(40, false)], dayLater, calendar)).toBe('waitingReminder');
    const call: Ev = { kind: 'contact_logged', at: at(40), public: true };
    expect(situationOf(ticket('waiting_client'), [call], dayLater, calendar)).toBe('waitingReminder');
  });

  it('a reply from before the status, listed last, does not move the count back', () => {
    expect(situationOf(ticket('waiting_client'), [reply(40), reply(10)], dayLater, calendar)).toBeNull();
    expect(situationOf(ticket('waiting_client'), [reply(10)], dayLater, calendar)).toBe('waitingReminder');
  });
});

describe('the script for a situation', () => {
  it.each([
    ['emergencyAcknowledgement', 'экстренное принято', 'Экстренное', 'Заявка принята'],
    ['confirmationRequest', 'просьба проверить', 'Решение', 'Проверьте, пожалуйста'],
    ['ratingRequest', 'запрос оценки', 'Закрытие и оценка', 'Просим оценку'],
    ['escalationNotice', 'уведомление об эскалации', 'Эскалация', 'Передача специалистам'],
    ['waitingReminder', 'напоминание', 'Ожидание клиента', 'Напоминание'],
  ] as const)('%s: tagged «%s», or in «%s» with a title like «%s»', (situation: Situation, tag, category, title) => {
    const tagged = script({ id: 'tagged', title: 'Без подсказки', category: 'Прочее', tags: [` ${tag.toUpperCase()} `] });
    expect(scriptForSituation([tagged], situation, 'email', 'agent-1')?.id).toBe('tagged');
    const matched = script({ id: 'matched', title, category: ` ${category.toLowerCase()} ` });
    expect(scriptForSituation([matched], situation, 'email', 'agent-1')?.id).toBe('matched');
    expect(scriptForSituation([{ ...matched, category: 'Прочее' }], situation, 'email', 'agent-1')).toBeNull();
    expect(scriptForSituation([{ ...matched, title: 'Без подсказки' }], situation, 'email', 'agent-1')).toBeNull();
  });

  it('the rating request never offers the answer to a low rating', () => {
    const low = script({ id: 'low', title: 'Ответ на низкую оценку', category: 'Закрытие и оценка' });
    expect(scriptForSituation([low], 'ratingRequest', 'email', 'agent-1')).toBeNull();
  });

  it('the better title hint wins, whatever the order of the list', () => {
    const first = script({ id: 'first', title: 'Первое напоминание', category: 'Ожидание клиента' });
    const any = script({ id: 'any', title: 'Напоминание', category: 'Ожидание клиента' });
    expect(scriptForSituation([any, first], 'waitingReminder', 'email', 'agent-1')?.id).toBe('first');
    expect(scriptForSituation([first, any], 'waitingReminder', 'email', 'agent-1')?.id).toBe('first');
  });

  it('of equally fitting scripts, the first in the list', () => {
    const a = script({ id: 'a', title: 'Напоминание', category: 'Ожидание клиента' });
    const b = script({ id: 'b', title: 'Напоминание', category: 'Ожидание клиента' });
    expect(scriptForSituation([a, b], 'waitingReminder', 'email', 'agent-1')?.id).toBe('a');
  });
});
