import { describe, expect, it } from 'vitest';
import {
  computeSla,
  defaultRussianCalendar,
  defaultSlaPolicies,
  upcomingSlaInstants,
  type SlaPolicy,
} from '../../../../shared/sla/index.ts';
import { msk, showMsk, ticket } from './slaTestHelpers.ts';

const cal = defaultRussianCalendar();
const emergency = defaultSlaPolicies().emergency;
const created = msk('2026-01-12 10:00');
const show = (list: ReturnType<typeof upcomingSlaInstants>) => list.map((u) => `${u.metric} ${u.stage} ${showMsk(u.at)}`);
const upcoming = (policy: SlaPolicy, now: number) =>
  show(upcomingSlaInstants(ticket({ createdAt: created, priority: 'emergency' }), policy, cal, now));

describe('targets of an edited policy', () => {
  it('a target of 0 minutes is due the instant the ticket arrives in working hours', () => {
    const policy: SlaPolicy = { ...emergency, firstContact: { minutes: 0, clock: 'business' } };
    const state = computeSla(ticket({ createdAt: created, priority: 'emergency' }), policy, cal, created);
    expect(state.firstContact?.dueAt).toBe(created);
  });

  it('a negative target is refused, naming it', () => {
    const policy: SlaPolicy = { ...emergency, firstContact: { minutes: -5, clock: 'business' } };
    expect(() => computeSla(ticket({ createdAt: created, priority: 'emergency' }), policy, cal, created)).toThrow(
      /must be >= 0 minutes, got -5/,
    );
  });
});

describe('the state of a new emergency', () => {
  const fresh = ticket({ createdAt: created, priority: 'emergency' });

  it('its worst stage is the first contact one when that is the more urgent', () => {
    const state = computeSla(fresh, emergency, cal, msk('2026-01-12 10:12'));
    expect([state.firstContact?.stage, state.resolution.stage, state.worstStage]).toEqual(['critical', 'ok', 'critical']);
  });

  it('seen from a clock running behind, is due as if seen at its creation', () => {
    const state = computeSla(fresh, emergency, cal, created - 60_000);
    expect([state.firstContact?.dueAt, state.resolution.dueAt].map((at) => showMsk(at!))).toEqual([
      '2026-01-12 10:15',
      '2026-01-12 14:00',
    ]);
  });
});

describe('the stage changes still ahead', () => {
  it('a window switched off (0 minutes) announces nothing', () => {
    const policy: SlaPolicy = { ...emergency, criticalMinutes: 0, warningMaxMinutes: 0 };
    expect(upcoming(policy, created)).toEqual(['firstContact breached 2026-01-12 10:15', 'resolution breached 2026-01-12 14:00']);
  });

  it('a warning window exactly as wide as the critical one is never shown', () => {
    const policy: SlaPolicy = { ...emergency, criticalMinutes: 30, warningMaxMinutes: 30 };
    expect(upcoming(policy, msk('2026-01-12 10:20'))).toEqual([
      'resolution critical 2026-01-12 13:30',
      'resolution breached 2026-01-12 14:00',
    ]);
  });

  it('a critical window as wide as the whole target is never shown', () => {
    const policy: SlaPolicy = { ...emergency, criticalMinutes: 15, warningMaxMinutes: 0 };
    expect(upcoming(policy, created)).toEqual([
      'firstContact breached 2026-01-12 10:15',
      'resolution critical 2026-01-12 13:45',
      'resolution breached 2026-01-12 14:00',
    ]);
  });

  it('a stage change at this very instant is not ahead any more', () => {
    expect(upcoming(emergency, msk('2026-01-12 13:30'))).toEqual([
      'resolution critical 2026-01-12 13:55',
      'resolution breached 2026-01-12 14:00',
    ]);
    expect(upcoming(emergency, msk('2026-01-12 13:55'))).toEqual(['resolution breached 2026-01-12 14:00']);
  });

  it('are in time order even when the resolution comes due before the first contact', () => {
    const policy: SlaPolicy = {
      ...emergency,
      firstContact: { minutes: 120, clock: 'business' },
      resolution: { target: { minutes: 60, clock: 'business' }, limit: null },
      criticalMinutes: null,
      warningMaxMinutes: 0,
    };
    expect(upcoming(policy, created)).toEqual(['resolution breached 2026-01-12 11:00', 'firstContact breached 2026-01-12 12:00']);
  });
});
