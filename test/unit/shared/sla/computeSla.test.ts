import { describe, expect, it } from 'vitest';
import {
  computeSla,
  defaultRussianCalendar,
  defaultSlaPolicies,
  slaSortKey,
  warningWindowMinutes,
  type SlaPolicy,
  type SlaTicket,
} from '../../../../shared/sla/index.ts';
import { maxInstant } from '../../../../shared/schema/fields.ts';
import { msk, showMsk, ticket } from './slaTestHelpers.ts';

const cal = defaultRussianCalendar();
const policies = defaultSlaPolicies();
const emergency = policies.emergency;
const standard = policies.standard;
const consultation = policies.consultation;

function log(...entries: [string, string][]): SlaTicket['statusLog'] {
  return entries.map(([status, when]) => ({ status, at: msk(when) }));
}

describe('default policies (job description)', () => {
  it('has the numbers of docs/product.md', () => {
    expect(emergency.firstContact).toEqual({ minutes: 15, clock: 'business' });
    expect(emergency.resolution).toEqual({ target: { minutes: 240, clock: 'business' }, limit: null });
    expect(standard.resolution).toEqual({
      target: { minutes: 24 * 60, clock: 'business' },
      limit: { minutes: 5 * 1440, clock: 'calendar' },
    });
    expect(consultation.resolution).toEqual({
      target: { minutes: 48 * 60, clock: 'business' },
      limit: { minutes: 5 * 1440, clock: 'calendar' },
    });
    expect(standard.firstContact).toBeNull();
    expect(emergency.pausingStatuses).toEqual(['waiting_client']);
    expect(emergency.criticalMinutes).toBe(5);
    expect(standard.criticalMinutes).toBeNull();
  });

  it.each([
    ['the 15-minute first contact', 15, 3.75],
    ['the 4-hour emergency resolution', 240, 30],
    ['the 24-hour standard target', 24 * 60, 30],
    ['the 5-calendar-day limit', 5 * 1440, 30],
    ['a 60-minute target', 60, 15],
  ])('warns min(25%% of the target, 30 min) before the due instant: %s -> %s min', (_what, minutes, window) => {
    expect(warningWindowMinutes(standard, { minutes, clock: 'business' })).toBe(window);
  });
});

describe('emergency: first contact within 15 working minutes', () => {
  const created = msk('2026-01-12 10:00');
  const t = ticket({ createdAt: created, priority: 'emergency' });

  it.each([
    ['2026-01-12 10:00', 'ok', 15],
    ['2026-01-12 10:09:59', 'ok', 5 + 1 / 60],
    // The critical window (5 min) is wider than the warning window (3.75 min): ok goes straight to critical.
    ['2026-01-12 10:10', 'critical', 5],
    ['2026-01-12 10:13', 'critical', 2],
    ['2026-01-12 10:15', 'breached', 0],
    ['2026-01-12 11:00', 'breached', -45],
  ])('at %s the countdown is %s with %f min left', (now, stage, left) => {
    const s = computeSla(t, emergency, cal, msk(now)).firstContact!;
    expect(s.stage).toBe(stage);
    expect(s.dueAt).toBe(msk('2026-01-12 10:15'));
    expect(s.remainingWorkingMinutes).toBeCloseTo(left, 9);
    expect(s.remainingWallMinutes).toBeCloseTo(left, 9);
    expect(s.breachedAt).toBe(stage === 'breached' ? msk('2026-01-12 10:15') : null);
  });

  it('is met by a public contact before the due instant', () => {
    const s = computeSla({ ...t, firstContactAt: msk('2026-01-12 10:14') }, emergency, cal, msk('2026-01-12 12:00'));
    expect(s.firstContact).toMatchObject({
      stage: 'met',
      metAt: msk('2026-01-12 10:14'),
      breachedAt: null,
      targetMissed: false,
      remainingWorkingMinutes: 1,
    });
    expect(s.nextDueAt).toBe(msk('2026-01-12 14:00'));
  });

  it('is breached by a contact at the due instant or later (deadlines are half-open)', () => {
    const s = computeSla({ ...t, firstContactAt: msk('2026-01-12 10:15') }, emergency, cal, msk('2026-01-12 12:00'));
    expect(s.firstContact).toMatchObject({ stage: 'breached', breachedAt: msk('2026-01-12 10:15'), targetMissed: true });
  });

  it('counts working minutes: a ticket at 17:55 on Friday is due at 09:10 on Monday', () => {
    const late = ticket({ createdAt: msk('2026-01-16 17:55'), priority: 'emergency' });
    const s = computeSla(late, emergency, cal, msk('2026-01-17 12:00')).firstContact!;
    expect(showMsk(s.dueAt)).toBe('2026-01-19 09:10');
    expect(s.remainingWorkingMinutes).toBe(10);
    expect(s.remainingWallMinutes).toBe((msk('2026-01-19 09:10') - msk('2026-01-17 12:00')) / 60_000);
  });

  it('switched to a 24/7 clock, the same ticket is due at 18:10 on Friday', () => {
    const allDay: SlaPolicy = { ...emergency, firstContact: { minutes: 15, clock: 'calendar' } };
    const late = ticket({ createdAt: msk('2026-01-16 17:55'), priority: 'emergency' });
    expect(showMsk(computeSla(late, allDay, cal, msk('2026-01-16 18:00')).firstContact!.dueAt)).toBe('2026-01-16 18:10');
  });

  it('does not pause while the ticket waits for the client', () => {
    const waiting = { ...t, statusLog: log(['new', '2026-01-12 10:00'], ['waiting_client', '2026-01-12 10:01']) };
    const s = computeSla(waiting, emergency, cal, msk('2026-01-12 10:20'));
    expect(s.firstContact).toMatchObject({ stage: 'breached', pausedMinutes: 0, dueAt: msk('2026-01-12 10:15') });
    expect(s.resolution.stage).toBe('paused');
  });

  it('sorts by first contact while not contacted, then by resolution', () => {
    expect(computeSla(t, emergency, cal, msk('2026-01-12 10:05')).nextDueAt).toBe(msk('2026-01-12 10:15'));
  });

  it('freezes when the ticket is closed without any contact', () => {
    const closed = { ...t, statusLog: log(['new', '2026-01-12 10:00'], ['closed', '2026-01-12 10:02']) };
    const s = computeSla(closed, emergency, cal, msk('2026-01-12 11:00'));
    expect(s.firstContact).toMatchObject({ stage: 'ok', metAt: null, breachedAt: null, remainingWorkingMinutes: 13 });
    expect(s.resolution).toMatchObject({ stage: 'met', metAt: msk('2026-01-12 10:02') });
    expect(s.nextDueAt).toBeNull();
  });
});

