/**
 * `channel add bitrix24` on the command line: the incoming webhook's address from stdin (or
 * --webhook, with a warning), one channel per portal, the webhook and the application token never
 * printed nor listed; `channel disable` and `enable` reach it by its address.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBitrix24Secret } from '../../../server/channels/bitrix24/bitrix24Secret.ts';
import { openDatabase } from '../../../server/db/openDatabase.ts';
import { createPostgresDatabase } from '../support/testDatabase.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const webhook = 'https://pass24.bitrix24.ru/rest/12/s3cr3tw3bh00kcode/';
const appToken = 'outgoing-application-token-4242';

function cli(args: string[], env: Record<string, string>, input?: string) {
  const res = spawnSync(process.execPath, ['server/cli.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('channel add bitrix24', () => {
  it('refuses an address that is not an incoming webhook without echoing it, before touching the database', () => {
    const bad = cli(['channel', 'add', 'bitrix24', '--webhook', 'https://pass24.bitrix24.ru/crm/s3cr3t-but-wrong/'], {
      DATABASE_URL: 'postgres://nowhere.invalid/x',
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/не похож на входящий вебхук Битрикс24/);
    expect(bad.stderr + bad.stdout).not.toContain('s3cr3t-but-wrong');
  }, 60_000);

  it('adds a portal with the webhook from stdin, lists it without secrets, refuses it twice, disables and enables it', async () => {
    const url = await createPostgresDatabase('bitrix24_cli');
    const env = { DATABASE_URL: url };
    const added = cli(
      ['channel', 'add', 'bitrix24', '--app-token', appToken, '--desk-url', 'https://desk.pass24.ru/', '--sync-minutes', '10'],
      env,
      `${webhook}\n`,
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^Канал bitrix24 bitrix24:pass24\.bitrix24\.ru добавлен, id /);
    const id = /id ([0-9a-f-]{36})/.exec(added.stdout)![1]!;
    expect(added.stdout).toContain(`/api/channels/bitrix24/${id}/events`);
    const listed = cli(['channel', 'list'], env);
    expect(listed.stdout).toMatch(/\tbitrix24\tbitrix24:pass24\.bitrix24\.ru\tвключён\tпортал https:\/\/pass24\.bitrix24\.ru\t/);
    const again = cli(['channel', 'add', 'bitrix24', '--webhook', webhook], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/адрес вебхука в параметре виден в истории команд/);
    expect(again.stderr).toMatch(/Портал bitrix24:pass24\.bitrix24\.ru уже подключён/);
    const off = cli(['channel', 'disable', '--channel', 'bitrix24:pass24.bitrix24.ru'], env);
    expect(off.code, off.stderr).toBe(0);
    expect(cli(['channel', 'list'], env).stdout).toContain('\tотключён\t');
    expect(cli(['channel', 'enable', '--channel', id], env).code).toBe(0);
    for (const out of [added, listed, again, off]) {
      expect(out.stdout + out.stderr).not.toContain('s3cr3tw3bh00kcode');
      expect(out.stdout + out.stderr).not.toContain(appToken);
    }

    const database = await openDatabase({ url });
    try {
      const row = await database.db
        .selectFrom('channels')
        .select(['kind', 'settings', 'secret', 'enabled'])
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        kind: 'bitrix24',
        enabled: true,
        settings: {
          portal: 'https://pass24.bitrix24.ru',
          syncMs: 600_000,
          callIntervalMs: 500,
          activityProviders: [],
          deskUrl: 'https://desk.pass24.ru',
        },
      });
      expect(decodeBitrix24Secret(row.secret)).toEqual({ webhook, applicationToken: appToken });
      const audit = await database.db.selectFrom('audit_log').select(['action', 'detail']).execute();
      expect(JSON.stringify(audit)).not.toContain('s3cr3tw3bh00kcode');
    } finally {
      await database.close();
    }
  }, 240_000);
});
