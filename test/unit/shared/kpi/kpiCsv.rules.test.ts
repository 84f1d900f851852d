import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { computeKpiReport, kpiCsv, kpiTicketRows } from '#shared/kpi/index.ts';
import { story } from './kpiFixtures.ts';
import { june10, mayEvents, mayTickets } from './mayWorkspace.ts';

// The report as CSV (docs/kpi.md): scripts read it, so its layout is fixed row by row.
const setup = defaultSlaSetup();

describe('the CSV of a report', () => {
  it('is, for the May workspace, exactly the agreed file: the period, every figure with its split, target verdict and counts, then the tickets behind them with the reasons of the breached', () => {
    const report = computeKpiReport({
      tickets: mayTickets,
      events: mayEvents,
      setup,
      from: '2026-05-01',
      to: '2026-05-31',
      now: june10,
    });
    expect(kpiCsv(report)).toBe(readFileSync(new URL('./fixtures/may-report.csv', import.meta.url), 'utf8'));
  });

  it('gives every reason of a breach, separated by a space, and no verdict where a figure has none', () => {
    const late = story({
      id: 'E',
      priority: 'emergency',
      created: '2026-05-13 10:00',
      contact: '2026-05-13 11:00',
      moves: [['resolved', '2026-05-14 12:00']],
    });
    const lines = kpiCsv(
      computeKpiReport({ tickets: [late], events: [], setup, from: '2026-05-01', to: '2026-05-31', now: june10 }),
    ).split('\r\n');
    expect(lines).toContain(
      'sla.emergency.breached,E,2026-E,Обращение E,emergency,email,pass24_online,ag1,late_contact late_resolution',
    );
    expect(lines).toContain('sla.standard,team,,0,0,');
  });

  it('lists a ticket the report does not describe by its id alone', () => {
    const report = computeKpiReport({
      tickets: mayTickets,
      events: mayEvents,
      setup,
      from: '2026-05-01',
      to: '2026-05-31',
      now: june10,
    });
    const id = report.lists['volume.total']![0]!;
    const { [id]: _undescribed, ...tickets } = report.tickets;
    const row = kpiTicketRows({ ...report, tickets }).find((t) => t.figure === 'volume.total' && t.id === id);
    expect(row).toEqual({
      figure: 'volume.total',
      id,
      number: '',
      subject: '',
      priority: '',
      channel: '',
      product: '',
      agent: '',
      reasons: '',
    });
  });

  it('quotes a value with a comma, a quote or a line break, doubling the quotes, and names the agent of an agent’s report', () => {
    const odd = story({ id: 'Q', agent: 'ag1', created: '2026-05-12 10:00', moves: [['resolved', '2026-05-12 12:00']] });
    const tickets = [
      { ...odd, subject: 'Камера, "вход" 1' },
      { ...odd, id: 'R', number: '2026-R', subject: 'Строка\nвторая' },
      { ...odd, id: 'S', number: '2026-S', subject: 'Возврат\rкаретки' },
    ];
    const csv = kpiCsv(
      computeKpiReport({ tickets, events: [], setup, from: '2026-05-01', to: '2026-05-31', now: june10, agent: 'ag1' }),
    );
    expect(csv.split('\r\n')[0]).toBe('period,2026-05-01,2026-05-31,ag1');
    expect(csv).toContain('volume.total,Q,2026-Q,"Камера, ""вход"" 1",standard,email,pass24_online,ag1,\r\n');
    expect(csv).toContain('"Строка\nвторая"');
    expect(csv).toContain('"Возврат\rкаретки"');
  });
});
