/**
 * May 2026 of a small team, built by hand (docs/kpi.md). The May calendar: Fri 1 May a holiday,
 * Fri 8 May shortened (09:00-17:00), Sat 9 May a holiday moved to Mon 11 May (a day off).
 * Every figure the tests expect is worked out next to the ticket that makes it.
 */
import { emptyEscalation } from '#shared/domain/ticketFactory.ts';
import type { KpiEvent, KpiTicket } from '#shared/kpi/index.ts';
import { event, msk, story } from './kpiFixtures.ts';

export const mayTickets: KpiTicket[] = [
  // A, standard, across a weekend and a holiday. Working time Thu 7 16:00-18:00 = 120, Fri 8
  // (shortened) 09:00-17:00 = 480, Sat 9, Sun 10, Mon 11 off, Tue 12 09:00-11:00 = 120: 720 min.
  // Due: 24 working h -> Wed 13 14:00; 5 calendar days -> Tue 12 16:00; the earlier, Tue 12 16:00.
  // Resolved Tue 12 11:00: met. First contact Thu 7 17:50: 110 working minutes. Closed, CSAT 5.
  story({
    id: 'A',
    channel: 'phone',
    created: '2026-05-07 16:00',
    contact: '2026-05-07 17:50',
    moves: [
      ['in_progress', '2026-05-07 16:30'],
      ['resolved', '2026-05-12 11:00'],
      ['closed', '2026-05-12 15:00'],
    ],
    closed: '2026-05-12 15:00',
    csat: 5,
  }),
  // B, emergency, paused while waiting for the client. Contact 10:10 (10 min, due 10:15: met).
  // The clock runs 10:00-11:00 (60) and 15:00-17:00 (120) = 180 min; waiting 11:00-15:00 is left out.
  // Due: 240 running min -> 18:00; resolved 17:00: met (without the pause it would be 420 min: late).
  // Closed Tue 19 10:00, CSAT 4.
  story({
    id: 'B',
    priority: 'emergency',
    channel: 'phone',
    created: '2026-05-18 10:00',
    contact: '2026-05-18 10:10',
    moves: [
      ['in_progress', '2026-05-18 10:05'],
      ['waiting_client', '2026-05-18 11:00'],
      ['in_progress', '2026-05-18 15:00'],
      ['resolved', '2026-05-18 17:00'],
      ['closed', '2026-05-19 10:00'],
    ],
    closed: '2026-05-19 10:00',
    csat: 4,
  }),
  // C, standard, reopened. Runs Tue 19 09:00-18:00 (540), resolved Wed 20 09:00, reopened Thu 21
  // 12:00, resolved again Thu 21 14:00 (120): 660 min; the time resolved is left out. Due: 1440
  // running min -> 540 on Tue, then from Thu 12:00: 360 + Fri 22 540 -> Fri 22 18:00; 5 calendar
  // days of running clock -> Mon 25 12:00. Met at Thu 21 14:00. Closed Fri 22 10:00, not rated.
  story({
    id: 'C',
    created: '2026-05-19 09:00',
    moves: [
      ['in_progress', '2026-05-19 09:30'],
      ['resolved', '2026-05-20 09:00'],
      ['in_progress', '2026-05-21 12:00'],
      ['resolved', '2026-05-21 14:00'],
      ['closed', '2026-05-22 10:00'],
    ],
    closed: '2026-05-22 10:00',
    csat: null,
  }),
  // D, standard, escalated and returned by the head: it never reached development, so it counts
  // as solved without escalation. Mon 25 09:00-12:00: 180 min, met. Reassigned to ag2 on 3 June,
  // so in May it is still ag1's.
  story({
    id: 'D',
    agent: 'ag2',
    created: '2026-05-25 09:00',
    moves: [
      ['in_progress', '2026-05-25 09:00'],
      ['escalation_requested', '2026-05-25 10:00'],
      ['in_progress', '2026-05-25 11:00'],
      ['resolved', '2026-05-25 12:00'],
    ],
    escalation: {
      ...emptyEscalation(),
      state: 'returned',
      reason: 'Ошибка сервера',
      requestedAt: msk('2026-05-25 10:00'),
      decidedAt: msk('2026-05-25 11:00'),
    },
  }),
  // E, standard, escalated to development (approved Mon 25 10:00). Mon 25 09:00-18:00 (540) + Tue
  // 26 09:00-10:00 (60) = 600 min: met, but not without escalation.
  story({
    id: 'E',
    created: '2026-05-25 09:00',
    moves: [
      ['in_progress', '2026-05-25 09:00'],
      ['escalation_requested', '2026-05-25 09:30'],
      ['escalated', '2026-05-25 10:00'],
      ['in_progress', '2026-05-25 14:00'],
      ['resolved', '2026-05-26 10:00'],
    ],
    escalation: { ...emptyEscalation(), state: 'answered', decidedAt: msk('2026-05-25 10:00') },
  }),
  // F, re-prioritised standard -> emergency at 09:30: every deadline is recomputed from creation as
  // an emergency. First contact due 09:15, made 09:40 (40 min): late contact, breached at 09:15.
  // Resolution due 13:00, resolved 12:00 (180 min): on time, but the ticket is breached.
  story({
    id: 'F',
    priority: 'emergency',
    created: '2026-05-26 09:00',
    contact: '2026-05-26 09:40',
    moves: [
      ['in_progress', '2026-05-26 09:05'],
      ['resolved', '2026-05-26 12:00'],
    ],
  }),
  // H, standard, still open at the end of May (resolved only on 3 June). Due: 1440 running min ->
  // Wed 27 540 + Thu 28 540 + Fri 29 360 -> Fri 29 15:00 (5 calendar days -> Mon 1 June 09:00).
  // Breached at Fri 29 15:00, still open at the end of May.
  story({
    id: 'H',
    agent: 'ag2',
    created: '2026-05-27 09:00',
    moves: [
      ['in_progress', '2026-05-27 09:10'],
      ['resolved', '2026-06-03 10:00'],
    ],
  }),
  // I, consultation, resolved late, without a KB article (an imported ticket). Due: 48 working h
  // -> Thu 21 12:00; 5 calendar days -> Tue 19 09:00; the earlier: Tue 19 09:00. Resolved Fri 22
  // 10:00: late resolution. Working time: Thu 14, Fri 15, Mon 18 - Thu 21 = 6 days x 540 = 3240,
  // + Fri 22 09:00-10:00 = 60: 3300 min.
  story({
    id: 'I',
    priority: 'consultation',
    agent: 'ag2',
    created: '2026-05-14 09:00',
    moves: [
      ['in_progress', '2026-05-14 09:00'],
      ['resolved', '2026-05-22 10:00'],
    ],
    kb: '',
  }),
  // Repeats: two in the first quarter, one in May (the quarter containing the period is Q2).
  story({ id: 'R1', created: '2026-02-10 10:00', moves: [['resolved', '2026-02-10 11:00']], repeatOf: 'X1' }),
  // Not a repeat: repeatOf null (as documents made before repeat links carry it).
  { ...story({ id: 'Q1', created: '2026-02-11 10:00', moves: [['resolved', '2026-02-11 11:00']] }), repeatOf: null },
  story({ id: 'R2', created: '2026-03-03 10:00', moves: [['resolved', '2026-03-03 11:00']], repeatOf: 'X2' }),
  // R3, consultation, a repeat: Tue 5 May 10:00-12:00 = 120 min, met.
  story({
    id: 'R3',
    priority: 'consultation',
    created: '2026-05-05 10:00',
    moves: [['resolved', '2026-05-05 12:00']],
    repeatOf: 'A0',
  }),
];

export const mayEvents: KpiEvent[] = [
  event('F', 'priority_changed', '2026-05-26 09:30', { from: 'standard', to: 'emergency' }),
  event('D', 'assigned', '2026-06-03 12:00', { from: 'ag1', to: 'ag2' }),
  event('E', 'escalation_approved', '2026-05-25 10:00', { devTaskRef: 'DEV-1' }),
  event('I', 'resolution', '2026-05-22 10:00', { kbArticleId: '' }),
  event('A', 'resolution', '2026-05-12 11:00', { kbArticleId: 'kb-7' }),
];

/** The report is made on 10 June: May is over, so it is read as it stood at 1 June 00:00. */
export const june10 = msk('2026-06-10 12:00');