describe('emergency: resolution within 4 working hours', () => {
  const t = ticket({ createdAt: msk('2026-01-16 16:00'), priority: 'emergency', firstContactAt: msk('2026-01-16 16:05') });

  it.each([
    ['2026-01-16 16:30', 'ok'],
    ['2026-01-17 12:00', 'ok'],
    ['2026-01-19 10:29', 'ok'],
    ['2026-01-19 10:30', 'warning'],
    ['2026-01-19 10:55', 'critical'],
    ['2026-01-19 11:00', 'breached'],
  ])('Friday 16:00 + 4 h is due Monday 11:00; at %s: %s', (now, stage) => {
    const s = computeSla(t, emergency, cal, msk(now));
    expect(showMsk(s.resolution.dueAt)).toBe('2026-01-19 11:00');
    expect(s.resolution.stage).toBe(stage);
    expect(s.worstStage).toBe(stage);
  });

  it('a priority change recomputes from creation with the paused time kept', () => {
    // Entered as standard, waited for the client 10:00-11:00, raised to emergency at 11:30.
    const raised: SlaTicket = {
      ...ticket({ createdAt: msk('2026-01-12 09:00'), priority: 'emergency', firstContactAt: msk('2026-01-12 09:30') }),
      statusLog: log(['new', '2026-01-12 09:00'], ['waiting_client', '2026-01-12 10:00'], ['in_progress', '2026-01-12 11:00']),
    };
    const s = computeSla(raised, policies[raised.priority], cal, msk('2026-01-12 11:30'));
    expect(showMsk(s.resolution.dueAt)).toBe('2026-01-12 14:00');
    expect(s.resolution.pausedMinutes).toBe(60);
    expect(
      showMsk(computeSla({ ...raised, priority: 'standard' }, standard, cal, msk('2026-01-12 11:30')).resolution.dueAt),
    ).toBe('2026-01-14 16:00');
  });

  it('stays breached when a pause starts after the breach', () => {
    const late: SlaTicket = {
      ...ticket({ createdAt: msk('2026-01-12 09:00'), priority: 'emergency', firstContactAt: msk('2026-01-12 09:05') }),
      statusLog: log(['new', '2026-01-12 09:00'], ['waiting_client', '2026-01-12 13:30']),
    };
    const s = computeSla(late, emergency, cal, msk('2026-01-12 15:00'));
    expect(s.resolution).toMatchObject({
      stage: 'breached',
      dueAt: msk('2026-01-12 13:00'),
      breachedAt: msk('2026-01-12 13:00'),
    });
  });
});

