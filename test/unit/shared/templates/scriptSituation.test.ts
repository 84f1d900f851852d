import { describe, expect, it } from 'vitest';
import { defaultRussianCalendar } from '#shared/sla/index.ts';
import type { TicketEvent } from '#shared/schema/index.ts';
import { scriptBodyFor, scriptForSituation, situationOf, situations, type Situation } from '#shared/templates/index.ts';
import { makeTicket, monday10 } from '../../../support/ticketFactory.ts';
import { demoScripts, script } from './demoScripts.ts';

const minute = 60_000;
const hour = 60 * minute;
const calendar = defaultRussianCalendar();
type Ev = Pick<TicketEvent, 'kind' | 'at' | 'public'>;

describe('situationOf: which script the moment calls for', () => {
  it('an emergency nobody has contacted yet calls for the acknowledgement; after the first contact it does not', () => {
    const fresh = makeTicket({}, { priority: 'emergency' });
    expect(situationOf(fresh, [], monday10 + minute, calendar)).toBe('emergencyAcknowledgement');
    const contacted = makeTicket({ firstContactAt: monday10 + 2 * minute, status: 'in_progress' }, { priority: 'emergency' });
    expect(situationOf(contacted, [], monday10 + 3 * minute, calendar)).toBeNull();
    expect(situationOf(makeTicket({}, { priority: 'standard' }), [], monday10, calendar)).toBeNull();
  });

  const resolved = makeTicket({
    status: 'resolved',
    firstContactAt: monday10,
    statusLog: [
      { status: 'new', at: monday10 },
      { status: 'in_progress', at: monday10 + minute },
      { status: 'resolved', at: monday10 + hour },
    ],
  });

  it('«Решить» calls for the request to check the fix; once it is sent, the closing calls for the rating request', () => {
    const events: Ev[] = [
      { kind: 'reply', at: monday10 + 10 * minute, public: true },
      { kind: 'resolution', at: monday10 + hour, public: false },
    ];
    expect(situationOf(resolved, events, monday10 + hour + minute, calendar)).toBe('confirmationRequest');
    expect(
      situationOf(resolved, [...events, { kind: 'note', at: monday10 + 2 * hour, public: false }], monday10 + 3 * hour, calendar),
    ).toBe('confirmationRequest');
    expect(
      situationOf(resolved, [...events, { kind: 'reply', at: monday10 + 2 * hour, public: true }], monday10 + 3 * hour, calendar),
    ).toBe('ratingRequest');
  });

  it('«Эскалировать» calls for the client notice until a public reply is sent', () => {
    const escalating = makeTicket({
      status: 'escalation_requested',
      firstContactAt: monday10,
      statusLog: [
        { status: 'new', at: monday10 },
        { status: 'in_progress', at: monday10 + minute },
        { status: 'escalation_requested', at: monday10 + hour },
      ],
    });
    const events: Ev[] = [{ kind: 'escalation_requested', at: monday10 + hour, public: false }];
    expect(situationOf(escalating, events, monday10 + hour, calendar)).toBe('escalationNotice');
    expect(situationOf({ ...escalating, status: 'escalated' }, events, monday10 + 2 * hour, calendar)).toBe('escalationNotice');
    expect(
      situationOf(
        escalating,
        [...events, { kind: 'reply', at: monday10 + 2 * hour, public: true }],
        monday10 + 3 * hour,
        calendar,
      ),
    ).toBeNull();
  });

  it('a client silent for a working day calls for the reminder: weekends and nights do not count', () => {
    const friday17 = Date.UTC(2026, 10, 27, 14, 0); // Friday 27 November 2026, 17:00 Moscow
    const waiting = makeTicket({
      status: 'waiting_client',
      firstContactAt: monday10,
      statusLog: [
        { status: 'new', at: monday10 },
        { status: 'waiting_client', at: friday17 },
      ],
    });
    const mondayAt = (h: number) => Date.UTC(2026, 10, 30, h - 3, 0);
    // Friday 17-18 and Monday 09-17 are 9 working hours: a working day exactly at Monday 17:00.
    expect(situationOf(waiting, [], mondayAt(16), calendar)).toBeNull();
    expect(situationOf(waiting, [], mondayAt(17), calendar)).toBe('waitingReminder');
    // A reminder sent on Monday at noon starts the count again.
    const reminded: Ev[] = [{ kind: 'reply', at: mondayAt(12), public: true }];
    expect(situationOf(waiting, reminded, mondayAt(17), calendar)).toBeNull();
  });
});

