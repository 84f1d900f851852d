/**
 * `channel add telegram` on the command line: the token from stdin (or --token, with a warning),
 * the Bot API's address as configuration, one channel per bot, and the token never printed.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/openDatabase.ts';
import { createPostgresDatabase } from '../support/testDatabase.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const token = '7000000002:AAStandInSecretPart0123456789abcdefXYZ';
const secretPart = token.split(':')[1]!;

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

describe('channel add telegram', () => {
  it('refuses a malformed token without echoing it, before touching the database', () => {
    const bad = cli(['channel', 'add', 'telegram', '--token', 'not-a-token-but-secret-anyway'], {
      DATABASE_URL: 'postgres://nowhere.invalid/x',
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/не похож на токен Telegram/);
    expect(bad.stderr + bad.stdout).not.toContain('not-a-token-but-secret-anyway');
  }, 60_000);

  it('adds a bot with the token from stdin and the Bot API address, lists it without the token, refuses the same bot twice', async () => {
    const url = await createPostgresDatabase('telegram_cli');
    const env = { DATABASE_URL: url };
    const added = cli(
      ['channel', 'add', 'telegram', '--api-root', 'http://127.0.0.1:8081/', '--name', 'Бот поддержки'],
      env,
      `${token}\n`,
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^Канал telegram telegram:7000000002 добавлен, id /);
    const listed = cli(['channel', 'list'], env);
    expect(listed.stdout).toMatch(/\ttelegram\ttelegram:7000000002\tвключён\tBot API http:\/\/127\.0\.0\.1:8081\t/);
    const again = cli(['channel', 'add', 'telegram', '--token', token], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/токен в параметре виден в истории команд/);
    expect(again.stderr).toMatch(/Бот telegram:7000000002 уже подключён/);
    for (const out of [added, listed, again]) expect(out.stdout + out.stderr).not.toContain(secretPart);

    const database = await openDatabase({ url });
    try {
      const row = await database.db.selectFrom('channels').select(['kind', 'settings', 'secret']).executeTakeFirstOrThrow();
      expect(row).toEqual({
        kind: 'telegram',
        settings: { apiRoot: 'http://127.0.0.1:8081', pollTimeoutSeconds: 30 },
        secret: token,
      });
    } finally {
      await database.close();
    }
  }, 240_000);

  it("sets webhook mode with --webhook-url: the endpoint's address and the bot's route, refusing what is not an http(s) address", async () => {
    const bad = cli(['channel', 'add', 'telegram', '--token', token, '--webhook-url', 'ftp://desk.example.ru'], {
      DATABASE_URL: 'postgres://nowhere.invalid/x',
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Параметр --webhook-url: «ftp:\/\/desk\.example\.ru» не адрес http\(s\) сервера/);

    const url = await createPostgresDatabase('telegram_cli_webhook');
    const added = cli(
      ['channel', 'add', 'telegram', '--webhook-url', 'https://desk.example.ru/'],
      { DATABASE_URL: url },
      `${token}\n`,
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(
      'Режим вебхука: Telegram будет присылать обновления на https://desk.example.ru/api/telegram/7000000002/updates.',
    );
    expect(added.stdout + added.stderr).not.toContain(secretPart);
    const database = await openDatabase({ url });
    try {
      const row = await database.db.selectFrom('channels').select('settings').executeTakeFirstOrThrow();
      expect(row.settings).toEqual({
        apiRoot: 'https://api.telegram.org',
        pollTimeoutSeconds: 30,
        webhookUrl: 'https://desk.example.ru/api/telegram/7000000002/updates',
      });
    } finally {
      await database.close();
    }
  }, 240_000);
});
