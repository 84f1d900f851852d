import { describe, expect, it } from 'vitest';
import { alarmTicketOf } from '#shared/alarms/alarmTicketOf.ts';
import { buildAlarmSpecs } from '#shared/alarms/buildAlarmSpecs.ts';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { defaultAlarmThresholds, type AlarmThresholds } from '#shared/host.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { agent, makeTicket, monday10, otherAgent } from '../../../support/ticketFactory.ts';

const minute = 60_000;
const hour = 60 * minute;
const setup = defaultSlaSetup();
const thresholds: AlarmThresholds = { ...defaultAlarmThresholds };
const audience = { thresholds, onShift: true, agentId: agent.id, locale: 'ru' as const };

function emergency(overrides: Partial<Ticket> = {}): Ticket {
  return makeTicket({ createdAt: monday10, ...overrides }, { priority: 'emergency' });
}

/** What the host would be asked to schedule for this one ticket, as `metric:stage@minutes after creation`. */
function schedule(ticket: Ticket, now = monday10, t: AlarmThresholds = thresholds, agentId = agent.id): string[] {
  const specs = buildAlarmSpecs([alarmTicketOf(ticket, setup, now, t)], { ...audience, thresholds: t, agentId });
  return specs.map((s) => `${s.metric}:${s.stage}@${(s.at - ticket.createdAt) / minute}`);
}

describe('alarmTicketOf: an emergency at Monday 10:00 Moscow', () => {
  it('arrives at once, warns at minute 10 and breaches first contact at minute 15', () => {
    expect(schedule(emergency()).slice(0, 3)).toEqual([
      'arrival:arrived@0',
      'firstContact:warning@10',
      'firstContact:breached@15',
    ]);
  });

  it('warns 30 minutes before the 4-working-hour resolution and breaches at 14:00', () => {
    expect(schedule(emergency()).slice(3)).toEqual(['resolution:warning@210', 'resolution:breached@240']);
  });

  it('follows the thresholds set in Настройки', () => {
    const t = { ...thresholds, emergencyContactWarnBefore: 3, emergencyResolutionWarnBefore: 60 };
    expect(schedule(emergency(), monday10, t)).toContain('firstContact:warning@12');
    expect(schedule(emergency(), monday10, t)).toContain('resolution:warning@180');
  });

  it('counts first contact on the working calendar: created Friday 17:55, it is due Monday 09:10', () => {
    const friday1755 = monday10 - 3 * 24 * hour + 7 * hour + 55 * minute;
    const view = alarmTicketOf(
      emergency({ createdAt: friday1755, statusLog: [{ status: 'new', at: friday1755 }] }),
      setup,
      friday1755,
      thresholds,
    );
    expect(view.firstContactDueAt).toBe(monday10 - 50 * minute);
  });

  it('drops the arrival and first-contact alarms once contact is logged, keeping resolution', () => {
    const contacted = emergency({ firstContactAt: monday10 + 4 * minute, status: 'in_progress', assigneeId: agent.id });
    expect(schedule(contacted, monday10 + 5 * minute)).toEqual(['resolution:warning@210', 'resolution:breached@240']);
  });

  it("is not this agent's alarm once another agent takes it", () => {
    const taken = emergency({ assigneeId: otherAgent.id, status: 'in_progress' });
    expect(alarmTicketOf(taken, setup, monday10, thresholds).assigneeId).toBe(otherAgent.id);
    expect(schedule(taken)).toEqual([]);
  });

  it("treats the document's empty assignee as unassigned", () => {
    expect(alarmTicketOf(emergency(), setup, monday10, thresholds).assigneeId).toBeNull();
  });

  it('raises nothing for a resolved or closed ticket', () => {
    for (const status of ['resolved', 'closed'] as const) {
      const done = emergency({
        status,
        resolvedAt: monday10 + hour,
        statusLog: [
          { status: 'new', at: monday10 },
          { status, at: monday10 + hour },
        ],
      });
      expect(alarmTicketOf(done, setup, monday10 + hour, thresholds).resolved).toBe(true);
      expect(schedule(done, monday10 + hour)).toEqual([]);
    }
  });

  it('leaves the resolution alarms out while the clock is paused for the client', () => {
    const waiting = emergency({
      status: 'waiting_client',
      assigneeId: agent.id,
      firstContactAt: monday10 + 5 * minute,
      statusLog: [
        { status: 'new', at: monday10 },
        { status: 'in_progress', at: monday10 + 5 * minute },
        { status: 'waiting_client', at: monday10 + 10 * minute },
      ],
    });
    const view = alarmTicketOf(waiting, setup, monday10 + hour, thresholds);
    expect(view.resolutionDueAt).toBeNull();
    expect(schedule(waiting, monday10 + hour)).toEqual([]);
  });

  it('carries number, subject and site for the notification text, and an empty site as none', () => {
    const view = alarmTicketOf(emergency({ number: '2026-000042', siteName: '' }), setup, monday10, thresholds);
    expect(view).toMatchObject({ number: '2026-000042', subject: 'Шлагбаум не открывается по номеру', siteName: null });
  });
});

describe('alarmTicketOf: standard and consultation tickets', () => {
  const wednesday16 = monday10 + 2 * 24 * hour + 6 * hour;

  it('warns 60 working minutes before the 24-working-hour deadline (Wednesday 16:00 -> 15:00)', () => {
    const view = alarmTicketOf(makeTicket({ createdAt: monday10 }), setup, monday10, thresholds);
    expect(view.resolutionDueAt).toBe(wednesday16);
    expect(view.resolutionWarnAt).toBe(wednesday16 - hour);
  });

  it('counts the warning across the night: 8 working hours before Wednesday 16:00 is Tuesday 17:00', () => {
    const view = alarmTicketOf(makeTicket({ createdAt: monday10 }), setup, monday10, {
      ...thresholds,
      standardResolutionWarnBefore: 480,
    });
    expect(view.resolutionWarnAt).toBe(wednesday16 - 24 * hour + hour);
  });

  it('has no warning when the threshold is 0', () => {
    const view = alarmTicketOf(makeTicket({ createdAt: monday10 }), setup, monday10, {
      ...thresholds,
      standardResolutionWarnBefore: 0,
    });
    expect(view.resolutionWarnAt).toBeNull();
  });

  it('schedules a normal-severity warning and breach, and no first-contact alarms', () => {
    const ticket = makeTicket({ createdAt: monday10 }, { priority: 'consultation' });
    const specs = buildAlarmSpecs([alarmTicketOf(ticket, setup, monday10, thresholds)], audience);
    expect(specs.map((s) => [s.metric, s.stage, s.severity])).toEqual([
      ['resolution', 'warning', 'normal'],
      ['resolution', 'breached', 'normal'],
    ]);
  });

  it('leaves the warning out while the clock is paused', () => {
    const waiting = makeTicket({
      createdAt: monday10,
      status: 'waiting_client',
      assigneeId: agent.id,
      statusLog: [
        { status: 'new', at: monday10 },
        { status: 'waiting_client', at: monday10 + hour },
      ],
    });
    const view = alarmTicketOf(waiting, setup, monday10 + 2 * hour, thresholds);
    expect(view).toMatchObject({ resolutionDueAt: null, resolutionWarnAt: null });
  });
});
