import { describe, expect, it } from 'vitest';
import { calendarVersionsOf, slaPolicyVersionsOf, slaSetupFromConfig } from '#shared/domain/slaSetupFromConfig.ts';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { defaultRussianCalendarConfig, defaultSlaPolicies } from '#shared/sla/index.ts';

// The SLA setup of the config documents: the newest versions for new tickets, and at any instant the
// versions in force then, each calendar built once.
const policiesV = (id: string, from: number, firstContactMinutes: number) => {
  const p = defaultSlaPolicies();
  const value = {
    ...p,
    emergency: { ...p.emergency, firstContact: { minutes: firstContactMinutes, clock: 'business' as const } },
  };
  return { id, from, editedBy: `head-${id}`, value };
};
const calendarV = (id: string, from: number) => ({ id, from, editedBy: `head-${id}`, value: defaultRussianCalendarConfig() });
const policies = { versions: [policiesV('p1', 1000, 20), policiesV('p2', 3000, 30)] };
const calendar = { versions: [calendarV('c1', 2000), calendarV('c2', 4000)] };

describe('the versions of a config document', () => {
  it('are none for an absent or unusable document', () => {
    for (const value of [null, undefined, 'x', { versions: 'x' }]) {
      expect([slaPolicyVersionsOf(value), calendarVersionsOf(value)]).toEqual([null, null]);
    }
    expect(slaPolicyVersionsOf(policies)).toEqual(policies);
    expect(calendarVersionsOf(calendar)).toEqual(calendar);
  });
});

describe('the SLA setup of the config documents', () => {
  const setup = slaSetupFromConfig(policies, calendar);

  it('is the newest versions for new tickets', () => {
    expect(setup.policies.emergency.firstContact?.minutes).toBe(30);
    expect([setup.policyVersion, setup.calendarVersion]).toEqual([
      { id: 'p2', from: 3000, editedBy: 'head-p2' },
      { id: 'c2', from: 4000, editedBy: 'head-c2' },
    ]);
  });

  it('at an instant, is the versions in force then, the defaults before the first', () => {
    const at = (instant: number) => {
      const s = setup.at!(instant);
      return [s.policyVersion?.id ?? null, s.calendarVersion?.id ?? null, s.policies.emergency.firstContact?.minutes];
    };
    const defaultMinutes = defaultSlaSetup().policies.emergency.firstContact?.minutes;
    expect([at(999), at(1000), at(2500), at(3500), at(4000)]).toEqual([
      [null, null, defaultMinutes],
      ['p1', null, 20],
      ['p1', 'c1', 20],
      ['p2', 'c1', 30],
      ['p2', 'c2', 30],
    ]);
    expect(setup.at!(999).calendar).toBe(defaultSlaSetup().calendar);
    expect(setup.at!(2500).calendarVersion).toEqual({ id: 'c1', from: 2000, editedBy: 'head-c1' });
  });

  it('is one and the same for every instant under the same versions, and builds each calendar once', () => {
    expect(setup.at!(2500)).toBe(setup.at!(2999));
    expect(setup.at!(3500).calendar).toBe(setup.at!(2500).calendar);
    expect(setup.at!(3500).calendar).not.toBe(setup.at!(4500).calendar);
  });
});