describe('standard and consultation: a working-hours target and a 5-calendar-day limit', () => {
  it('reports both due instants; the earlier is the deadline', () => {
    const s = computeSla(ticket({ createdAt: msk('2026-01-12 09:00') }), standard, cal, msk('2026-01-12 10:00')).resolution;
    expect(showMsk(s.targetDueAt)).toBe('2026-01-14 15:00');
    expect(showMsk(s.limitDueAt!)).toBe('2026-01-17 09:00');
    expect(s.dueAt).toBe(s.targetDueAt);
    expect(s.remainingWorkingMinutes).toBe(23 * 60);
  });

  it('consultation: 48 working hours come after 5 calendar days, so the limit is the deadline', () => {
    const s = computeSla(
      ticket({ createdAt: msk('2026-01-12 09:00'), priority: 'consultation' }),
      consultation,
      cal,
      msk('2026-01-12 10:00'),
    ).resolution;
    expect(showMsk(s.targetDueAt)).toBe('2026-01-19 12:00');
    expect(showMsk(s.dueAt)).toBe('2026-01-17 09:00');
  });

  it.each([
    ['2026-01-03 11:29', 'ok', false],
    ['2026-01-03 11:30', 'warning', false],
    ['2026-01-03 12:00', 'breached', false],
    ['2026-01-12 18:00', 'breached', true],
  ])('over the New Year holidays the 5-day limit comes first: at %s %s, target missed %s', (now, stage, missed) => {
    const t = ticket({ createdAt: msk('2025-12-29 12:00') });
    const s = computeSla(t, standard, cal, msk(now)).resolution;
    expect(showMsk(s.targetDueAt)).toBe('2026-01-12 18:00');
    expect(showMsk(s.dueAt)).toBe('2026-01-03 12:00');
    expect(s.stage).toBe(stage);
    expect(s.targetMissed).toBe(missed);
    expect(s.breachedAt).toBe(stage === 'breached' ? msk('2026-01-03 12:00') : null);
  });

  it('warns 30 working minutes before a working-hours target', () => {
    const t = ticket({ createdAt: msk('2026-01-12 09:00') });
    expect(computeSla(t, standard, cal, msk('2026-01-14 14:29')).resolution.stage).toBe('ok');
    expect(computeSla(t, standard, cal, msk('2026-01-14 14:30')).resolution.stage).toBe('warning');
  });

  it('a resolution at the due instant breaches; one a millisecond before meets', () => {
    const created = msk('2026-01-12 09:00');
    const due = msk('2026-01-14 15:00');
    for (const [resolvedAt, stage] of [
      [due - 1, 'met'],
      [due, 'breached'],
    ] as const) {
      const t: SlaTicket = {
        ...ticket({ createdAt: created }),
        resolvedAt,
        statusLog: [
          { status: 'new', at: created },
          { status: 'resolved', at: resolvedAt },
        ],
      };
      expect(computeSla(t, standard, cal, msk('2026-01-20 12:00')).resolution.stage).toBe(stage);
    }
  });
});

describe('pauses while waiting for the client', () => {
  const created = msk('2026-01-12 09:00');
  const waited: SlaTicket = {
    ...ticket({ createdAt: created }),
    statusLog: log(
      ['new', '2026-01-12 09:00'],
      ['in_progress', '2026-01-12 09:30'],
      ['waiting_client', '2026-01-12 10:00'],
      ['in_progress', '2026-01-13 10:00'],
    ),
  };

  it('moves both due instants by the paused time, each in its own clock', () => {
    const s = computeSla(waited, standard, cal, msk('2026-01-13 11:00')).resolution;
    // 24 h paused wall-clock = 9 working hours (Mon 10-18, Tue 9-10).
    expect(showMsk(s.targetDueAt)).toBe('2026-01-15 15:00');
    expect(showMsk(s.limitDueAt!)).toBe('2026-01-18 09:00');
    expect(s.pausedMinutes).toBe(24 * 60);
    expect(s.stage).toBe('ok');
  });

  it('while paused, the due instant is where it would be if the clock resumed now, and it moves', () => {
    const paused = { ...waited, statusLog: waited.statusLog.slice(0, 3) };
    const at15 = computeSla(paused, standard, cal, msk('2026-01-12 15:00')).resolution;
    expect(at15.stage).toBe('paused');
    expect(showMsk(at15.dueAt)).toBe('2026-01-15 11:00');
    expect(at15.remainingWorkingMinutes).toBe(23 * 60);
    expect(at15.pausedMinutes).toBe(5 * 60);
    const at16 = computeSla(paused, standard, cal, msk('2026-01-12 16:00')).resolution;
    expect(showMsk(at16.dueAt)).toBe('2026-01-15 12:00');
    expect(at16.remainingWorkingMinutes).toBe(23 * 60);
  });

  it('pauses in every status the policy names', () => {
    const policy: SlaPolicy = { ...standard, pausingStatuses: ['waiting_client', 'escalated'] };
    const escalated = { ...waited, statusLog: log(['new', '2026-01-12 09:00'], ['escalated', '2026-01-12 10:00']) };
    expect(computeSla(escalated, policy, cal, msk('2026-01-12 12:00')).resolution.stage).toBe('paused');
    expect(computeSla(escalated, standard, cal, msk('2026-01-12 12:00')).resolution.stage).toBe('ok');
  });
});

