/** A client's history at its edges: a resolved ticket, the quarter at Moscow's midnight, the order of the repeat rows. */
import { describe, expect, it } from 'vitest';
import { lastQuarters, repeatsPerSiteAndProduct, slaOutcome, type HistoryTicket } from '#shared/domain/clientHistory.ts';

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

describe('a ticket’s SLA outcome', () => {
  it('is met for a resolved ticket within its deadlines, not only a closed one', () => {
    expect(slaOutcome(ticket({ status: 'resolved' }), now)).toBe('met');
  });
});

describe('the quarters of the client page', () => {
  it('start the new quarter at midnight in Moscow, three hours before UTC', () => {
    const aprilFirstMoscow = Date.UTC(2026, 2, 31, 21, 0);
    expect(lastQuarters(aprilFirstMoscow, 2)).toEqual(['2026 Q1', '2026 Q2']);
    expect(lastQuarters(aprilFirstMoscow - 1, 1)).toEqual(['2026 Q1']);
  });
});

describe('repeats per site and product', () => {
  const quarters = ['2026 Q4'];
  const repeat = (siteName: string, product: HistoryTicket['product']) =>
    ticket({ repeatOf: 'earlier', siteName, product, createdAt: now });

  it('keeps one row per product of a site', () => {
    const rows = repeatsPerSiteAndProduct([repeat('Альфа', 'pass24_key'), repeat('Альфа', 'pass24_auto')], quarters);
    expect(rows.map((r) => r.product).sort()).toEqual(['pass24_auto', 'pass24_key']);
  });

  it('puts the busiest first, then sites in Russian alphabetical order, then a row without product before the products', () => {
    const rows = repeatsPerSiteAndProduct(
      [
        repeat('Бета', 'pass24_key'),
        repeat('Альфа', 'pass24_key'),
        repeat('Альфа', null),
        repeat('Альфа', 'pass24_auto'),
        repeat('Гамма', 'pass24_key'),
        repeat('Гамма', 'pass24_key'),
      ],
      quarters,
    );
    expect(rows.map((r) => [r.siteName, r.product, r.counts[0]])).toEqual([
      ['Гамма', 'pass24_key', 2],
      ['Альфа', null, 1],
      ['Альфа', 'pass24_auto', 1],
      ['Альфа', 'pass24_key', 1],
      ['Бета', 'pass24_key', 1],
    ]);
  });
});
