/**
 * `npm run server -- report`, run as a real process on PostgreSQL: the May workspace
 * (test/unit/shared/kpi/mayWorkspace.ts) as JSON, CSV and XLSX, one agent by login, bad input refused;
 * the period's days begin in the workspace's configured time zone, as in GET /api/reports/kpi.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiReport } from '#shared/kpi/index.ts';
import { createAccount } from '../../server/auth/accounts.ts';
import { openDatabase } from '../../server/db/openDatabase.ts';
import { upsertDocuments } from '../../server/replication/collectionWriter.ts';
import { mayEvents, mayTickets } from '../unit/shared/kpi/mayWorkspace.ts';
import { defaultRussianCalendarConfig } from '#shared/sla/russianCalendar.ts';
import { configDoc, eventDoc, ticketDoc } from './support/documents.ts';
import { createPostgresDatabase } from './support/testDatabase.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'pass24-kpi-cli-'));
let env: Record<string, string>;

function report(args: string[], databaseUrl = env.DATABASE_URL!) {
  const res = spawnSync(process.execPath, ['server/cli.ts', 'report', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const may = ['--from', '2026-05-01', '--to', '2026-05-31'];

describe('report command', () => {
  beforeAll(async () => {
    const url = await createPostgresDatabase('kpicli');
    env = { DATABASE_URL: url };
    const database = await openDatabase({ url });
    try {
      const agent = await createAccount(database.db, {
        login: 'ivanova',
        name: 'Ирина Иванова',
        role: 'agent',
        password: 'пароль-агента',
      });
      const who = (id: unknown) => (id === 'ag1' ? agent.id : String(id));
      await database.db.transaction().execute(async (trx) => {
        await upsertDocuments(
          trx,
          'tickets',
          mayTickets.map((t, i) => ({ ...ticketDoc({ ...t, assigneeId: who(t.assigneeId) } as never), updatedAt: i + 1 })),
        );
        await upsertDocuments(
          trx,
          'events',
          mayEvents.map((e, i) =>
            eventDoc({
              ticketId: e.ticketId,
              kind: e.kind,
              at: e.at,
              data: e.kind === 'assigned' ? { from: who(e.data.from), to: who(e.data.to) } : e.data,
              updatedAt: i + 1,
            }),
          ),
        );
      });
    } finally {
      await database.close();
    }
  });

  it('writes the team report as JSON with the fixed top level', () => {
    const out = join(dir, 'may.json');
    const res = report([...may, '--format', 'json', '--out', out]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const r = JSON.parse(readFileSync(out, 'utf8')) as KpiReport;
    expect(r.period).toEqual({ from: '2026-05-01', to: '2026-05-31' });
    expect(r.sla.standard).toEqual({ total: 5, met: 4, rate: 0.8 });
    expect(r.volume.total).toBe(9);
    // A file for scripts: the team's lists of the tickets behind the numbers go with it.
    expect(r.listScope).toBe('team');
    expect(r.lists['sla.standard.breached']).toEqual(['H']);
    expect(Object.keys(r.lists).some((k) => k.startsWith('by'))).toBe(false);
  });

  it('reports one agent by login', () => {
    const out = join(dir, 'agent.json');
    expect(report([...may, '--agent', 'ivanova', '--format', 'json', '--out', out]).code).toBe(0);
    // ag1 had A B C D E F R3 created in May.
    expect((JSON.parse(readFileSync(out, 'utf8')) as KpiReport).volume.total).toBe(7);
  });

  it('writes CSV and XLSX', async () => {
    const csv = join(dir, 'may.csv');
    expect(report([...may, '--format', 'csv', '--out', csv]).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('sla.emergency,team,0.5,2,1,missed');
    const xlsx = join(dir, 'may.xlsx');
    expect(report([...may, '--format', 'xlsx', '--out', xlsx]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Показатели', 'Нарушения SLA', 'Обращения']);
    expect(wb.getWorksheet('Нарушения SLA')!.rowCount).toBe(4); // header + I, F, H
  });

  it.each([
    ['from after to', ['--from', '2026-06-01', '--to', '2026-05-01', '--format', 'json'], /позже/],
    ['ten years', ['--from', '2016-01-01', '--to', '2025-12-31', '--format', 'json'], /слишком длинный/],
    ['a malformed date', ['--from', '2026-02-30', '--to', '2026-03-01', '--format', 'json'], /не распознана/],
    ['an unknown format', [...may, '--format', 'pdf'], /json, csv или xlsx/],
    ['an unknown agent', [...may, '--agent', 'nobody', '--format', 'json'], /не найден/],
  ])('refuses %s with exit code 2 and the reason', (_what, args, message) => {
    const res = report([...args, '--out', join(dir, 'refused.json')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
  });
});

describe('report command in a workspace with its own time zone', () => {
  let url: string;
  beforeAll(async () => {
    url = await createPostgresDatabase('kpiclizone');
    const database = await openDatabase({ url });
    try {
      const vladivostok = { ...defaultRussianCalendarConfig(), timeZone: 'Asia/Vladivostok' };
      await database.db.transaction().execute(async (trx) => {
        await upsertDocuments(trx, 'config', [
          configDoc({
            id: 'calendar',
            value: { versions: [{ id: 'v1', from: 0, editedBy: 'head', value: vladivostok }] },
            updatedAt: 1,
          }),
        ]);
        // 06:00 on 1 June in Vladivostok, still 31 May (23:00) in Moscow.
        await upsertDocuments(trx, 'tickets', [{ ...ticketDoc({ createdAt: Date.UTC(2026, 4, 31, 20, 0) }), updatedAt: 1 }]);
      });
    } finally {
      await database.close();
    }
  });

  it('counts a ticket in the day of the configured zone, not of the default calendar', () => {
    const june = join(dir, 'june-first.json');
    expect(report(['--from', '2026-06-01', '--to', '2026-06-01', '--out', june], url).code).toBe(0);
    const r = JSON.parse(readFileSync(june, 'utf8')) as KpiReport;
    expect(r.timeZone).toBe('Asia/Vladivostok');
    expect(r.volume.total).toBe(1);
    const may = join(dir, 'may-last.json');
    expect(report(['--from', '2026-05-31', '--to', '2026-05-31', '--out', may], url).code).toBe(0);
    expect((JSON.parse(readFileSync(may, 'utf8')) as KpiReport).volume.total).toBe(0);
  });
});
