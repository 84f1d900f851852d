/**
 * The knowledge base out to a folder of Markdown files with front matter and back in: every field
 * survives the round trip (quotes, colons, a «---» in the text), on PGlite and on PostgreSQL; a
 * bad file is refused on its own with the reason and the rest are imported; the CLI says which
 * file and why.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KbArticle } from '#shared/schema/index.ts';
import { openDatabase } from '../../server/db/openDatabase.ts';
import { exportKb, importKb } from '../../server/kb/kbTransfer.ts';
import { listKbVersions } from '../../server/replication/kbVersions.ts';
import { fresh, kbDoc } from './support/documents.ts';
import { backends, openTestDatabase } from './support/testDatabase.ts';
import { signedIn, startTestServer, type TestServer } from './support/testServer.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
const content = ['title', 'body', 'product', 'category', 'tags', 'symptoms', 'status'] as const;
const contentOf = (a: KbArticle) => Object.fromEntries(content.map((f) => [f, a[f]]));

describe.each(backends)('KB import and export on %s', (backend) => {
  let server: TestServer;
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'pass24-kb-'));
    dirs.push(dir);
    return dir;
  };
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('exports every article to a file and imports them into another workspace unchanged', async () => {
    const published = kbDoc({
      createdBy: server.head.id,
      editedBy: server.head.id,
      status: 'published',
      title: 'QR-код: «не открывается» — что проверить?',
      body: '## Решение\n\n1. Проверьте время: `ntp`.\n\n---\n\ntitle: это текст, не поле\n',
      product: 'pass24_key',
      category: 'Неисправность',
      tags: ['QR-код', '#турникет', 'да'],
      symptoms: ['гостю не пришла смс', 'код: просрочен'],
    });
    const draft = kbDoc({ createdBy: server.agent.id, editedBy: server.agent.id, title: 'Черновик про Wiegand', product: null });
    expect((await server.asHead.push('kb', [fresh(published)])).rejected).toEqual([]);
    expect((await server.asAgent.push('kb', [fresh(draft)])).rejected).toEqual([]);
    const original = (await server.asHead.pullAll<KbArticle>('kb')).documents;

    const dir = tempDir();
    expect(await exportKb(server.database, dir)).toEqual({ written: original.length });
    expect(readdirSync(dir)).toContain('qr-kod-ne-otkryvaetsya-chto-proverit.md');

    const other = await openTestDatabase(backend);
    try {
      const importer = await signedIn(other, 'head');
      const result = await importKb(other, dir, importer.agent.id);
      expect(result).toEqual({ created: original.length, updated: 0, unchanged: 0, refused: [] });
      const rows = await other.db.selectFrom('documents').select('data').where('collection', '=', 'kb').execute();
      const imported = new Map((rows as Array<{ data: KbArticle }>).map((r) => [r.data.id, r.data]));
      for (const a of original) {
        expect(contentOf(imported.get(a.id)!)).toEqual(contentOf(a));
        expect(imported.get(a.id)!.editedBy).toBe(importer.agent.id);
      }
      expect((await listKbVersions(other.db, published.id)).map((v) => v.signedBy)).toEqual([importer.agent.id]);
      // The same folder again changes nothing.
      expect(await importKb(other, dir, importer.agent.id)).toEqual({
        created: 0,
        updated: 0,
        unchanged: original.length,
        refused: [],
      });
    } finally {
      await other.close();
    }
  });

  it('refuses each bad file with the reason and imports the rest', async () => {
    const dir = tempDir();
    const files: Record<string, string> = {
      'good.md':
        '---\ntitle: Шлагбаум не открывается\nproduct: pass24.auto\ntags: [шлагбаум, камера]\n---\n\nПерезапустите контроллер.\n',
      'no-front-matter.md': '# Просто текст\n\nБез полей.\n',
      'bad-yaml.md': '---\ntitle: [не закрыт\n---\n\nТекст.\n',
      'no-title.md': '---\nproduct: pass24_key\n---\n\nТекст.\n',
      'no-body.md': '---\ntitle: Пустая\n---\n',
      'bad-product.md': '---\ntitle: Чужой продукт\nproduct: pass25\n---\n\nТекст.\n',
      'bad-status.md': '---\ntitle: Статус\nstatus: live\n---\n\nТекст.\n',
      'notes.txt': 'не Markdown: не читается вовсе',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);

    const result = await importKb(server.database, dir, server.head.id);
    expect(result.created).toBe(1);
    expect(result.refused).toEqual([
      { file: 'bad-product.md', reason: expect.stringMatching(/неизвестный продукт «pass25»/) },
      { file: 'bad-status.md', reason: expect.stringMatching(/неизвестный статус «live»/) },
      { file: 'bad-yaml.md', reason: expect.stringMatching(/ошибка YAML/) },
      { file: 'no-body.md', reason: expect.stringMatching(/нет текста/) },
      { file: 'no-front-matter.md', reason: expect.stringMatching(/нет front matter/) },
      { file: 'no-title.md', reason: expect.stringMatching(/нет заголовка/) },
    ]);
    const stored = (await server.asHead.pullAll<KbArticle>('kb')).documents.find((d) => d.title === 'Шлагбаум не открывается');
    expect(stored).toMatchObject({ product: 'pass24_auto', tags: ['шлагбаум', 'камера'], status: 'published' });
  });
});

describe('kb import and export from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pass24-kb-cli-'));
  const data = join(dir, 'data');
  const folder = join(dir, 'articles');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (args: string[]) => {
    const res = spawnSync(process.execPath, ['server/cli.ts', ...args, '--data', data], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { code: res.status, stdout: res.stdout, stderr: res.stderr };
  };

  it('names each refused file and why, imports the rest, and exits 1; only the head imports', async () => {
    const database = await openDatabase({ dataDir: data });
    try {
      await signedIn(database, 'head', undefined, 'head-cli');
      await signedIn(database, 'agent', undefined, 'agent-cli');
    } finally {
      await database.close();
    }
    const logins = async () => {
      const db = await openDatabase({ dataDir: data });
      try {
        return await db.db.selectFrom('accounts').select(['login', 'role']).execute();
      } finally {
        await db.close();
      }
    };
    const accounts = await logins();
    const head = accounts.find((a) => a.role === 'head')!.login;
    const agent = accounts.find((a) => a.role === 'agent')!.login;
    const source = join(dir, 'source');
    rmSync(source, { recursive: true, force: true });
    mkdirSync(source, { recursive: true });
    writeFileSync(join(source, 'ok.md'), '---\ntitle: Домофон не звонит\n---\n\nПроверьте GSM-модуль.\n');
    writeFileSync(join(source, 'broken.md'), '---\ntitle: "не закрыта кавычка\n---\n\nТекст.\n');

    const byAgent = cli(['kb', 'import', source, '--as', agent]);
    expect(byAgent.code).toBe(2);
    expect(byAgent.stderr).toMatch(/руководитель или администратор/);

    const imported = cli(['kb', 'import', source, '--as', head]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/Пропущен файл broken\.md: ошибка YAML/);
    expect(imported.stdout).toMatch(/новых статей 1, обновлено 0, без изменений 0, пропущено файлов 1/);

    const exported = cli(['kb', 'export', folder]);
    expect(exported.code).toBe(0);
    expect(readdirSync(folder)).toEqual(['domofon-ne-zvonit.md']);
    expect(readFileSync(join(folder, 'domofon-ne-zvonit.md'), 'utf8')).toMatch(
      /^---\nid: kb-[0-9a-f]{32}\ntitle: Домофон не звонит\n/,
    );
  });
});
