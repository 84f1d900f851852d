import { describe, expect, it } from 'vitest';
import { buildAlarmSpecs } from '../../../../shared/alarms/buildAlarmSpecs.ts';
import type { AlarmAudience, AlarmTicket } from '../../../../shared/alarms/buildAlarmSpecs.ts';
import { defaultAlarmThresholds } from '../../../../shared/host.ts';
import type { AlarmSpec } from '../../../../shared/host.ts';
import { emergency, minute, standard, t0 } from './alarmFactory.ts';

const me = 'agent-me';
const audience: AlarmAudience = { thresholds: defaultAlarmThresholds, onShift: true, agentId: me };

/** The alarms as (metric, stage, minutes after t0, severity): the shape of the threshold table. */
function plan(tickets: AlarmTicket[], who: Partial<AlarmAudience> = {}): Array<[string, string, number, string]> {
  return buildAlarmSpecs(tickets, { ...audience, ...who }).map((a) => [a.metric, a.stage, (a.at - t0) / minute, a.severity]);
}

describe('emergency thresholds', () => {
  it('places every stage: arrival at once, contact warning at minute 10, breach at 15, resolution warning 30 min before, breach', () => {
    expect(plan([emergency()])).toEqual([
      ['arrival', 'arrived', 0, 'critical'],
      ['firstContact', 'warning', 10, 'critical'],
      ['firstContact', 'breached', 15, 'critical'],
      ['resolution', 'warning', 210, 'critical'],
      ['resolution', 'breached', 240, 'critical'],
    ]);
  });

  it('follows edited thresholds', () => {
    const thresholds = { ...defaultAlarmThresholds, emergencyContactWarnBefore: 3, emergencyResolutionWarnBefore: 60 };
    expect(plan([emergency()], { thresholds }).filter(([, stage]) => stage === 'warning')).toEqual([
      ['firstContact', 'warning', 12, 'critical'],
      ['resolution', 'warning', 180, 'critical'],
    ]);
  });

  it('drops a warning that would fall before the ticket was created, or is switched off (0)', () => {
    const thresholds = { ...defaultAlarmThresholds, emergencyContactWarnBefore: 20, emergencyResolutionWarnBefore: 0 };
    expect(plan([emergency()], { thresholds }).filter(([, stage]) => stage === 'warning')).toEqual([]);
  });

  it('once the client was contacted: no arrival and no first-contact alarms, resolution alarms stay', () => {
    expect(plan([emergency({ firstContactAt: t0 + 4 * minute })])).toEqual([
      ['resolution', 'warning', 210, 'critical'],
      ['resolution', 'breached', 240, 'critical'],
    ]);
  });

  it('a paused clock (no due instant) schedules nothing for that metric', () => {
    expect(plan([emergency({ resolutionDueAt: null })]).map(([metric]) => metric)).not.toContain('resolution');
  });
});

describe('standard and consultation thresholds', () => {
  it.each(['standard', 'consultation'] as const)(
    '%s: a quiet warning 1 working hour before resolution, and the breach',
    (priority) => {
      expect(plan([standard({ priority })])).toEqual([
        ['resolution', 'warning', 71 * 60, 'normal'],
        ['resolution', 'breached', 72 * 60, 'normal'],
      ]);
    },
  );

  it('never raises arrival or first-contact alarms', () => {
    expect(plan([standard({ firstContactDueAt: t0 + 15 * minute })]).map(([metric]) => metric)).toEqual([
      'resolution',
      'resolution',
    ]);
  });

  it('skips the warning when the caller could not place it', () => {
    expect(plan([standard({ resolutionWarnAt: null })])).toEqual([['resolution', 'breached', 72 * 60, 'normal']]);
  });
});

describe('whose alarms', () => {
  it.each<[string, Partial<AlarmTicket>, Partial<AlarmAudience>, string[]]>([
    ['unassigned, on shift: everything', {}, {}, ['arrival', 'firstContact', 'firstContact', 'resolution', 'resolution']],
    ['unassigned, off shift: nothing', {}, { onShift: false }, []],
    [
      'assigned to me, on shift: everything',
      { assigneeId: me },
      {},
      ['arrival', 'firstContact', 'firstContact', 'resolution', 'resolution'],
    ],
    [
      'assigned to me, off shift: no arrival, the rest is still mine',
      { assigneeId: me },
      { onShift: false },
      ['firstContact', 'firstContact', 'resolution', 'resolution'],
    ],
    ['taken by someone else: nothing (their pending alarms stop here)', { assigneeId: 'agent-other' }, {}, []],
    ['resolved: nothing', { resolved: true }, {}, []],
  ])('%s', (_label, ticket, who, metrics) => {
    expect(plan([emergency(ticket)], who).map(([metric]) => metric)).toEqual(metrics);
  });

  it("two agents on shift both get the arrival; once one takes the ticket the other's list loses it", () => {
    const agentA: AlarmAudience = { ...audience, agentId: 'a' };
    const agentB: AlarmAudience = { ...audience, agentId: 'b' };
    const arrivals = (list: AlarmSpec[]) => list.filter((a) => a.metric === 'arrival').length;
    expect(arrivals(buildAlarmSpecs([emergency()], agentA))).toBe(1);
    expect(arrivals(buildAlarmSpecs([emergency()], agentB))).toBe(1);
    const taken = emergency({ assigneeId: 'a' });
    expect(arrivals(buildAlarmSpecs([taken], agentA))).toBe(1);
    expect(buildAlarmSpecs([taken], agentB)).toEqual([]);
  });
});

describe('notification text', () => {
  it('is Russian by default and names the ticket, the site and the subject', () => {
    const [arrival, warning, breach, resolutionWarning] = buildAlarmSpecs([emergency()], audience);
    expect(arrival).toMatchObject({
      title: 'Экстренное обращение №101',
      body: 'ЖК «Северный» — Шлагбаум не открывается',
      ticketId: 'e1',
      ticketNumber: '101',
    });
    expect(warning?.title).toBe('№101: до первого контакта 5 минут');
    expect(breach?.title).toBe('№101: срок первого контакта истёк');
    expect(resolutionWarning?.title).toBe('№101: до срока решения 30 минут');
  });

  it('speaks English when asked', () => {
    const [arrival, warning] = buildAlarmSpecs([emergency()], { ...audience, locale: 'en' });
    expect(arrival?.title).toBe('Emergency ticket #101');
    expect(warning?.title).toBe('#101: 5 minutes left to contact the client');
    expect(buildAlarmSpecs([standard()], { ...audience, locale: 'en' })[0]?.title).toBe('#202: 1 working hour left to resolve');
  });

  it('counts working hours for standard tickets, with Russian plurals', () => {
    const [warning] = buildAlarmSpecs([standard()], audience);
    expect(warning?.title).toBe('№202: до срока решения 1 рабочий час');
    const twoHours = { ...defaultAlarmThresholds, standardResolutionWarnBefore: 120 };
    expect(buildAlarmSpecs([standard()], { ...audience, thresholds: twoHours })[0]?.title).toBe(
      '№202: до срока решения 2 рабочих часа',
    );
  });

  it('a ticket without a number yet (not synced) is called a new ticket', () => {
    const [arrival, warning] = buildAlarmSpecs([emergency({ number: null })], audience);
    expect(arrival?.title).toBe('Новое экстренное обращение');
    expect(warning?.title).toBe('Новое обращение: до первого контакта 5 минут');
  });
});
