import { describe, expect, it } from 'vitest';
import {
  lastQuarters,
  quarterOf,
  repeatsPerSiteAndProduct,
  slaOutcome,
  type HistoryTicket,
} from '#shared/domain/clientHistory.ts';

const hour = 3_600_000;
const now = Date.UTC(2026, 11, 3, 9, 0);
const ticket = (o: Partial<HistoryTicket> = {}): HistoryTicket => ({
  status: 'closed',
  createdAt: now - 100 * hour,
  firstContactAt: now - 99 * hour,
  firstContactDueAt: now - 98 * hour,
  resolvedAt: now - 90 * hour,
  resolutionDueAt: now - 80 * hour,
  siteName: 'ЖК Северный парк',
  product: 'pass24_auto',
  repeatOf: null,
  ...o,
});

describe('a client ticket’s SLA outcome', () => {
  it('is met when both deadlines were kept, breached when either was missed', () => {
    expect(slaOutcome(ticket(), now)).toBe('met');
    expect(slaOutcome(ticket({ firstContactAt: now - 97 * hour }), now)).toBe('breached');
    expect(slaOutcome(ticket({ resolvedAt: now - 79 * hour }), now)).toBe('breached');
    // Met exactly at the deadline is in time.
    expect(slaOutcome(ticket({ resolvedAt: now - 80 * hour }), now)).toBe('met');
  });

  it('is open while running, and breached as soon as an unmet deadline has passed', () => {
    const open = ticket({ status: 'in_progress', resolvedAt: null, resolutionDueAt: now + hour });
    expect(slaOutcome(open, now)).toBe('open');
    expect(slaOutcome({ ...open, resolutionDueAt: now - 1 }, now)).toBe('breached');
    expect(slaOutcome({ ...open, firstContactAt: null, firstContactDueAt: now - 1 }, now)).toBe('breached');
    expect(slaOutcome({ ...open, firstContactDueAt: null, resolutionDueAt: null }, now)).toBe('open');
  });
});

describe('repeats per site and product', () => {
  it('names quarters in Moscow time', () => {
    // 31 March 22:00 UTC is 1 April 01:00 in Moscow.
    expect(quarterOf(Date.UTC(2026, 2, 31, 22, 0))).toBe('2026 Q2');
    expect(quarterOf(Date.UTC(2026, 2, 31, 20, 0))).toBe('2026 Q1');
    expect(lastQuarters(now, 5)).toEqual(['2025 Q4', '2026 Q1', '2026 Q2', '2026 Q3', '2026 Q4']);
  });

  it('counts only repeats, in the quarter of creation, busiest site and product first', () => {
    const q4 = Date.UTC(2026, 10, 1);
    const q3 = Date.UTC(2026, 7, 1);
    const rows = repeatsPerSiteAndProduct(
      [
        ticket({ repeatOf: 'a', createdAt: q4 }),
        ticket({ repeatOf: 'b', createdAt: q3 }),
        ticket({ repeatOf: 'c', createdAt: q4, siteName: 'БЦ Восток', product: 'pass24_key' }),
        ticket({ repeatOf: null, createdAt: q4 }),
        ticket({ repeatOf: 'd', createdAt: Date.UTC(2024, 0, 10) }),
      ],
      ['2026 Q3', '2026 Q4'],
    );
    expect(rows).toEqual([
      { siteName: 'ЖК Северный парк', product: 'pass24_auto', counts: [1, 1] },
      { siteName: 'БЦ Восток', product: 'pass24_key', counts: [0, 1] },
    ]);
  });
});
