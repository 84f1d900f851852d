import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeSla,
  defaultRussianCalendar,
  defaultSlaPolicies,
  upcomingSlaInstants,
  type SlaTicket,
} from '../../../../shared/sla/index.ts';
import type { Priority } from '../../../../shared/vocabulary/enums.ts';
import { msk, showMsk, ticket } from './slaTestHelpers.ts';

const cal = defaultRussianCalendar();
const policies = defaultSlaPolicies();

const show = (list: ReturnType<typeof upcomingSlaInstants>) => list.map((u) => `${u.metric} ${u.stage} ${showMsk(u.at)}`);

describe('upcomingSlaInstants', () => {
  it('lists every stage change of a new emergency, in time order', () => {
    const t = ticket({ createdAt: msk('2026-01-12 10:00'), priority: 'emergency' });
    expect(show(upcomingSlaInstants(t, policies.emergency, cal, msk('2026-01-12 10:00')))).toEqual([
      // No first-contact warning: its 3.75-minute window lies inside the 5-minute critical one.
      'firstContact critical 2026-01-12 10:10',
      'firstContact breached 2026-01-12 10:15',
      'resolution warning 2026-01-12 13:30',
      'resolution critical 2026-01-12 13:55',
      'resolution breached 2026-01-12 14:00',
    ]);
  });

  it('lists only what is still ahead', () => {
    const t = ticket({ createdAt: msk('2026-01-12 10:00'), priority: 'emergency', firstContactAt: msk('2026-01-12 10:05') });
    expect(show(upcomingSlaInstants(t, policies.emergency, cal, msk('2026-01-12 13:40')))).toEqual([
      'resolution critical 2026-01-12 13:55',
      'resolution breached 2026-01-12 14:00',
    ]);
  });

  it('counts working time: 5 working minutes before Monday 09:05 is Friday 18:00', () => {
    const t = ticket({ createdAt: msk('2026-01-16 17:50'), priority: 'emergency' });
    expect(show(upcomingSlaInstants(t, policies.emergency, cal, msk('2026-01-16 17:50'))).slice(0, 2)).toEqual([
      'firstContact critical 2026-01-16 18:00',
      'firstContact breached 2026-01-19 09:05',
    ]);
  });

  it('takes the earlier of target and limit for a dual target', () => {
    const t = ticket({ createdAt: msk('2025-12-29 12:00') });
    expect(show(upcomingSlaInstants(t, policies.standard, cal, msk('2025-12-29 12:00')))).toEqual([
      'resolution warning 2026-01-03 11:30',
      'resolution breached 2026-01-03 12:00',
    ]);
  });

  it('has nothing for a paused, met or breached countdown', () => {
    const created = msk('2026-01-12 09:00');
    const paused: SlaTicket = {
      ...ticket({ createdAt: created }),
      statusLog: [
        { status: 'new', at: created },
        { status: 'waiting_client', at: created + 60_000 },
      ],
    };
    expect(upcomingSlaInstants(paused, policies.standard, cal, msk('2026-01-12 12:00'))).toEqual([]);
    const resolved: SlaTicket = {
      ...ticket({ createdAt: created }),
      statusLog: [
        { status: 'new', at: created },
        { status: 'resolved', at: created + 60_000 },
      ],
    };
    expect(upcomingSlaInstants(resolved, policies.standard, cal, msk('2026-01-12 12:00'))).toEqual([]);
    expect(upcomingSlaInstants(ticket({ createdAt: created }), policies.standard, cal, msk('2026-01-30 12:00'))).toEqual([]);
  });

  it('agrees with computeSla: the stage changes exactly at each announced instant', () => {
    const priority = fc.constantFrom<Priority>('emergency', 'standard', 'consultation');
    const start = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 11, 1) });
    fc.assert(
      fc.property(priority, start, fc.integer({ min: 0, max: 3 * 86_400_000 }), fc.boolean(), (p, createdAt, age, contacted) => {
        const now = createdAt + age;
        const t = ticket({ createdAt, priority: p, firstContactAt: contacted ? createdAt + 60_000 : null });
        const policy = policies[p];
        for (const u of upcomingSlaInstants(t, policy, cal, now)) {
          expect(u.at).toBeGreaterThan(now);
          const metricAt = (when: number) => {
            const s = computeSla(t, policy, cal, when);
            return u.metric === 'firstContact' ? s.firstContact!.stage : s.resolution.stage;
          };
          expect(metricAt(u.at)).toBe(u.stage);
          expect(metricAt(u.at - 1)).not.toBe(u.stage);
        }
      }),
      { numRuns: 300 },
    );
  });
});
