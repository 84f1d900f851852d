/**
 * The config documents drive the SLA: a saved version applies to tickets created from its instant
 * on; tickets created earlier keep the deadlines of the setup they were created under.
 */
import { describe, expect, it } from 'vitest';
import { slaSetupFromConfig } from '../../../../shared/domain/slaSetupFromConfig.ts';
import { defaultSlaSetup, slaStateOf, withSlaDeadlines } from '../../../../shared/domain/ticketDeadlines.ts';
import { createTicketDocument } from '../../../../shared/domain/ticketFactory.ts';
import { defaultRussianCalendarConfig, defaultSlaPolicies } from '../../../../shared/sla/index.ts';

const msk = (iso: string) => Date.parse(`${iso}+03:00`);
const minute = 60_000;

function emergencyAt(createdAt: number) {
  return createTicketDocument(
    {
      subject: 'Шлагбаум не открывается',
      description: '',
      type: 'incident',
      priority: 'emergency',
      channel: 'phone',
      product: null,
      organizationName: '',
      siteName: '',
      contact: { name: '', phone: '', email: '' },
      externalId: null,
    } as never,
    { id: `t-${createdAt}`, now: createdAt, authorId: 'a1' },
  );
}

const roundTheClock = () => {
  const p = structuredClone(defaultSlaPolicies());
  return { ...p, emergency: { ...p.emergency, firstContact: { minutes: 15, clock: 'calendar' as const } } };
};

// Friday 5 June 2026, 18:30 Moscow: the head makes emergency first contact 24/7.
const changedAt = msk('2026-06-05T18:30:00');
const policies = { versions: [{ id: 'v1', from: changedAt, editedBy: 'head-1', value: roundTheClock() }] };

describe('slaSetupFromConfig', () => {
  it('without documents is the shipped defaults', () => {
    expect(slaSetupFromConfig(null, null)).toBe(defaultSlaSetup());
  });

  it('a night-time emergency after the change is due 15 wall-clock minutes later', () => {
    const setup = slaSetupFromConfig(policies, null);
    const created = msk('2026-06-05T19:00:00');
    const ticket = withSlaDeadlines(emergencyAt(created), created, setup);
    expect(ticket.firstContactDueAt).toBe(created + 15 * minute);
  });

  it('a ticket created before the change keeps its business-hours deadline', () => {
    const setup = slaSetupFromConfig(policies, null);
    const created = msk('2026-06-05T17:50:00');
    const state = slaStateOf(emergencyAt(created), changedAt + minute, setup);
    // 10 working minutes left on Friday, 5 more from Monday 09:00.
    expect(state.firstContact?.dueAt).toBe(msk('2026-06-08T09:05:00'));
    expect(setup.at!(created).policyVersion).toBeNull();
    expect(setup.at!(changedAt).policyVersion).toEqual({ id: 'v1', from: changedAt, editedBy: 'head-1' });
  });

  it('a calendar version with a new holiday moves deadlines of tickets created after it', () => {
    const base = defaultRussianCalendarConfig();
    const y2026 = base.years.find((y) => y.year === 2026)!;
    const withHoliday = {
      ...base,
      years: base.years.map((y) =>
        y === y2026 ? { ...y, holidays: [...y.holidays, { date: '2026-06-08', name: 'Новый' }] } : y,
      ),
    };
    const calendar = { versions: [{ id: 'c1', from: changedAt, editedBy: 'head-1', value: withHoliday }] };
    const setup = slaSetupFromConfig(null, calendar);
    const created = msk('2026-06-05T19:00:00');
    expect(slaStateOf(emergencyAt(created), created, setup).firstContact?.dueAt).toBe(msk('2026-06-09T09:15:00'));
    expect(slaStateOf(emergencyAt(msk('2026-06-05T17:00:00')), created, setup).firstContact?.dueAt).toBe(
      msk('2026-06-05T17:15:00'),
    );
  });

  it('an unusable document falls back to the defaults instead of stopping the desk', () => {
    const broken = { versions: [{ id: 'v1', from: 0, editedBy: 'x', value: { emergency: 'soon' } }] };
    expect(slaSetupFromConfig(broken, null)).toBe(defaultSlaSetup());
  });
});