describe('scriptForSituation: the demo scripts each situation offers', () => {
  const scripts = demoScripts();
  const title = (s: Situation, channel: Parameters<typeof scriptForSituation>[2] = 'email') =>
    scriptForSituation(scripts, s, channel, 'agent-1')?.title;

  it.each([
    ['emergencyAcknowledgement', 'email', 'Экстренное обращение принято'],
    ['confirmationRequest', 'email', 'Решение предложено: просьба проверить'],
    ['ratingRequest', 'email', 'Подтверждение решения и запрос оценки'],
    ['ratingRequest', 'phone', 'Запрос оценки по телефону'],
    ['escalationNotice', 'messenger', 'Передача вопроса специалистам (эскалация)'],
    ['waitingReminder', 'email', 'Ожидание клиента: первое напоминание'],
  ] as const)('%s on %s: «%s»', (situation, channel, expected) => {
    expect(title(situation, channel)).toBe(expected);
  });

  it('offers something in every situation', () => {
    for (const s of situations) expect(title(s)).toBeTruthy();
  });

  it('prefers a script tagged for the situation, and the agent’s own over a shared one', () => {
    const tagged = script({ id: 'mine', title: 'Моё напоминание', tags: ['Напоминание'], ownerId: 'agent-1' });
    const sharedTagged = script({ id: 'shared', title: 'Общее напоминание', tags: ['напоминание'] });
    const untagged = scripts.map((s) => ({ ...s, tags: [] }));
    expect(scriptForSituation([...untagged, sharedTagged, tagged], 'waitingReminder', 'email', 'agent-1')?.id).toBe('mine');
    expect(scriptForSituation([...untagged, sharedTagged, tagged], 'waitingReminder', 'email', 'agent-2')?.id).toBe('shared');
    // Untagged, the demo reminder is found by its category and title.
    expect(scriptForSituation(untagged, 'waitingReminder', 'email', 'agent-2')?.title).toBe(
      'Ожидание клиента: первое напоминание',
    );
  });

  it('never offers an archived script or another agent’s personal one', () => {
    const only = [
      script({ id: 'archived', title: 'Первое напоминание', category: 'Ожидание клиента', archived: true }),
      script({ id: 'theirs', title: 'Первое напоминание', category: 'Ожидание клиента', ownerId: 'agent-2' }),
    ];
    expect(scriptForSituation(only, 'waitingReminder', 'email', 'agent-1')).toBeNull();
  });
});

describe('scriptBodyFor: the variant the channel calls for', () => {
  const both = script({ id: 's', title: 'x', body: 'Письменно', phoneBody: 'Вслух' });
  it('reads the phone variant on a call and face to face, writes the written one elsewhere', () => {
    expect(scriptBodyFor(both, 'phone')).toEqual({ body: 'Вслух', variant: 'phone' });
    expect(scriptBodyFor(both, 'walk_in')).toEqual({ body: 'Вслух', variant: 'phone' });
    expect(scriptBodyFor(both, 'email')).toEqual({ body: 'Письменно', variant: 'written' });
    expect(scriptBodyFor(both, 'messenger')).toEqual({ body: 'Письменно', variant: 'written' });
  });
  it('falls back to the written text when there is no phone variant', () => {
    expect(scriptBodyFor({ ...both, phoneBody: null }, 'phone')).toEqual({ body: 'Письменно', variant: 'written' });
  });
});