describe('resolution, reopening and closing', () => {
  const created = msk('2026-01-12 09:00');
  const resolved: SlaTicket = {
    ...ticket({ createdAt: created, resolvedAt: msk('2026-01-12 11:00') }),
    statusLog: log(['new', '2026-01-12 09:00'], ['resolved', '2026-01-12 11:00']),
  };

  it('is met when the ticket is resolved, and nothing is due any more', () => {
    const s = computeSla(resolved, standard, cal, msk('2026-01-20 12:00'));
    expect(s.resolution).toMatchObject({
      stage: 'met',
      metAt: msk('2026-01-12 11:00'),
      breachedAt: null,
      remainingWorkingMinutes: 22 * 60,
    });
    expect(s.nextDueAt).toBeNull();
    expect(s.worstStage).toBe('met');
  });

  it('stays met at the resolution instant once closed', () => {
    const closed = { ...resolved, statusLog: [...resolved.statusLog, ...log(['closed', '2026-01-13 12:00'])] };
    expect(computeSla(closed, standard, cal, msk('2026-01-20 12:00')).resolution.metAt).toBe(msk('2026-01-12 11:00'));
  });

  it('a reopen continues the clock where it stopped', () => {
    const reopened = { ...resolved, statusLog: [...resolved.statusLog, ...log(['in_progress', '2026-01-13 09:00'])] };
    const s = computeSla(reopened, standard, cal, msk('2026-01-13 10:00')).resolution;
    // 2 h used on Monday, 22 working hours from Tuesday 09:00: 9 + 9 + 4 -> Thursday 13:00.
    expect(showMsk(s.targetDueAt)).toBe('2026-01-15 13:00');
    expect(showMsk(s.limitDueAt!)).toBe('2026-01-18 07:00');
    expect(s).toMatchObject({ stage: 'ok', metAt: null, pausedMinutes: 0 });
  });

  it('uses resolvedAt when there is no status history', () => {
    const bare = { ...resolved, statusLog: [] };
    expect(computeSla(bare, standard, cal, msk('2026-01-20 12:00')).resolution.metAt).toBe(msk('2026-01-12 11:00'));
  });

  it('ignores status entries after now and reads an unsorted history in time order', () => {
    const future = {
      ...ticket({ createdAt: created }),
      statusLog: log(['new', '2026-01-12 09:00'], ['resolved', '2026-01-12 11:00']),
    };
    expect(computeSla(future, standard, cal, msk('2026-01-12 10:00')).resolution.stage).toBe('ok');
    const shuffled = { ...resolved, statusLog: [...resolved.statusLog].reverse() };
    expect(computeSla(shuffled, standard, cal, msk('2026-01-20 12:00')).resolution.metAt).toBe(msk('2026-01-12 11:00'));
  });
});

describe('slaSortKey', () => {
  it('puts breached tickets first (most overdue first), then the nearest due, done tickets last', () => {
    const now = msk('2026-01-12 12:00');
    const tickets: [string, SlaTicket, SlaPolicy][] = [
      [
        'done',
        {
          ...ticket({ createdAt: msk('2026-01-12 09:00') }),
          statusLog: log(['new', '2026-01-12 09:00'], ['resolved', '2026-01-12 10:00']),
        },
        standard,
      ],
      ['standard due Wednesday', ticket({ createdAt: msk('2026-01-12 09:00') }), standard],
      ['emergency breached 11:15', ticket({ createdAt: msk('2026-01-12 11:00'), priority: 'emergency' }), emergency],
      ['emergency due 12:10', ticket({ createdAt: msk('2026-01-12 11:55'), priority: 'emergency' }), emergency],
      ['emergency breached 10:15', ticket({ createdAt: msk('2026-01-12 10:00'), priority: 'emergency' }), emergency],
    ];
    const order = tickets
      .map(([name, t, p]) => ({ name, key: slaSortKey(computeSla(t, p, cal, now)) }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.name);
    expect(order).toEqual([
      'emergency breached 10:15',
      'emergency breached 11:15',
      'emergency due 12:10',
      'standard due Wednesday',
      'done',
    ]);
    expect(slaSortKey(computeSla(tickets[0]![1], standard, cal, now))).toBe(maxInstant);
  });
});
