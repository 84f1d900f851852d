/**
 * Which lists of the tickets behind the numbers a report carries (docs/kpi.md, "Splits and
 * lists"): every scope gives the same numbers; `team` drops the splits' lists, `none` every list
 * and names only the breached tickets; a list's name is known or refused.
 */
import { describe, expect, it } from 'vitest';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { computeKpiReport, isKpiListKey, type KpiListScope } from '#shared/kpi/index.ts';
import { june10, mayEvents, mayTickets } from './mayWorkspace.ts';

const report = (lists?: KpiListScope) =>
  computeKpiReport({
    tickets: mayTickets,
    events: mayEvents,
    setup: defaultSlaSetup(),
    from: '2026-05-01',
    to: '2026-05-31',
    now: june10,
    ...(lists ? { lists } : {}),
  });

/** The report without its lists and the tickets they name. */
const numbers = ({ lists: _l, tickets: _t, listScope: _s, ...rest }: ReturnType<typeof report>) => rest;

describe('the list scope of a report', () => {
  // Each test computes the report: computed here, it would run outside every test (a mutation
  // run then counts its code to no test).
  it('is all by default: the team’s lists and the splits’', () => {
    const all = report();
    expect(all.listScope).toBe('all');
    expect(all.lists['byChannel.phone.sla.total']).toEqual(['A', 'B']);
    expect(all.lists['sla.standard.breached']).toEqual(['H']);
  });

  it('describes every ticket any list names or that breached, and no other', () => {
    const all = report();
    const named = new Set([...Object.values(all.lists).flat(), ...all.breached.map((b) => b.ticketId)]);
    expect(Object.keys(all.tickets).sort()).toEqual([...named].sort());
  });

  it('changes no number', () => {
    const all = report();
    expect(numbers(report('team'))).toEqual(numbers(all));
    expect(numbers(report('none'))).toEqual(numbers(all));
  });

  it('team: every list but the splits’, the same tickets named', () => {
    const all = report();
    const team = report('team');
    expect(team.lists).toEqual(Object.fromEntries(Object.entries(all.lists).filter(([k]) => !k.startsWith('by'))));
    expect(Object.keys(team.lists)).toEqual(Object.keys(all.lists).filter((k) => !k.startsWith('by')));
    expect(team.tickets).toEqual(all.tickets);
  });

  it('none: no list, and only the breached tickets described', () => {
    const all = report();
    const none = report('none');
    expect(none.lists).toEqual({});
    // I, F and H breached in May (test/unit/shared/kpi/kpiReport.test.ts).
    expect(Object.keys(none.tickets).sort()).toEqual(['F', 'H', 'I']);
    expect(none.tickets.H).toEqual(all.tickets.H);
  });
});

describe('the name of a list', () => {
  it.each([
    'sla.emergency.breached',
    'sla.total',
    'withoutEscalation.missed',
    'firstContactMinutes',
    'repeats.previousQuarter',
    'byPriority.standard.documented.met',
    'byChannel.walk_in.csat.rated',
    'byProduct.pass24_key.resolutionMinutes',
    'byProduct.none.volume.total',
  ])('knows %s', (key) => {
    expect(isKpiListKey(key)).toBe(true);
  });

  it.each([
    'sla.urgent.total',
    'sla',
    '',
    'byChannel.fax.sla.total',
    'byChannel.email.repeats.count',
    'byPriority.standard.sla.emergency.total',
    'byPriority.standard.',
    'lists',
  ])('refuses %j', (key) => {
    expect(isKpiListKey(key)).toBe(false);
  });

  it('knows every list the full report holds', () => {
    for (const key of Object.keys(report().lists)) expect(isKpiListKey(key), key).toBe(true);
  });
});
