/**
 * A throwaway Dovecot IMAP server in a temp folder, for the channel tests and benchmark: a
 * passwd-file of the test's mailboxes, maildir storage, plaintext login on a free loopback port.
 * As root the mail processes run as the `dovecot` user (Dovecot refuses uid 0 for mail); otherwise
 * everything runs as the current user. Throws with Dovecot's log when it does not come up: the
 * channel suite must fail loudly, never be skipped.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface DovecotServer {
  host: string;
  port: number;
  dir: string;
  /** Adds a mailbox (login = address) with a password. */
  addUser(login: string, password: string): void;
  stop(): void;
  log(): string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function findDovecot(): string {
  for (const candidate of ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot']) if (existsSync(candidate)) return candidate;
  const onPath = spawnSync('sh', ['-c', 'command -v dovecot'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  throw new Error('Dovecot not found: install dovecot-imapd (Debian) to run the channel tests.');
}

function idOf(flag: '-u' | '-g', name: string): number {
  return Number(spawnSync('id', [flag, name], { encoding: 'utf8' }).stdout.trim());
}

async function waitForGreeting(port: number, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.setTimeout(1000);
      socket.once('data', (chunk) => {
        socket.destroy();
        resolve(chunk.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

export async function startDovecot(): Promise<DovecotServer> {
  const binary = findDovecot();
  const dir = mkdtempSync(join(tmpdir(), 'pass24-dovecot-'));
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const me = userInfo().username;
  const uid = root ? idOf('-u', 'dovecot') : process.getuid!();
  const gid = root ? idOf('-g', 'dovecot') : process.getgid!();
  const port = await freePort();
  const passwd = join(dir, 'passwd');
  const mail = join(dir, 'mail');
  mkdirSync(mail);
  mkdirSync(join(dir, 'run'));
  writeFileSync(passwd, '');
  if (root) chownSync(mail, uid, gid);
  const logFile = join(dir, 'dovecot.log');
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(
    conf,
    [
      `base_dir = ${join(dir, 'run')}`,
      `state_dir = ${join(dir, 'run')}`,
      `log_path = ${logFile}`,
      `protocols = imap`,
      `listen = 127.0.0.1`,
      `ssl = no`,
      `disable_plaintext_auth = no`,
      `auth_mechanisms = plain login`,
      `default_internal_user = ${root ? 'dovecot' : me}`,
      `default_internal_group = ${root ? 'dovecot' : me}`,
      `default_login_user = ${root ? 'dovenull' : me}`,
      `first_valid_uid = ${Math.min(uid, 100)}`,
      `mail_location = maildir:${mail}/%u`,
      `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${passwd}\n}`,
      `userdb {\n  driver = static\n  args = uid=${uid} gid=${gid} home=${mail}/%u\n}`,
      `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
      `service stats {\n  unix_listener stats-reader {\n    mode = 0666\n  }\n  unix_listener stats-writer {\n    mode = 0666\n  }\n}`,
      `protocol imap {\n  mail_max_userip_connections = 100\n}`,
      '',
    ].join('\n'),
  );
  // The auth and mail processes (another user as root) read the passwd-file and the mail folder.
  chmodSync(dir, 0o755);

  const child: ChildProcess = spawn(binary, ['-c', conf, '-F'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '') + output;

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);

  if (!(await waitForGreeting(port, Date.now() + 20_000))) {
    const text = log();
    stop();
    throw new Error(`Dovecot did not start on port ${port}:\n${text.slice(-4000)}`);
  }
  return {
    host: '127.0.0.1',
    port,
    dir,
    addUser(login, password) {
      writeFileSync(passwd, `${readFileSync(passwd, 'utf8')}${login}:{PLAIN}${password}\n`);
    },
    stop,
    log,
  };
}
